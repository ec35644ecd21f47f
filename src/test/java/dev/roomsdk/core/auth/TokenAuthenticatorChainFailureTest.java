package dev.roomsdk.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.roomsdk.core.error.ChainFailure;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 401 whose refresh fails: the async callback gets a {@link ChainFailure} carrying the
 * {@link TokenRefreshException}, nothing escapes on OkHttp's dispatcher thread, and the
 * rejected request is not resent.
 */
class TokenAuthenticatorChainFailureTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @Test
    void refreshFailingAfterA401ReachesTheCallbackTypedAndNothingEscapes() throws Exception {
        server.stubFor(get(urlPathEqualTo("/rooms")).willReturn(aResponse().withStatus(401)));
        TokenRefreshException down = new TokenRefreshException("token request answered HTTP 503", 503, null);
        AtomicBoolean rejected = new AtomicBoolean();
        TokenProvider tokens = new TokenProvider() {
            @Override
            public AccessToken token() {
                if (rejected.get()) {
                    throw down;
                }
                return AccessToken.of("old");
            }

            @Override
            public void invalidate(AccessToken token) {
                rejected.set(true);
            }
        };
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "test-dispatcher");
            t.setUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
            threads.add(t);
            return t;
        });
        OkHttpClient client = new OkHttpClient.Builder().dispatcher(new Dispatcher(pool))
                .addInterceptor(new AuthInterceptor(tokens, AuthScheme.bearer()))
                .authenticator(new TokenAuthenticator(tokens, AuthScheme.bearer())).build();

        CompletableFuture<IOException> failed = new CompletableFuture<>();
        try {
            client.newCall(new Request.Builder().url("http://127.0.0.1:" + server.getPort() + "/rooms").build()).enqueue(new Callback() {
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
            IOException e = failed.get(10, TimeUnit.SECONDS);

            assertSame(down, assertInstanceOf(ChainFailure.class, e).failure());
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            for (Thread t : threads) {
                t.join(10_000); // the uncaught handler runs before a thread ends
                assertTrue(!t.isAlive(), t + " still running");
            }
        } finally {
            pool.shutdownNow();
            client.connectionPool().evictAll();
        }
        assertEquals(List.of(), uncaught, "nothing escaped on the dispatcher thread");
        server.verify(1, getRequestedFor(urlPathEqualTo("/rooms")));
    }
}
