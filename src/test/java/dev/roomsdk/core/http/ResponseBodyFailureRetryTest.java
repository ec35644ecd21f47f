package dev.roomsdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.core.error.ResponseBodyFailure;
import dev.roomsdk.core.error.RoomSdkIoException;
import dev.roomsdk.core.error.RoomSdkTimeoutException;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.Room;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A JSON body that breaks off after a 200 status line, on an idempotent GET (Videsk
 * {@code getRoom}), is a transport failure like any other: the call is retried per its policy
 * (the server counts the attempts) and finally fails with a {@link RoomSdkIoException} saying the
 * response body failed, not that no response arrived. It used to get one attempt and the message
 * "failed before a response arrived". A raw loopback server writes the exact bytes; backoff waits
 * are recorded, never slept.
 */
class ResponseBodyFailureRetryTest {

    static final String ROOM = "{\"id\":\"r1\",\"name\":\"Room\"}";
    static final String CHUNKED_200 = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    LoopbackServer server;
    Videsk videsk;

    @AfterEach
    void close() throws InterruptedException {
        if (videsk != null) {
            videsk.close();
        }
        if (server != null) {
            server.close();
        }
    }

    Videsk client(LoopbackServer server) {
        this.server = server;
        RetryPolicy retries = RetryPolicy.builder().sleeper(waits::add).build(); // the default 3 attempts
        videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("t").httpSettings(HttpSettings.builder()
                .readTimeout(Duration.ofSeconds(10)).retryPolicy(retries).build()).build();
        return videsk;
    }

    /** A chunk-size line that is not hex: OkHttp fails reading the body, after the 200 status line. */
    static void malformedChunk(LoopbackServer server, Socket socket) throws Exception {
        server.readRequestHead(socket);
        LoopbackServer.write(socket, CHUNKED_200 + "zz-not-a-chunk-size\r\n" + ROOM + "\r\n0\r\n\r\n");
    }

    /** A valid first chunk cut short, then the connection closed. */
    static void truncatedChunk(LoopbackServer server, Socket socket) throws Exception {
        server.readRequestHead(socket);
        byte[] room = ROOM.getBytes(StandardCharsets.UTF_8);
        LoopbackServer.write(socket, CHUNKED_200 + Integer.toHexString(room.length) + "\r\n" + ROOM.substring(0, 10));
    }

    static void room(LoopbackServer server, Socket socket) throws Exception {
        server.readRequestHead(socket);
        LoopbackServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + ROOM.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + ROOM);
    }

    static void assertBodyFailure(RoomSdkIoException e) {
        assertFalse(e instanceof RoomSdkTimeoutException, e.toString());
        assertTrue(e.getMessage().contains("GET /vpaas/rooms/r1"), e.getMessage());
        assertTrue(e.getMessage().contains("failed while reading the response body"), e.getMessage());
        assertFalse(e.getMessage().contains("before a response arrived"), e.getMessage());
        assertInstanceOf(ResponseBodyFailure.class, e.getCause(), "the cause says the body of the 200 failed");
        assertTrue(e.getCause().getMessage().contains("200"), e.getCause().getMessage());
    }

    /** Waits (bounded) until the server has seen {@code n} request heads; the call has ended, so they are all in. */
    void assertAttempts(int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.requests() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(n, server.requests(), "attempts at the server");
        assertEquals(n, server.connections(), "one connection per attempt (each answer closes its connection)");
    }

    @Test
    void malformedChunkAfterA200IsRetriedThenSaysTheBodyFailed() throws Exception {
        Videsk videsk = client(new LoopbackServer((n, s) -> malformedChunk(server, s)));

        RoomSdkIoException e = assertThrows(RoomSdkIoException.class, () -> videsk.rooms().getRoom("r1").execute());

        assertBodyFailure(e);
        assertAttempts(3);
        assertEquals(2, waits.size(), "backed off before each retry (recorded, not slept): " + waits);
    }

    @Test
    void bodyCutShortAfterA200IsRetriedThenSaysTheBodyFailed() throws Exception {
        Videsk videsk = client(new LoopbackServer((n, s) -> truncatedChunk(server, s)));

        RoomSdkIoException e = assertThrows(RoomSdkIoException.class, () -> videsk.rooms().getRoom("r1").execute());

        assertBodyFailure(e);
        assertAttempts(3);
    }

    @Test
    void malformedChunkThenAProperAnswerSucceedsOnTheSecondAttempt() throws Exception {
        Videsk videsk = client(new LoopbackServer((n, s) -> {
            if (n == 1) {
                malformedChunk(server, s);
            } else {
                room(server, s);
            }
        }));

        Room room = videsk.rooms().getRoom("r1").execute();

        assertEquals("r1", room.getId());
        assertEquals("Room", room.getName());
        assertAttempts(2);
        assertEquals(1, waits.size(), waits.toString());
    }

    @Test
    void asyncCallIsRetriedTheSameWay() throws Exception {
        Videsk videsk = client(new LoopbackServer((n, s) -> {
            if (n < 3) {
                truncatedChunk(server, s);
            } else {
                room(server, s);
            }
        }));

        CompletableFuture<Room> future = videsk.rooms().getRoom("r1").executeAsync();

        assertEquals("r1", future.get(20, TimeUnit.SECONDS).getId());
        assertAttempts(3);
    }

    @Test
    void asyncCallThatNeverGetsAWholeBodySaysTheBodyFailed() throws Exception {
        Videsk videsk = client(new LoopbackServer((n, s) -> malformedChunk(server, s)));

        CompletableFuture<Room> future = videsk.rooms().getRoom("r1").executeAsync();

        CompletionException e = assertThrows(CompletionException.class, () -> future.orTimeout(20, TimeUnit.SECONDS).join());
        assertInstanceOf(RoomSdkIoException.class, e.getCause());
        assertBodyFailure((RoomSdkIoException) e.getCause());
        assertAttempts(3);
    }
}
