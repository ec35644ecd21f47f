package dev.roomsdk.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.roomsdk.core.error.ChainFailure;
import dev.roomsdk.videsk.Videsk;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A token that cannot be had fails the call with the typed error, and nothing unchecked is
 * thrown inside OkHttp's chain: an async call's callback gets a {@link ChainFailure} carrying
 * the {@link TokenRefreshException}, no exception escapes on the dispatcher thread, and a sync
 * call through an entry point throws the {@link TokenRefreshException} itself.
 */
class AuthInterceptorChainFailureTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    final TokenRefreshException refused = new TokenRefreshException(
            "token request answered HTTP 401: error=invalid_client", 401, null);
    final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    final List<Thread> dispatcherThreads = new CopyOnWriteArrayList<>();
    final ExecutorService dispatcherPool = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "test-dispatcher");
        t.setUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        dispatcherThreads.add(t);
        return t;
    });

    @AfterEach
    void stopDispatcher() throws InterruptedException {
        dispatcherPool.shutdownNow();
        assertTrue(dispatcherPool.awaitTermination(10, TimeUnit.SECONDS));
    }

    OkHttpClient client(TokenProvider tokens) {
        return new OkHttpClient.Builder().dispatcher(new Dispatcher(dispatcherPool))
                .addInterceptor(new AuthInterceptor(tokens, AuthScheme.bearer())).build();
    }

    Request rooms() {
        return new Request.Builder().url("http://127.0.0.1:" + server.getPort() + "/rooms").build();
    }

    /** What the async callback got: the failure, or an AssertionError for a response. */
    static IOException failureOfAsync(OkHttpClient client, Request request) throws Exception {
        CompletableFuture<IOException> failed = new CompletableFuture<>();
        client.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                failed.complete(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                response.close();
                failed.completeExceptionally(new AssertionError("expected a failure, got HTTP " + response.code()));
            }
        });
        return failed.get(10, TimeUnit.SECONDS);
    }

    /** Waits until every dispatcher thread has ended, so that an escaped exception has been reported. */
    void dispatcherThreadsEnded() throws InterruptedException {
        dispatcherPool.shutdown();
        assertTrue(dispatcherPool.awaitTermination(10, TimeUnit.SECONDS));
        for (Thread t : dispatcherThreads) {
            t.join(10_000); // the uncaught handler runs before a thread ends
            assertTrue(!t.isAlive(), t + " still running");
        }
    }

    @Test
    void asyncCallbackGetsChainFailureCarryingTheTokenRefreshExceptionAndNothingEscapes() throws Exception {
        IOException e = failureOfAsync(client(() -> {
            throw refused;
        }), rooms());

        ChainFailure chain = assertInstanceOf(ChainFailure.class, e);
        assertSame(refused, chain.failure());
        assertSame(refused, chain.getCause());
        assertEquals(refused.getMessage(), chain.getMessage());
        dispatcherThreadsEnded();
        assertEquals(List.of(), uncaught, "nothing escaped on the dispatcher thread");
        assertEquals(0, server.findAll(anyRequestedFor(anyUrl())).size(), "no request without a token");
    }

    @Test
    void anyRuntimeExceptionOfAProviderBecomesATypedChainFailure() throws Exception {
        IllegalStateException bug = new IllegalStateException("provider bug");
        IOException e = failureOfAsync(client(() -> {
            throw bug;
        }), rooms());

        TokenRefreshException typed = assertInstanceOf(TokenRefreshException.class,
                assertInstanceOf(ChainFailure.class, e).failure());
        assertSame(bug, typed.getCause());
        assertTrue(typed.getMessage().contains("IllegalStateException"), typed.getMessage());
        dispatcherThreadsEnded();
        assertEquals(List.of(), uncaught);
    }

    @Test
    void aProviderReturningNullBecomesATypedChainFailure() throws Exception {
        IOException e = failureOfAsync(client(() -> null), rooms());

        assertInstanceOf(TokenRefreshException.class, assertInstanceOf(ChainFailure.class, e).failure());
        dispatcherThreadsEnded();
        assertEquals(List.of(), uncaught);
    }

    @Test
    void syncCallThrowsChainFailureNotAnUncheckedException() {
        ChainFailure e = assertThrows(ChainFailure.class, () -> client(() -> {
            throw refused;
        }).newCall(rooms()).execute());

        assertSame(refused, e.failure());
    }

    @Test
    void entryPointCallerGetsTheTokenRefreshExceptionAndTheCallIsNotRetried() {
        AtomicInteger asked = new AtomicInteger();
        TokenProvider failing = () -> {
            asked.incrementAndGet();
            throw refused;
        };

        try (Videsk videsk = Videsk.builder().baseUrl("http://127.0.0.1:" + server.getPort()).tokenProvider(failing).build()) {
            TokenRefreshException e = assertThrows(TokenRefreshException.class, () -> videsk.rooms().getRoom("r1").execute());
            assertSame(refused, e, "the typed error itself, unwrapped");
        }

        assertEquals(1, asked.get(), "a decided token failure is not resent by the transport retry policy");
        assertEquals(0, server.findAll(anyRequestedFor(anyUrl())).size());
    }
}
