package dev.roomsdk.core.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection HTTP server on 127.0.0.1 that announces {@link #LENGTH} bytes, sends the
 * first {@link #SENT} and then breaks the body: closes the connection, resets it (RST, which
 * the JDK's HttpServer cannot do), or stalls. Raw sockets, so the break is exactly where the
 * test says. Every wait is bounded; {@link #close()} ends a stall at once.
 */
final class BrokenBodyServer implements AutoCloseable {

    static final int LENGTH = 100_000;
    static final int SENT = 1000;

    enum Break {
        /** Closes the connection (FIN) after the partial body: the body is cut short. */
        CUT,
        /** Waits for {@link #clientHasRead()}, then resets the connection (RST). */
        RESET,
        /** Sends nothing more until {@link #close()} (at most {@link #MAX_STALL_SECONDS}). */
        STALL
    }

    static final long MAX_STALL_SECONDS = 30;

    private final ServerSocket socket;
    private final Thread thread;
    private final CountDownLatch clientRead = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    BrokenBodyServer(Break how) throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(10_000);
        thread = new Thread(() -> serveOne(how), "broken-body-server");
        thread.setDaemon(true);
        thread.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** Tells a RESET server the client has the partial body, so the reset cannot overtake it. */
    void clientHasRead() {
        clientRead.countDown();
    }

    private void serveOne(Break how) {
        try (Socket s = socket.accept()) {
            readRequestHead(s.getInputStream());
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + LENGTH
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[SENT]);
            out.flush();
            switch (how) {
                case CUT:
                    break;
                case RESET:
                    clientRead.await(10, TimeUnit.SECONDS);
                    s.setSoLinger(true, 0);
                    break;
                case STALL:
                    released.await(MAX_STALL_SECONDS, TimeUnit.SECONDS);
                    break;
                default:
                    throw new AssertionError(how);
            }
        } catch (IOException | InterruptedException e) {
            // the test sees the outcome on the client side
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int i = 0; i < 64 * 1024 && matched < end.length; i++) {
            int b = in.read();
            if (b == -1) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        released.countDown();
        clientRead.countDown();
        socket.close();
        thread.join(5_000);
    }
}
