package dev.roomsdk.videsk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.AuthenticationException;
import dev.roomsdk.core.error.ConflictException;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.error.PermissionDeniedException;
import dev.roomsdk.videsk.model.CreateRoomRequest;
import dev.roomsdk.videsk.model.JoinRoomResponse;
import dev.roomsdk.videsk.model.Room;
import dev.roomsdk.videsk.model.RoomSettings;
import dev.roomsdk.videsk.model.RoomWithToken;
import dev.roomsdk.videsk.model.RoomsList;
import dev.roomsdk.videsk.model.UpdateRoomRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One contract test per Videsk operation: the wire request and the typed result. */
class VideskRoomsContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    static final String TOKEN = "videsk-api-token-1";
    static final String ROOM_JSON = "{\"id\":\"64f1a2b3c4d5e6f7a8b9c0d1\",\"name\":\"Team standup meeting\","
            + "\"externalId\":\"standup-2024-08-14\",\"exp\":\"2024-08-14T18:00:00.000Z\","
            + "\"nbf\":\"2024-08-14T15:00:00.000Z\",\"authorizations\":[{\"ip\":\"192.168.1.1\","
            + "\"jti\":\"f47ac10b-58cc-4372-a567-0e02b2c3d479\",\"createdAt\":\"2024-08-14T15:00:00.000Z\"}]}";
    static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2ln";

    Videsk videsk;

    @BeforeEach
    void client() {
        videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken(TOKEN).build();
    }

    @AfterEach
    void close() {
        videsk.close();
    }

    static String withToken(String roomJson) {
        return roomJson.substring(0, roomJson.length() - 1) + ",\"accessToken\":\"" + JWT + "\"}";
    }

    static void assertBearer(LoggedRequest r) {
        assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
    }

    @Test
    void listRoomsSendsFiltersAndReturnsThePage() {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"total\":25,\"limit\":10,\"skip\":10,\"data\":[" + ROOM_JSON + "]}")));

        RoomsList page = videsk.rooms().listRooms().$limit(10).$skip(10).ended(false).externalId("standup-2024-08-14").execute();

        LoggedRequest r = server.onlyRequest();
        assertEquals("GET", r.getMethod().getName());
        assertEquals("10", r.queryParameter("$limit").firstValue());
        assertEquals("10", r.queryParameter("$skip").firstValue());
        assertEquals("false", r.queryParameter("ended").firstValue());
        assertEquals("standup-2024-08-14", r.queryParameter("externalId").firstValue());
        assertBearer(r);
        assertEquals(25, page.getTotal());
        assertEquals(10, page.getSkip());
        Room room = page.getData().get(0);
        assertEquals("64f1a2b3c4d5e6f7a8b9c0d1", room.getId());
        assertEquals(OffsetDateTime.parse("2024-08-14T18:00:00Z"), room.getExp());
        assertEquals("192.168.1.1", room.getAuthorizations().get(0).getIp());
    }

    @Test
    void listRoomsSendsSortAsDeepObject() {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"total\":0,\"limit\":5,\"skip\":0,\"data\":[]}")));

        var page = videsk.listRooms(RoomQuery.builder().limit(5)
                .sortBy("createdAt", SortDirection.DESCENDING).sortBy("name", SortDirection.ASCENDING).build())
                .firstPage();

        LoggedRequest r = server.onlyRequest();
        assertEquals("-1", r.queryParameter("$sort[createdAt]").firstValue());
        assertEquals("1", r.queryParameter("$sort[name]").firstValue());
        assertEquals("5", r.queryParameter("$limit").firstValue());
        assertTrue(r.getUrl().indexOf("createdAt") < r.getUrl().indexOf("name"), "sort keys keep their order");
        assertEquals(0, page.total().getAsLong());
        assertTrue(page.items().isEmpty());
        assertFalse(page.hasNextPage());
    }

    @Test
    void typedListRoomsSendsSortAsDeepObjectNotAsAMapsToString() {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"total\":1,\"limit\":10,\"skip\":0,\"data\":[" + ROOM_JSON + "]}")));

        RoomsList page = videsk.rooms().listRooms().$limit(10).$sort(Map.of("createdAt", -1)).execute();

        LoggedRequest r = server.onlyRequest();
        assertEquals("GET", r.getMethod().getName());
        assertEquals("/vpaas/rooms", r.getUrl().split("\\?")[0]);
        assertBearer(r);
        assertEquals("-1", r.queryParameter("$sort[createdAt]").firstValue());
        assertEquals("10", r.queryParameter("$limit").firstValue());
        assertFalse(r.queryParameter("$sort").isPresent(), "no plain $sort parameter: " + r.getUrl());
        String query = URLDecoder.decode(r.getUrl().substring(r.getUrl().indexOf('?') + 1), StandardCharsets.UTF_8);
        assertFalse(query.contains("$sort={") || query.contains("createdAt=-1}"), "not the Map's toString(): " + query);
        assertEquals(2, query.split("&").length, "$limit and one $sort key, nothing else: " + query);
        assertEquals(1, page.getTotal());
        assertEquals("64f1a2b3c4d5e6f7a8b9c0d1", page.getData().get(0).getId());
    }

    @Test
    void createRoomSendsJsonBodyAndReturnsRoomWithToken() {
        server.stubFor(post(urlPathEqualTo("/vpaas/rooms")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(withToken(ROOM_JSON))));

        RoomWithToken room = videsk.rooms().createRoom(new CreateRoomRequest()
                .name("Team standup meeting").externalId("standup-2024-08-14")
                .exp(OffsetDateTime.parse("2024-08-14T18:00:00Z"))
                .settings(new RoomSettings().maxParticipants(10).recordingEnabled(true))).execute();

        LoggedRequest r = server.onlyRequest();
        assertEquals("POST", r.getMethod().getName());
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        assertBearer(r);
        JsonObject body = JsonParser.parseString(r.getBodyAsString()).getAsJsonObject();
        assertEquals("Team standup meeting", body.get("name").getAsString());
        assertEquals("standup-2024-08-14", body.get("externalId").getAsString());
        assertEquals(OffsetDateTime.parse("2024-08-14T18:00:00Z"), OffsetDateTime.parse(body.get("exp").getAsString()));
        assertEquals(10, body.getAsJsonObject("settings").get("maxParticipants").getAsInt());
        assertTrue(body.getAsJsonObject("settings").get("recordingEnabled").getAsBoolean());
        assertEquals(JWT, room.getAccessToken());
        assertEquals("standup-2024-08-14", room.getExternalId());
    }

    @Test
    void createRoomWithTakenExternalIdRaisesConflict() {
        server.stubFor(post(urlPathEqualTo("/vpaas/rooms")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"Conflict\",\"message\":\"externalId already exists\",\"code\":409,\"className\":\"conflict\"}")));

        ConflictException e = assertThrows(ConflictException.class,
                () -> videsk.rooms().createRoom(new CreateRoomRequest().externalId("standup-2024-08-14")).execute());

        assertEquals(409, e.statusCode());
        assertTrue(e.body().contains("externalId already exists"));
        assertEquals("externalId already exists", e.vendorError().orElseThrow().message().orElseThrow());
        assertEquals("POST /vpaas/rooms", e.operation());
    }

    @Test
    void getRoomEncodesTheIdInThePath() {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/standup%202024%2F08")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ROOM_JSON)));

        Room room = videsk.rooms().getRoom("standup 2024/08").execute();

        LoggedRequest r = server.onlyRequest();
        assertEquals("/vpaas/rooms/standup%202024%2F08", r.getUrl());
        assertBearer(r);
        assertEquals("Team standup meeting", room.getName());
        assertEquals("f47ac10b-58cc-4372-a567-0e02b2c3d479", room.getAuthorizations().get(0).getJti());
    }

    @Test
    void getUnknownRoomRaisesNotFoundWithFeathersBody() {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"NotFound\",\"message\":\"Room not found\",\"code\":404,\"className\":\"not-found\"}")));

        NotFoundException e = assertThrows(NotFoundException.class, () -> videsk.rooms().getRoom("missing").execute());

        assertEquals(404, e.statusCode());
        assertTrue(e.body().contains("\"className\":\"not-found\""));
        assertEquals("NotFound", e.vendorError().orElseThrow().name().orElseThrow());
        assertTrue(e.getMessage().contains("GET /vpaas/rooms/missing") && e.getMessage().contains("Room not found"), e.getMessage());
    }

    @Test
    void getUnknownRoomAsyncCompletesExceptionallyWithNotFound() {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"NotFound\",\"message\":\"Room not found\",\"code\":404,\"className\":\"not-found\"}")));

        CompletableFuture<Room> future = videsk.rooms().getRoom("missing").executeAsync();

        CompletionException thrown = assertThrows(CompletionException.class, future::join);
        NotFoundException e = assertInstanceOf(NotFoundException.class, thrown.getCause());
        assertTrue(future.isCompletedExceptionally());
        LoggedRequest r = server.onlyRequest();
        assertEquals("GET", r.getMethod().getName());
        assertEquals("/vpaas/rooms/missing", r.getUrl());
        assertBearer(r);
        assertEquals(404, e.statusCode());
        assertEquals("NotFound", e.vendorError().orElseThrow().name().orElseThrow());
        assertEquals("Room not found", e.vendorError().orElseThrow().message().orElseThrow());
        assertEquals("404", e.vendorError().orElseThrow().code().orElseThrow());
        assertTrue(e.body().contains("\"className\":\"not-found\""));
        assertEquals("GET /vpaas/rooms/missing", e.operation());
        assertTrue(e.getMessage().contains("GET /vpaas/rooms/missing") && e.getMessage().contains("Room not found"), e.getMessage());
    }

    @Test
    void getRoomAsyncReturnsTheRoom() throws Exception {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/64f1a2b3c4d5e6f7a8b9c0d1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ROOM_JSON)));

        Room room = videsk.rooms().getRoom("64f1a2b3c4d5e6f7a8b9c0d1").executeAsync().get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertBearer(server.onlyRequest());
        assertEquals("Team standup meeting", room.getName());
        assertEquals(OffsetDateTime.parse("2024-08-14T15:00:00Z"), room.getNbf());
    }

    @Test
    void updateRoomSendsOnlyTheChangedFields() {
        server.stubFor(patch(urlPathEqualTo("/vpaas/rooms/64f1a2b3c4d5e6f7a8b9c0d1")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(withToken(ROOM_JSON))));

        RoomWithToken room = videsk.rooms().updateRoom("64f1a2b3c4d5e6f7a8b9c0d1",
                new UpdateRoomRequest().exp(OffsetDateTime.parse("2024-08-14T20:00:00Z")).generateToken(true)).execute();

        LoggedRequest r = server.onlyRequest();
        assertEquals("PATCH", r.getMethod().getName());
        JsonObject body = JsonParser.parseString(r.getBodyAsString()).getAsJsonObject();
        assertTrue(body.get("generateToken").getAsBoolean());
        assertEquals(OffsetDateTime.parse("2024-08-14T20:00:00Z"), OffsetDateTime.parse(body.get("exp").getAsString()));
        assertNull(body.get("name"), "unset fields are not sent");
        assertNull(body.get("ended"), "unset fields are not sent");
        assertBearer(r);
        assertEquals(JWT, room.getAccessToken());
    }

    @Test
    void deleteRoomIsAlwaysForbidden() {
        // served by the default file stub stubs/videsk/mappings/delete-room-forbidden.json
        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> videsk.rooms().deleteRoom("64f1a2b3c4d5e6f7a8b9c0d1").execute());

        LoggedRequest r = server.onlyRequest();
        assertEquals("DELETE", r.getMethod().getName());
        assertBearer(r);
        assertEquals(403, e.statusCode());
        assertTrue(e.body().contains("Not allowed"));
    }

    @Test
    void joinRoomSendsNoBodyAndReturnsToken() {
        server.stubFor(post(urlPathEqualTo("/vpaas/rooms/standup-2024-08-14/join")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"accessToken\":\"" + JWT + "\"}")));

        JoinRoomResponse joined = videsk.rooms().joinRoom("standup-2024-08-14").execute();

        LoggedRequest r = server.onlyRequest();
        assertEquals("POST", r.getMethod().getName());
        assertEquals("/vpaas/rooms/standup-2024-08-14/join", r.getUrl());
        assertEquals(0, r.getBody().length, "the contract's body is an empty free-form object: none is sent");
        assertEquals("0", r.getHeader("Content-Length"));
        assertBearer(r);
        assertEquals(JWT, joined.getAccessToken());
    }

    @Test
    void missingTokenAnswerRaisesUnauthorized() {
        server.stubFor(post(urlPathEqualTo("/vpaas/rooms/r1/join")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"NotAuthenticated\",\"message\":\"jwt expired\",\"code\":401,\"className\":\"not-authenticated\"}")));

        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> videsk.rooms().joinRoom("r1").execute());

        assertEquals(401, e.statusCode());
        assertTrue(e.body().contains("jwt expired"));
        assertTrue(!e.getMessage().contains(TOKEN) && !e.toString().contains(TOKEN), "no credential in the message");
    }
}
