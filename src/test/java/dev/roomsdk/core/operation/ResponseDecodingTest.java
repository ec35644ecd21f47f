package dev.roomsdk.core.operation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.error.ResponseDecodeException;
import dev.roomsdk.core.error.RoomSdkException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.testing.StreamingServer;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.CreateRoomRequest;
import dev.roomsdk.zoom.ZoomRooms;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 2xx whose body is not the contract's JSON never decodes to null nor to a wrong type: it
 * is a {@link ResponseDecodeException} naming the call, sync and async, and never quoting the
 * body, so a token in it stays out of messages, causes and stack traces. Videsk's getRoom and
 * createRoom (a body with a room JWT) stand in for every JSON operation: decoding is the one
 * runtime's ({@code ResponseReader}).
 */
class ResponseDecodingTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    @RegisterExtension
    static final ContractServer zoomServer = ContractServer.forApi("zoom");

    @RegisterExtension
    static final ContractServer carbonioServer = ContractServer.forApi("carbonio");

    static final String TOKEN = "CANARY-room-jwt-eyJhbGciOi.c2VjcmV0.c2ln";

    Videsk videsk;

    @BeforeEach
    void client() {
        videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("t")
                .httpSettings(HttpSettings.builder().retryPolicy(RetryPolicy.none()).build()).build();
    }

    @AfterEach
    void close() {
        videsk.close();
    }

    static ResponseDefinitionBuilder ok(String contentType, String body) {
        ResponseDefinitionBuilder r = aResponse().withStatus(200).withBody(body);
        return contentType == null ? r : r.withHeader("Content-Type", contentType);
    }

    static String printed(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        StringBuilder all = new StringBuilder(s.toString());
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append('\n').append(c).append('\n').append(c.getMessage());
        }
        return all.toString();
    }

    /** The exception of the future, unwrapped from the CompletionException join() throws. */
    static RoomSdkException asyncFailure(java.util.concurrent.CompletableFuture<?> future) {
        CompletionException e = assertThrows(CompletionException.class, () -> future.orTimeout(10, TimeUnit.SECONDS).join());
        return assertInstanceOf(RoomSdkException.class, e.getCause(), "an SDK exception: " + e.getCause());
    }

    @ParameterizedTest(name = "Content-Type {0}, body \"{1}\"")
    @CsvSource(value = {"application/json|''", "NONE|''", "application/json|'  \n '", "application/json; charset=utf-8|''"},
            delimiter = '|', nullValues = "NONE")
    @OffContract
    void anEmptyBodyIsADecodeFailureNamingTheOperation(String contentType, String body) {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).willReturn(ok(contentType, body)));

        ResponseDecodeException e = assertThrows(ResponseDecodeException.class, () -> videsk.rooms().getRoom("r1").execute());
        assertEquals("GET /vpaas/rooms/r1 (getRoom) returned an empty body where the contract requires Room", e.getMessage());

        assertThrows(ResponseDecodeException.class, () -> videsk.rooms().getRoom("r1").executeWithResponse());
        RoomSdkException async = asyncFailure(videsk.rooms().getRoom("r1").executeAsync());
        assertInstanceOf(ResponseDecodeException.class, async);
        assertTrue(async.getMessage().contains("(getRoom)"), async.getMessage());
    }

    /** No Content-Length at all: a chunked body with no chunk. */
    @Test
    void anEmptyChunkedBodyIsADecodeFailureToo() throws Exception {
        try (StreamingServer raw = new StreamingServer().handle("/vpaas/rooms/r1", e -> {
            e.getResponseHeaders().add("Content-Type", "application/json");
            e.sendResponseHeaders(200, 0); // 0: chunked, then nothing
        }); Videsk client = Videsk.builder().baseUrl(raw.baseUrl()).apiToken("t").build()) {
            ResponseDecodeException e = assertThrows(ResponseDecodeException.class, () -> client.rooms().getRoom("r1").execute());
            assertTrue(e.getMessage().contains("(getRoom) returned an empty body"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", " null "})
    @OffContract
    void jsonNullIsADecodeFailure(String body) {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).willReturn(ok("application/json", body)));

        ResponseDecodeException e = assertThrows(ResponseDecodeException.class, () -> videsk.rooms().getRoom("r1").execute());
        assertEquals("GET /vpaas/rooms/r1 (getRoom) returned JSON null where the contract requires Room", e.getMessage());
        assertInstanceOf(ResponseDecodeException.class, asyncFailure(videsk.rooms().getRoom("r1").executeAsync()));
    }

    @Test
    @OffContract
    void anHtmlPageWithStatus200IsADecodeFailureNotAnUnexpectedStatus() {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).willReturn(ok("text/html; charset=utf-8",
                "<html><body>Welcome to the captive portal " + TOKEN + "</body></html>")));

        ResponseDecodeException e = assertThrows(ResponseDecodeException.class, () -> videsk.rooms().getRoom("r1").execute());
        assertEquals("GET /vpaas/rooms/r1 (getRoom) returned a text/html body where the contract says JSON", e.getMessage());
        assertFalse(printed(e).contains(TOKEN));
        assertInstanceOf(ResponseDecodeException.class, asyncFailure(videsk.rooms().getRoom("r1").executeAsync()));
    }

    /**
     * createRoom's 201 carries the room's JWT: whatever is wrong with the response, neither the
     * message nor any cause (message, toString, stack trace) quotes it.
     */
    @ParameterizedTest(name = "[{index}] Content-Type {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        // bodies that do not match RoomWithToken
        "application/json| {\"name\":\"Standup\",\"accessToken\":\"TOKEN\"}",
        "application/json| [\"TOKEN\"]",
        "application/json| \"TOKEN\"",
        "application/json| {\"id\":{\"accessToken\":\"TOKEN\"},\"accessToken\":\"TOKEN\"}",
        "application/json| {\"id\":\"r1\",\"accessToken\":{\"jwt\":\"TOKEN\"}}",
        "application/json| {\"id\":\"r1\",\"accessToken\":[\"TOKEN\",\"TOKEN\"]}",
        "application/json| {\"id\":\"r1\",\"exp\":\"TOKEN\",\"accessToken\":\"TOKEN\"}",
        "application/json| {\"id\":\"r1\",\"exp\":{\"t\":\"TOKEN\"},\"accessToken\":\"TOKEN\"}",
        "application/json| {\"id\":\"r1\",\"authorizations\":\"TOKEN\",\"accessToken\":\"TOKEN\"}",
        "application/json| {\"id\":\"r1\",\"authorizations\":[\"TOKEN\"],\"accessToken\":\"TOKEN\"}",
        "application/json| {\"id\":\"r1\",\"authorizations\":[{\"createdAt\":\"TOKEN\"}],\"accessToken\":\"TOKEN\"}",
        "application/json| {\"id\":\"r1\",\"accessToken\":\"TOKEN\"",
        "application/json| {\"id\":\"r1\",\"accessToken\":\"TOKEN\",}",
        "application/json| {\"id\":\"r1\",\"accessToken\":TOKEN}",
        "application/json| {\"id\":\"r1\" \"accessToken\":\"TOKEN\"}",
        "application/json| {\"id\":\"r1\",\"surprise\":\"\\uZZZZ TOKEN\"}",
        // a valid body under a Content-Type that is not JSON, or not a media type at all
        "text/html| {\"id\":\"r1\",\"accessToken\":\"TOKEN\"}",
        "application/xml| {\"id\":\"r1\",\"accessToken\":\"TOKEN\"}",
        "json| {\"id\":\"r1\",\"accessToken\":\"TOKEN\"}",
        "application/json; charset=\"| {\"id\":\"r1\",\"accessToken\":\"TOKEN\"}",
        "TOKEN| {\"id\":\"r1\",\"accessToken\":\"TOKEN\"}",
    })
    @OffContract
    void aBrokenCreateResponseNeverQuotesTheRoomToken(String contentType, String body) {
        server.stubFor(post(urlPathEqualTo("/vpaas/rooms")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", contentType.replace("TOKEN", TOKEN)).withBody(body.replace("TOKEN", TOKEN))));

        ResponseDecodeException e = assertThrows(ResponseDecodeException.class,
                () -> videsk.rooms().createRoom(new CreateRoomRequest().name("Standup")).execute());
        assertTrue(e.getMessage().startsWith("POST /vpaas/rooms "), e.getMessage());
        assertFalse(printed(e).contains(TOKEN), "the token leaked:\n" + printed(e));
        assertFalse(printed(e).contains("c2VjcmV0"), "part of the token leaked:\n" + printed(e));

        RoomSdkException async = asyncFailure(videsk.rooms().createRoom(new CreateRoomRequest().name("Standup")).executeAsync());
        assertInstanceOf(ResponseDecodeException.class, async);
        assertFalse(printed(async).contains(TOKEN), "the token leaked:\n" + printed(async));
    }

    /** The control for the test above: the same body, well-formed and on contract, decodes with its token. */
    @Test
    void theWellFormedCreateResponseDecodes() {
        server.stubFor(post(urlPathEqualTo("/vpaas/rooms")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"r1\",\"accessToken\":\"" + TOKEN + "\"}")));

        assertEquals(TOKEN, videsk.rooms().createRoom(new CreateRoomRequest().name("Standup")).execute().getAccessToken());
    }

    /**
     * A value of the wrong JSON type where the contract has an enum: the generated model's check
     * throws UnsupportedOperationException ({@code JsonObject.getAsString()}), which must still
     * reach the caller as a decode failure, and the future must complete.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "[\"a\",\"b\"]"})
    @OffContract
    void anEnumOfTheWrongJsonTypeIsADecodeFailure(String value) {
        zoomServer.stubFor(get(urlPathEqualTo("/v2/rooms/room-1")).willReturn(ok("application/json",
                "{\"basic\":{\"name\":\"Huddle\",\"zoom_room_type\":" + value + "}}")));
        try (ZoomRooms zoom = ZoomRooms.builder().baseUrl(zoomServer.baseUrl()).accessToken("z")
                .httpSettings(HttpSettings.builder().retryPolicy(RetryPolicy.none()).build()).build()) {
            ResponseDecodeException e = assertThrows(ResponseDecodeException.class,
                    () -> zoom.rooms().getZRProfile("room-1").execute());
            assertTrue(e.getMessage().startsWith("GET /v2/rooms/room-1 "), e.getMessage());
            assertInstanceOf(ResponseDecodeException.class, asyncFailure(zoom.rooms().getZRProfile("room-1").executeAsync()));
        }
    }

    /**
     * Values gson's own adapters parse (UUIDs, integers) and the SDK's date adapter: their
     * messages quote the value ("Failed parsing '...' as UUID", "Text '...' could not be parsed"),
     * which must not reach the exception (a Carbonio room stands in: UUIDs everywhere).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$.id| \"id\":\"TOKEN\",\"type\":\"group\",\"createdAt\":\"2026-11-21T16:45:12Z\",\"updatedAt\":\"2026-11-21T16:45:12Z\"",
        "-| \"id\":\"7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a\",\"type\":\"group\",\"rank\":\"TOKEN\",\"createdAt\":\"2026-11-21T16:45:12Z\",\"updatedAt\":\"2026-11-21T16:45:12Z\"",
        "$.membersIds[0]| \"id\":\"7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a\",\"type\":\"group\",\"membersIds\":[\"TOKEN\"],\"createdAt\":\"2026-11-21T16:45:12Z\",\"updatedAt\":\"2026-11-21T16:45:12Z\"",
        "$.createdAt| \"id\":\"7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a\",\"type\":\"group\",\"createdAt\":\"TOKEN\",\"updatedAt\":\"2026-11-21T16:45:12Z\"",
    })
    @OffContract
    void aValueTheAdaptersCannotParseIsNotQuoted(String path, String fields) {
        java.util.UUID room = java.util.UUID.fromString("7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a");
        carbonioServer.stubFor(get(urlPathEqualTo("/rooms/" + room)).willReturn(ok("application/json",
                "{" + fields.replace("TOKEN", TOKEN) + "}")));
        try (dev.roomsdk.carbonio.Carbonio carbonio = dev.roomsdk.carbonio.Carbonio.builder()
                .baseUrl(carbonioServer.baseUrl()).authToken("zm")
                .httpSettings(HttpSettings.builder().retryPolicy(RetryPolicy.none()).build()).build()) {
            ResponseDecodeException e = assertThrows(ResponseDecodeException.class,
                    () -> carbonio.rooms().getRoom(room).execute());
            assertTrue(e.getMessage().startsWith("GET /rooms/" + room + " "), e.getMessage());
            if (!path.equals("-")) { // gson's int adapter does not say where (its NumberFormatException has no path)
                assertTrue(e.getMessage().contains("path " + path), "the field is named: " + e.getMessage());
            }
            assertFalse(printed(e).contains(TOKEN), "the token leaked:\n" + printed(e));
        }
    }
}
