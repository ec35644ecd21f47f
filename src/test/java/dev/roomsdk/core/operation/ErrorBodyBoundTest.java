package dev.roomsdk.core.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.core.error.ErrorMapper;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.videsk.Videsk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 5xx with a huge body (a proxy's error page, a stack dump) costs the client a bounded
 * prefix: the exception keeps at most {@link ErrorMapper#MAX_BODY_CHARS} characters, the
 * calling thread allocates a few hundred KiB for three attempts (bounded here at 8 MiB, where
 * keeping one 48 MiB body would take 48 MiB or more), and the client hangs up instead of reading
 * each body to its end, on every attempt of the retry policy. The server streams 48 MiB per
 * response from one 64 KiB chunk (never built in memory), counts what it managed to write
 * before the client hung up, and paces itself after the first MiB so the count does not
 * depend on the machine's loopback speed; the client's receive buffer is kept small so that
 * the count tracks what the client read. (On close, OkHttp still discards what arrives within
 * 100 ms to keep the connection, so the count is megabytes, not the 64 KiB the SDK reads.)
 */
class ErrorBodyBoundTest {

    static final long BODY_BYTES = 48L << 20;
    static final int CHUNK = 64 * 1024;
    static final long MAX_ALLOCATED = 8L << 20;
    static final long PACED_AFTER = 1L << 20;

    HugeErrorServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** A client socket with a 64 KiB receive buffer, so the kernel does not read ahead megabytes for it. */
    static final class SmallReceiveBuffer extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            Socket s = new Socket();
            s.setReceiveBufferSize(CHUNK);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return createSocket(address, port);
        }
    }

    @Test
    void aHugeErrorBodyIsReadOnlyAsFarAsTheExceptionKeepsIt() throws Exception {
        server = new HugeErrorServer(3);
        List<Duration> waits = new CopyOnWriteArrayList<>();
        OkHttpClient base = new OkHttpClient.Builder().socketFactory(new SmallReceiveBuffer()).build();
        HttpSettings settings = HttpSettings.builder().baseClient(base).readTimeout(Duration.ofSeconds(10))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).sleeper(waits::add).build()).build();

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        ServerException e;
        long allocated;
        try (Videsk videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("t").httpSettings(settings).build()) {
            // class loading and the client's first use off the measure: one attempt, same path
            Videsk once = videsk.withOptions(RequestOptions.builder().retryPolicy(RetryPolicy.none()).build());
            assertThrows(ServerException.class, () -> once.rooms().getRoom("warm-up").execute());
            assertTrue(server.served.await(20, TimeUnit.SECONDS), "the warm-up was served");
            server.expect(3);
            long before = threads.getThreadAllocatedBytes(thread);
            e = assertThrows(ServerException.class, () -> videsk.rooms().getRoom("r1").execute());
            allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertTrue(server.served.await(20, TimeUnit.SECONDS), "every attempt ended on the server side");
        } finally {
            base.dispatcher().executorService().shutdown();
            base.connectionPool().evictAll();
        }

        assertEquals(500, e.statusCode());
        assertEquals(ErrorMapper.MAX_BODY_CHARS, e.body().length(), "the exception keeps a bounded prefix");
        assertTrue(e.body().chars().allMatch(c -> c == 'x'), "a prefix of what was sent");
        assertEquals(2, waits.size(), "three attempts, as for any 500");
        assertTrue(allocated < MAX_ALLOCATED, "the calling thread allocated " + allocated + " bytes for three 48 MiB bodies");
        List<Long> written = server.writtenPerConnection();
        System.out.println("ErrorBodyBoundTest: bytes the server wrote per connection before the client hung up: " + written
                + "; calling thread allocated " + allocated + " bytes");
        assertEquals(4, written.size(), "the warm-up and three attempts: " + written);
        for (long n : written) {
            assertTrue(n < BODY_BYTES, "the client hung up before the end, the server wrote " + n + " of " + BODY_BYTES
                    + " bytes: " + written);
        }
    }

    /**
     * Answers each connection with a 500 announcing {@link #BODY_BYTES} of text and writes it
     * chunk by chunk until done or the client hangs up. Bounded: at most {@code connections}
     * connections, each write loop at most BODY_BYTES / CHUNK writes, and a blocked write is
     * ended by closing the socket after 30 s.
     */
    static final class HugeErrorServer implements AutoCloseable {
        final ServerSocket socket;
        final Thread thread;
        final List<Long> written = new CopyOnWriteArrayList<>();
        final AtomicInteger accepted = new AtomicInteger();
        volatile CountDownLatch served = new CountDownLatch(1);

        HugeErrorServer(int attempts) throws IOException {
            socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            int connections = attempts + 1;
            thread = new Thread(() -> serve(connections), "huge-error-server");
            thread.setDaemon(true);
            thread.start();
        }

        void expect(int responses) {
            served = new CountDownLatch(responses);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        List<Long> writtenPerConnection() {
            return List.copyOf(written);
        }

        private void serve(int connections) {
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, (byte) 'x');
            while (accepted.get() < connections) {
                try (Socket s = socket.accept()) {
                    accepted.incrementAndGet();
                    s.setSendBufferSize(CHUNK);
                    s.setSoTimeout(30_000);
                    Thread watchdog = watchdog(s);
                    readHead(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: " + BODY_BYTES
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    long n = 0;
                    try {
                        for (long i = 0; i < BODY_BYTES / CHUNK; i++) {
                            out.write(chunk);
                            n += CHUNK;
                            if (n > PACED_AFTER) {
                                // at most 64 KiB per 0.5 ms (128 MB/s) from here, as a fast network would deliver
                                // it: OkHttp's 100 ms discard on close cannot reach the end, whatever the machine
                                LockSupport.parkNanos(500_000);
                            }
                        }
                        out.flush();
                    } catch (IOException hungUp) {
                        // the client closed the connection: what we want to see
                    }
                    written.add(n);
                    watchdog.interrupt();
                    served.countDown();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private static Thread watchdog(Socket s) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(30_000);
                    s.close();
                } catch (InterruptedException | IOException e) {
                    // done in time
                }
            }, "huge-error-watchdog");
            t.setDaemon(true);
            t.start();
            return t;
        }

        private static void readHead(InputStream in) throws IOException {
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
            socket.close();
            thread.join(5_000);
        }
    }
}
