package dev.roomsdk.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 (random port) for faults WireMock cannot script exactly:
 * a body that breaks off after a 200 status line, a peer that stops reading. Each accepted
 * connection is handed to the handler with its 1-based number; the handler writes whatever
 * bytes it likes. {@link #close()} closes the listening socket and every accepted one and
 * waits for the handler threads, so nothing of one test reaches the next.
 */
final class LoopbackServer implements AutoCloseable {

    /** Writes one connection's answer; {@code connection} counts from 1. */
    @FunctionalInterface
    interface Handler {
        void handle(int connection, Socket socket) throws Exception;
    }

    /** Most connections one test may open; a runaway client fails the test instead of looping. */
    private static final int MAX_CONNECTIONS = 16;

    private final ServerSocket listener;
    private final Handler handler;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param receiveBuffer the accepted sockets' receive buffer in bytes (fixed, so the kernel
     *                      does not grow it), or 0 for the system's default
     */
    LoopbackServer(int receiveBuffer, Handler handler) throws IOException {
        this.handler = handler;
        listener = new ServerSocket();
        if (receiveBuffer > 0) {
            listener.setReceiveBufferSize(receiveBuffer); // inherited by accepted sockets; set before bind
        }
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        threads.execute(this::acceptLoop);
    }

    LoopbackServer(Handler handler) throws IOException {
        this(0, handler);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Request heads read so far by {@link #readRequestHead}. */
    int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.add(socket);
            int n = connections.incrementAndGet();
            if (n > MAX_CONNECTIONS) {
                closeQuietly(socket);
                continue;
            }
            threads.execute(() -> {
                try {
                    handler.handle(n, socket);
                } catch (Exception e) {
                    // the client went away or the server was closed: the test judges the client's side
                } finally {
                    closeQuietly(socket);
                }
            });
        }
    }

    /**
     * Reads one request's head (request line and headers, up to the blank line) and counts it;
     * the request line, or null when the client closed first. Reads at most 64 kB, for at
     * most 10 s.
     */
    String readRequestHead(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0 || head.size() > 64 * 1024) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        requests.incrementAndGet();
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf("\r\n"));
    }

    /** Writes {@code text} (ISO-8859-1, CRLF line ends as given) and flushes. */
    static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Holds the connection open without reading it until the server is closed, or at most {@code maxMillis}. */
    void stall(long maxMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (!closed && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    /** Reads and drops the rest of what the client sends, until it closes or {@code maxMillis} pass. */
    static void drain(Socket socket, long maxMillis) throws IOException {
        socket.setSoTimeout(200);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        byte[] buffer = new byte[64 * 1024];
        while (System.nanoTime() < end) {
            try {
                if (socket.getInputStream().read(buffer) < 0) {
                    return;
                }
            } catch (SocketTimeoutException idle) {
                // keep reading until the deadline
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        closeQuietly(listener);
        accepted.forEach(LoopbackServer::closeQuietly);
        threads.shutdownNow();
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new AssertionError("loopback server threads still running after the test");
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing at the end of a test
        }
    }
}
