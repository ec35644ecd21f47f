package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFixtures.ADA;
import static dev.roomsdk.carbonio.CarbonioFixtures.ADA_USER;
import static dev.roomsdk.carbonio.CarbonioFixtures.GROUP_ROOM;
import static dev.roomsdk.carbonio.CarbonioFixtures.ROOM;
import static dev.roomsdk.carbonio.CarbonioFixtures.json;
import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.roomsdk.carbonio.model.Room;
import dev.roomsdk.carbonio.model.RoomCreationFields;
import dev.roomsdk.carbonio.model.RoomType;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.auth.TokenRefreshException;
import dev.roomsdk.core.error.AuthenticationException;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.testing.Concurrently;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ZM_AUTH_TOKEN cookie comes from the caller's supplier: asked lazily, once, and cached;
 * a 401 asks it once for a fresh value and resends once; a second 401 surfaces. The cookie
 * value never shows in messages or {@code toString()}, and other cookies are kept.
 */
class CarbonioCookieRefreshTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String CANARY = "0_CANARY-zm-auth-7f3a9c";

    final AtomicInteger asks = new AtomicInteger();

    /** A supplier handing out {@code values} in turn (the last one repeatedly), counting how often it is asked. */
    Supplier<String> supplier(String... values) {
        return () -> values[Math.min(asks.getAndIncrement(), values.length - 1)];
    }

    Carbonio client(Supplier<String> supplier) {
        return Carbonio.builder().baseUrl(server.baseUrl()).authToken(supplier).build();
    }

    void answer(MappingBuilder m, String cookie, ResponseDefinitionBuilder response) {
        server.stubFor(m.withHeader("Cookie", equalTo(cookie)).willReturn(response));
    }

    List<String> sentCookies() {
        return server.requests().stream().map(r -> r.getHeader("Cookie")).collect(Collectors.toList());
    }

    @Test
    void supplierIsAskedLazilyOnceAndItsValueReusedAcrossCalls() {
        answer(get(urlPathEqualTo(server.path("/rooms/" + ROOM))), "ZM_AUTH_TOKEN=first", json(200, GROUP_ROOM));
        answer(get(urlPathEqualTo(server.path("/users/" + ADA))), "ZM_AUTH_TOKEN=first", json(200, ADA_USER));

        try (Carbonio carbonio = client(supplier("first", "second"))) {
            assertEquals(0, asks.get(), "building the client asks nothing");
            carbonio.rooms().getRoom(ROOM).execute();
            carbonio.users().getUser(ADA).execute();
            carbonio.rooms().getRoom(ROOM).execute();
        }

        assertEquals(1, asks.get());
        assertEquals(List.of("ZM_AUTH_TOKEN=first", "ZM_AUTH_TOKEN=first", "ZM_AUTH_TOKEN=first"), sentCookies());
    }

    @Test
    void unauthorizedAsksTheSupplierOnceMoreAndResendsOnceWithTheFreshCookie() {
        answer(get(urlPathEqualTo(server.path("/rooms/" + ROOM))), "ZM_AUTH_TOKEN=expired", aResponse().withStatus(401));
        answer(get(urlPathEqualTo(server.path("/rooms/" + ROOM))), "ZM_AUTH_TOKEN=renewed", json(200, GROUP_ROOM));

        try (Carbonio carbonio = client(supplier("expired", "renewed", "unused"))) {
            Room room = carbonio.rooms().getRoom(ROOM).execute();
            assertEquals(ROOM, room.getId());
            assertEquals(2, asks.get());
            assertEquals(List.of("ZM_AUTH_TOKEN=expired", "ZM_AUTH_TOKEN=renewed"), sentCookies());

            carbonio.rooms().getRoom(ROOM).execute();
        }

        assertEquals(2, asks.get(), "the renewed value is cached");
        assertEquals(3, server.requests().size());
        assertEquals("ZM_AUTH_TOKEN=renewed", sentCookies().get(2));
    }

    @Test
    void secondUnauthorizedSurfacesAsAuthenticationExceptionWithoutLooping() {
        server.stubFor(get(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(aResponse().withStatus(401)));

        try (Carbonio carbonio = client(supplier("expired", "also-rejected", "never-asked"))) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> carbonio.rooms().getRoom(ROOM).execute());
            assertEquals(401, e.statusCode());
            assertEquals("", e.body());
            assertEquals("GET /rooms/" + ROOM, e.operation());
        }

        assertEquals(List.of("ZM_AUTH_TOKEN=expired", "ZM_AUTH_TOKEN=also-rejected"), sentCookies(),
                "one resend, then give up");
        assertEquals(2, asks.get());
    }

    @Test
    void supplierReturningTheSameValueAgainIsNotResent() {
        server.stubFor(get(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(aResponse().withStatus(401)));

        try (Carbonio carbonio = client(supplier("stale"))) {
            assertThrows(AuthenticationException.class, () -> carbonio.rooms().getRoom(ROOM).execute());
        }

        assertEquals(1, server.requests().size(), "no different cookie to try: no resend");
        assertEquals(2, asks.get(), "asked once more after the 401");
    }

    @Test
    void fixedTokenIsSentAsIsAndA401SurfacesAfterOneRequest() {
        server.stubFor(get(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(aResponse().withStatus(401)));

        try (Carbonio carbonio = Carbonio.builder().baseUrl(server.baseUrl()).authToken("fixed-token").build()) {
            assertThrows(AuthenticationException.class, () -> carbonio.rooms().getRoom(ROOM).execute());
        }

        assertEquals(List.of("ZM_AUTH_TOKEN=fixed-token"), sentCookies());
    }

    @Test
    void jsonBodyIsResentIdenticallyWithTheFreshCookie() {
        answer(post(urlPathEqualTo(server.path("/rooms"))), "ZM_AUTH_TOKEN=expired", aResponse().withStatus(401));
        answer(post(urlPathEqualTo(server.path("/rooms"))), "ZM_AUTH_TOKEN=renewed", json(201, GROUP_ROOM));

        try (Carbonio carbonio = client(supplier("expired", "renewed"))) {
            carbonio.rooms().insertRoom(new RoomCreationFields().name("Design team").type(RoomType.GROUP)).execute();
        }

        assertEquals(2, server.requests().size());
        String first = server.requests().get(0).getBodyAsString();
        assertTrue(first.contains("\"name\":\"Design team\""), first);
        assertEquals(first, server.requests().get(1).getBodyAsString());
    }

    @Test
    void concurrentUnauthorizedCallsAskTheSupplierOnce() throws Exception {
        answer(get(urlPathEqualTo(server.path("/rooms/" + ROOM))), "ZM_AUTH_TOKEN=expired", aResponse().withStatus(401));
        answer(get(urlPathEqualTo(server.path("/rooms/" + ROOM))), "ZM_AUTH_TOKEN=renewed", json(200, GROUP_ROOM));

        try (Carbonio carbonio = client(supplier("expired", "renewed", "too-many"))) {
            List<Room> rooms = Concurrently.releaseTogether(16, () -> carbonio.rooms().getRoom(ROOM).execute());
            assertEquals(16, rooms.size());
            assertTrue(rooms.stream().allMatch(r -> ROOM.equals(r.getId())));
        }

        assertEquals(2, asks.get(), "one initial value and one renewal for all 16 calls");
        assertFalse(sentCookies().contains("ZM_AUTH_TOKEN=too-many"));
    }

    @Test
    void otherCookiesOnTheRequestAreKeptAndTheAuthCookieIsReplacedOnResend() {
        // e.g. a load balancer's sticky-session cookie added by the caller's own client
        OkHttpClient base = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(
                chain.request().newBuilder().header("Cookie", "lb=node-1").build())).build();
        answer(get(urlPathEqualTo(server.path("/rooms/" + ROOM))), "lb=node-1; ZM_AUTH_TOKEN=expired", aResponse().withStatus(401));
        answer(get(urlPathEqualTo(server.path("/rooms/" + ROOM))), "lb=node-1; ZM_AUTH_TOKEN=renewed", json(200, GROUP_ROOM));

        try (Carbonio carbonio = Carbonio.builder().baseUrl(server.baseUrl()).authToken(supplier("expired", "renewed"))
                .httpSettings(HttpSettings.builder().baseClient(base).build()).build()) {
            assertEquals(ROOM, carbonio.rooms().getRoom(ROOM).execute().getId());
        } finally {
            base.dispatcher().executorService().shutdown();
            base.connectionPool().evictAll();
        }

        assertEquals(List.of("lb=node-1; ZM_AUTH_TOKEN=expired", "lb=node-1; ZM_AUTH_TOKEN=renewed"), sentCookies());
    }

    @Test
    void cookiesOfTheCallersCookieJarTravelWithTheSuppliersAuthCookie() {
        CookieJar jar = new CookieJar() {
            @Override
            public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
            }

            @Override
            public List<Cookie> loadForRequest(HttpUrl url) {
                // a session cookie, and a stale auth cookie from an earlier login kept by the jar
                return List.of(new Cookie.Builder().name("JSESSIONID").value("s-42").hostOnlyDomain(url.host()).build(),
                        new Cookie.Builder().name("ZM_AUTH_TOKEN").value("from-old-login").hostOnlyDomain(url.host()).build());
            }
        };
        OkHttpClient base = new OkHttpClient.Builder().cookieJar(jar).build();
        server.stubFor(get(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(json(200, GROUP_ROOM)));

        try (Carbonio carbonio = Carbonio.builder().baseUrl(server.baseUrl()).authToken(supplier("current"))
                .httpSettings(HttpSettings.builder().baseClient(base).build()).build()) {
            carbonio.rooms().getRoom(ROOM).execute();
        } finally {
            base.dispatcher().executorService().shutdown();
            base.connectionPool().evictAll();
        }

        assertEquals(List.of("JSESSIONID=s-42; ZM_AUTH_TOKEN=current"), sentCookies(),
                "the jar's cookies are kept and the supplier's token replaces the jar's stale one");
    }

    @Test
    void cookieValueNeverAppearsInLogsMessagesOrToString() {
        server.stubFor(get(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(aResponse().withStatus(401)
                .withHeader("Set-Cookie", "ZM_AUTH_TOKEN=" + CANARY + "-next; Path=/")));
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            final SimpleFormatter format = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                logged.add(format.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger sdk = Logger.getLogger("dev.roomsdk");
        sdk.setLevel(Level.ALL);
        sdk.addHandler(handler);
        try (Carbonio carbonio = client(supplier(CANARY, CANARY + "-2"))) {
            assertFalse(carbonio.toString().contains(CANARY), carbonio.toString());
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> carbonio.rooms().getRoom(ROOM).execute());
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertFalse(e.getMessage().contains(CANARY), e.getMessage());
            assertFalse(trace.toString().contains(CANARY), trace.toString());
            assertFalse(e.headers().toString().contains(CANARY), "set-cookie is dropped from the kept headers");
            assertFalse(carbonio.toString().contains(CANARY), carbonio.toString());
        } finally {
            sdk.removeHandler(handler);
            sdk.setLevel(null);
        }
        assertFalse(logged.isEmpty(), "the HTTP exchange was logged");
        for (String record : logged) {
            assertFalse(record.contains(CANARY), "cookie leaked into the log: " + record);
        }
        assertEquals("ZM_AUTH_TOKEN=" + CANARY, sentCookies().get(0), "the canary did go over the wire");
        assertEquals("ZM_AUTH_TOKEN=" + CANARY + "-2", sentCookies().get(1));
    }

    @Test
    void unusableCookieValuesAreRejectedWithoutEchoingThem() {
        InvalidConfigurationException fixed = assertThrows(InvalidConfigurationException.class,
                () -> Carbonio.builder().authToken(CANARY + "; Path=/"));
        assertTrue(fixed.getMessage().contains("ZM_AUTH_TOKEN"), fixed.getMessage());
        assertFalse(fixed.getMessage().contains(CANARY), fixed.getMessage());

        try (Carbonio carbonio = client(() -> CANARY + "\r\nX-Injected: 1")) {
            TokenRefreshException e = assertThrows(TokenRefreshException.class, () -> carbonio.rooms().getRoom(ROOM).execute());
            assertTrue(e.getMessage().contains("authToken supplier"), e.getMessage());
            assertFalse(e.getMessage().contains(CANARY), e.getMessage());
        }
        assertTrue(server.requests().isEmpty(), "nothing was sent");
    }

    /** Credentials are optional (CarbonioAnonymousAccessTest), but given ones must be usable. */
    @Test
    void emptyCredentialsAreRefusedByTheBuilder() {
        assertEquals("ZM_AUTH_TOKEN must not be null or empty",
                refusedSetting(() -> Carbonio.builder().authToken("")));
        assertEquals("authToken supplier must not be null",
                refusedSetting(() -> Carbonio.builder().authToken((Supplier<String>) null)));
    }
}
