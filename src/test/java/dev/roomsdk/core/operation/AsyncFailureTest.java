package dev.roomsdk.core.operation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.MissingCredentialsException;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.error.RoomSdkException;
import dev.roomsdk.core.error.RoomSdkIoException;
import dev.roomsdk.core.error.RoomSdkTimeoutException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.Room;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The async forms keep the sync forms' promises: the future fails only with a
 * {@link RoomSdkException} subtype (the same one the sync call throws), an invalid argument
 * fails it at once without any I/O, and cancelling it cancels the HTTP call (the server sees
 * the connection close). Videsk's generated operations stand in for all three APIs: the async
 * path is the one runtime's ({@code OperationRuntime.executeAsync}).
 */
class AsyncFailureTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    static final long WAIT_SECONDS = 10;

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    Videsk videsk;

    @BeforeEach
    void client() {
        videsk = client(server.baseUrl());
    }

    @AfterEach
    void close() {
        videsk.close();
    }

    Videsk client(String baseUrl) {
        return Videsk.builder().baseUrl(baseUrl).apiToken("t").httpSettings(HttpSettings.builder()
                // longer than any wait of the test: a read timeout can never pass for a cancellation
                .readTimeout(Duration.ofSeconds(3 * WAIT_SECONDS))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).sleeper(waits::add).build()).build()).build();
    }

    /** How an async call is made: its value, or the value within its ApiResponse. */
    enum Form {
        VALUE(call -> call.executeAsync()),
        WITH_RESPONSE(call -> call.executeWithResponseAsync());

        final Function<OperationCall<?>, CompletableFuture<?>> send;

        Form(Function<OperationCall<?>, CompletableFuture<?>> send) {
            this.send = send;
        }
    }

    /** The exception the future completed with, unwrapped; fails unless it is an SDK exception. */
    static RoomSdkException failure(CompletableFuture<?> future) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> future.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join());
        return assertInstanceOf(RoomSdkException.class, e.getCause(), "only SDK exceptions: " + e.getCause());
    }

    /** A loopback port nothing listens on: bound, then closed again. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void aRefusedConnectionIsARoomSdkIoExceptionAfterTheRetries(Form form) throws IOException {
        try (Videsk nowhere = client("http://127.0.0.1:" + closedPort())) {
            RoomSdkException e = failure(form.send.apply(nowhere.rooms().getRoom("r1")));

            assertInstanceOf(RoomSdkIoException.class, e);
            assertFalse(e instanceof RoomSdkTimeoutException, e.toString());
            assertTrue(e.getMessage().startsWith("GET /vpaas/rooms/r1 failed before a response arrived"), e.getMessage());
            assertEquals(2, waits.size(), "a GET that could not connect is retried (waits recorded, not slept)");
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void aNotFoundIsTheNotFoundException(Form form) {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/r404")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"NotFound\",\"message\":\"Room not found\",\"code\":404,\"className\":\"not-found\"}")));

        NotFoundException e = assertInstanceOf(NotFoundException.class, failure(form.send.apply(videsk.rooms().getRoom("r404"))));

        assertEquals(404, e.statusCode());
        assertEquals("Room not found", e.vendorError().orElseThrow().message().orElseThrow());
        assertEquals(1, server.requests().size(), "a 404 is not retried");
        NotFoundException sync = assertThrows(NotFoundException.class, () -> videsk.rooms().getRoom("r404").execute());
        assertEquals(sync.getMessage(), e.getMessage(), "the same exception as the sync form");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void anInvalidArgumentFailsTheFutureAtOnceWithoutIo(Form form) {
        CompletableFuture<?> missing = form.send.apply(videsk.rooms().getRoom(null));
        assertTrue(missing.isCompletedExceptionally(), "failed before executeAsync returned: nothing was scheduled");
        InvalidRequestException e = assertInstanceOf(InvalidRequestException.class, failure(missing));
        assertEquals(List.of("roomId: is required"), e.violations());

        InvalidRequestException range = assertInstanceOf(InvalidRequestException.class,
                failure(form.send.apply(videsk.rooms().listRooms().$limit(0).$sort(java.util.Map.of("createdAt", 2)))));
        assertEquals(List.of("$limit: must be at least 1, got 0", "$sort: must be one of [-1, 1]"), range.violations());

        assertEquals(0, server.requests().size(), "no I/O");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void missingCredentialsFailTheFutureWithoutIo(Form form) {
        try (Carbonio guest = Carbonio.builder().baseUrl("http://127.0.0.1:" + closedPort()).build()) {
            CompletableFuture<?> f = form.send.apply(guest.rooms().getRoom(UUID.randomUUID()));
            assertTrue(f.isCompletedExceptionally());
            RoomSdkException e = failure(f);
            assertInstanceOf(MissingCredentialsException.class, e);
            assertTrue(e.getMessage().startsWith("getRoom (GET /rooms/{roomId}) needs credentials"), e.getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void cancellingTheFutureCancelsTheCall(Form form) throws Exception {
        try (SilentServer silent = new SilentServer(); Videsk client = client(silent.baseUrl())) {
            CompletableFuture<?> future = form.send.apply(client.rooms().getRoom("r1"));
            assertTrue(silent.requestReceived.await(WAIT_SECONDS, TimeUnit.SECONDS), "the request reached the server");
            assertFalse(future.isDone(), "no response yet: the server stays silent");

            assertTrue(future.cancel(true));

            assertTrue(silent.clientClosed.await(WAIT_SECONDS, TimeUnit.SECONDS),
                    "the HTTP call was cancelled: the client closed the connection");
            assertTrue(future.isCancelled());
            assertThrows(CancellationException.class, future::join);
            assertEquals(1, silent.connections(), "a cancelled call is not retried");
            assertEquals(List.of(), waits);
        }
    }

    /** The control: left alone, the same future completes with the room. */
    @Test
    void anUncancelledFutureCompletesWithTheValue() {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"r1\",\"name\":\"Room\"}")));

        Room room = videsk.rooms().getRoom("r1").executeAsync().orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
        ApiResponse<Room> response = videsk.rooms().getRoom("r1").executeWithResponseAsync()
                .orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();

        assertEquals("r1", room.getId());
        assertEquals(200, response.status());
        assertEquals("r1", response.value().getId());
    }

    /**
     * Accepts connections, reads each request head and then answers nothing, until the client
     * closes the connection (seen as end of stream). Every wait is bounded by {@link #WAIT_SECONDS}.
     */
    static final class SilentServer implements AutoCloseable {
        final ServerSocket socket;
        final Thread thread;
        final CountDownLatch requestReceived = new CountDownLatch(1);
        final CountDownLatch clientClosed = new CountDownLatch(1);
        private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        private volatile Socket accepted;

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serveOne, "silent-server");
            thread.setDaemon(true);
            thread.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        private void serveOne() {
            try (Socket s = socket.accept()) {
                accepted = s;
                connections.incrementAndGet();
                s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(2 * WAIT_SECONDS));
                InputStream in = s.getInputStream();
                int matched = 0;
                byte[] end = {'\r', '\n', '\r', '\n'};
                for (int i = 0; i < 64 * 1024 && matched < end.length; i++) {
                    int b = in.read();
                    if (b == -1) {
                        return;
                    }
                    matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                requestReceived.countDown();
                if (in.read() == -1) {
                    clientClosed.countDown();
                }
            } catch (IOException e) {
                // a reset is the client closing too
                clientClosed.countDown();
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            socket.close();
            Socket s = accepted;
            if (s != null) {
                s.close();
            }
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }
}
