package dev.roomsdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.Room;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server that closes idle keep-alive connections leaves the client's pool full of dead
 * ones. OkHttp's own recovery is off (it would resend POSTs), so the retry policy drops the
 * idle connections after a connection failure: the next attempt connects afresh instead of
 * finding another dead connection, and an idempotent call succeeds.
 */
class StaleConnectionRetryTest {

    private static final String ROOM = "{\"id\":\"r1\",\"name\":\"standup\"}";
    private static final int PARALLEL = 4;

    @Test
    void deadPooledConnectionsDoNotFailAnIdempotentCall() throws Exception {
        CountDownLatch allOpen = new CountDownLatch(PARALLEL);
        CountDownLatch allClosed = new CountDownLatch(PARALLEL);
        List<Duration> waits = new ArrayList<>();
        try (LoopbackServer server = new LoopbackServer((n, socket) -> {
            socket.setSoTimeout(10_000);
            // the first PARALLEL connections answer once each, together, then close while the client pools them
            if (n <= PARALLEL) {
                readHead(socket);
                allOpen.countDown();
                allOpen.await(10, TimeUnit.SECONDS);
                LoopbackServer.write(socket, ok());
                // closed by the server, without "Connection: close": the client pools a dead connection
                socket.close();
                allClosed.countDown();
                return;
            }
            readHead(socket);
            LoopbackServer.write(socket, ok());
            LoopbackServer.drain(socket, 2_000);
        });
             Videsk videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("t")
                     .httpSettings(HttpSettings.builder().retryPolicy(RetryPolicy.builder().sleeper(waits::add).build()).build())
                     .build()) {
            List<CompletableFuture<Room>> first = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                first.add(videsk.rooms().getRoom("r1").executeAsync());
            }
            for (CompletableFuture<Room> f : first) {
                assertEquals("r1", f.get(15, TimeUnit.SECONDS).getId());
            }
            assertTrue(allClosed.await(10, TimeUnit.SECONDS), "the server closed its four connections");

            Room room = videsk.rooms().getRoom("r1").execute();

            assertEquals("r1", room.getId());
            assertTrue(server.connections() <= PARALLEL + 2, "a fresh connection after the first failure, got "
                    + server.connections());
            assertTrue(waits.size() <= 1, "one failed attempt at most, waits " + waits);
        }
    }

    private static void readHead(java.net.Socket socket) throws java.io.IOException {
        java.io.InputStream in = socket.getInputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int i = 0; i < 64 * 1024 && matched < 4; i++) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }

    private static String ok() {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + ROOM.length() + "\r\n\r\n" + ROOM;
    }
}
