package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFixtures.ADA;
import static dev.roomsdk.carbonio.CarbonioFixtures.CHANNEL;
import static dev.roomsdk.carbonio.CarbonioFixtures.GROUP_ROOM;
import static dev.roomsdk.carbonio.CarbonioFixtures.GROUP_ROOM_WITH_EXTRAS;
import static dev.roomsdk.carbonio.CarbonioFixtures.GUEST;
import static dev.roomsdk.carbonio.CarbonioFixtures.MEETING;
import static dev.roomsdk.carbonio.CarbonioFixtures.QUEUE;
import static dev.roomsdk.carbonio.CarbonioFixtures.ROOM;
import static dev.roomsdk.carbonio.CarbonioFixtures.WORKSPACE;
import static dev.roomsdk.carbonio.CarbonioFixtures.WORKSPACE_ROOM;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertAuthCookie;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertCall;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertQueueId;
import static dev.roomsdk.carbonio.CarbonioFixtures.body;
import static dev.roomsdk.carbonio.CarbonioFixtures.json;
import static dev.roomsdk.carbonio.CarbonioFixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.carbonio.api.RoomsApi;
import dev.roomsdk.carbonio.model.ClearedDate;
import dev.roomsdk.carbonio.model.Room;
import dev.roomsdk.carbonio.model.RoomCreationFields;
import dev.roomsdk.carbonio.model.RoomEditableFields;
import dev.roomsdk.carbonio.model.RoomExtraField;
import dev.roomsdk.carbonio.model.RoomRank;
import dev.roomsdk.carbonio.model.RoomType;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.operation.ApiResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rooms operations (all but the picture ones): the wire request and the typed result. */
class CarbonioRoomsContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final UUID OTHER_QUEUE = UUID.fromString("1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d");

    @Test
    void listRoomSendsExtraFieldsAsRepeatedParameterAndQueueIdFromTheBuilder() {
        server.stubFor(get(urlPathEqualTo(server.path("/rooms")))
                .willReturn(json(200, "[" + GROUP_ROOM_WITH_EXTRAS + "," + WORKSPACE_ROOM + "]")));

        List<Room> rooms;
        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE)) {
            rooms = carbonio.rooms().listRoom().extraFields(List.of(RoomExtraField.MEMBERS, RoomExtraField.SETTINGS)).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", server.path("/rooms") + "?extraFields=members&extraFields=settings");
        assertEquals(List.of("members", "settings"), r.queryParameter("extraFields").values());
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        assertEquals(2, rooms.size());
        Room group = rooms.get(0);
        assertEquals(ROOM, group.getId());
        assertEquals(RoomType.GROUP, group.getType());
        assertEquals(List.of(ADA, GUEST), group.getMembersIds());
        assertEquals(MEETING, group.getMeetingId());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), group.getUpdatedAt());
        assertTrue(group.getMembers().get(0).getOwner());
        assertFalse(group.getMembers().get(1).getOwner());
        assertFalse(group.getUserSettings().getMuted());
        assertEquals(OffsetDateTime.parse("2026-11-20T09:30:00Z"), group.getUserSettings().getClearedAt());
        Room workspace = rooms.get(1);
        assertEquals(RoomType.WORKSPACE, workspace.getType());
        Room channel = workspace.getChildren().get(0);
        assertEquals(CHANNEL, channel.getId());
        assertEquals(RoomType.CHANNEL, channel.getType());
        assertEquals(WORKSPACE, channel.getParentId());
        assertEquals(1, channel.getRank());
    }

    @Test
    void listRoomWithoutExtraFieldsSendsNoQueryAndNoQueueId() {
        server.stubFor(get(urlPathEqualTo(server.path("/rooms"))).willReturn(json(200, "[]")));

        List<Room> rooms;
        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), null)) {
            rooms = carbonio.rooms().listRoom().execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", server.path("/rooms"));
        assertAuthCookie(r);
        assertQueueId(r, null);
        assertTrue(rooms.isEmpty());
    }

    @Test
    void insertRoomSendsTheCreationFieldsAndReturnsTheCreatedRoom() {
        server.stubFor(post(urlPathEqualTo(server.path("/rooms"))).willReturn(json(201, GROUP_ROOM)));

        Room room;
        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE)) {
            room = carbonio.rooms().insertRoom(new RoomCreationFields().name("Design team")
                    .description("Weekly design sync").type(RoomType.GROUP).membersIds(List.of(GUEST))).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", server.path("/rooms"));
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"), r.getHeader("Content-Type"));
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        JsonObject body = body(r).getAsJsonObject();
        assertEquals("Design team", body.get("name").getAsString());
        assertEquals("Weekly design sync", body.get("description").getAsString());
        assertEquals("group", body.get("type").getAsString());
        assertEquals(GUEST.toString(), body.getAsJsonArray("membersIds").get(0).getAsString());
        assertEquals(1, body.getAsJsonArray("membersIds").size());
        assertNull(body.get("parentId"), "unset fields are not sent");
        assertEquals(ROOM, room.getId());
        assertEquals("Design team", room.getName());
        assertEquals(OffsetDateTime.parse("2026-11-20T09:30:00Z"), room.getCreatedAt());
    }

    @Test
    void insertChannelSendsItsWorkspaceAsParentId() {
        String created = "{\"id\":\"" + CHANNEL + "\",\"name\":\"announcements\",\"type\":\"channel\",\"parentId\":\""
                + WORKSPACE + "\",\"rank\":1,\"createdAt\":\"2026-11-20T09:30:00Z\",\"updatedAt\":\"2026-11-20T09:30:00Z\"}";
        server.stubFor(post(urlPathEqualTo(server.path("/rooms"))).willReturn(json(201, created)));

        Room channel;
        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), null)) {
            channel = carbonio.rooms().insertRoom(new RoomCreationFields().name("announcements")
                    .type(RoomType.CHANNEL).parentId(WORKSPACE)).execute();
        }

        JsonObject body = body(server.onlyRequest()).getAsJsonObject();
        assertEquals("channel", body.get("type").getAsString());
        assertEquals(WORKSPACE.toString(), body.get("parentId").getAsString());
        // an unset list is left out (containerDefaultToNull), not sent as []
        assertFalse(body.has("membersIds"), "unset membersIds is not sent");
        assertEquals(RoomType.CHANNEL, channel.getType());
        assertEquals(WORKSPACE, channel.getParentId());
    }

    @Test
    void getRoomPutsTheIdInThePathAndAnExplicitQueueIdWinsOverTheDefault() {
        server.stubFor(get(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(json(200, GROUP_ROOM)));

        Room room;
        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE)) {
            room = carbonio.rooms().getRoom(ROOM).queueId(OTHER_QUEUE).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", server.path("/rooms/7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a"));
        assertAuthCookie(r);
        assertEquals(List.of(OTHER_QUEUE.toString()), r.getHeaders().getHeader("queue-id").values(),
                "one queue-id header: the call's own");
        assertEquals("Weekly design sync", room.getDescription());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), room.getPictureUpdatedAt());
        assertNull(room.getMembers(), "members only with extraFields: absent is not the same as none");
    }

    @Test
    void updateRoomSendsOnlyTheChangedFields() {
        String renamed = GROUP_ROOM.replace("\"Design team\"", "\"Design team (2027)\"");
        server.stubFor(put(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(json(200, renamed)));

        Room room;
        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE)) {
            room = carbonio.rooms().updateRoom(ROOM, new RoomEditableFields().name("Design team (2027)")).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", server.path("/rooms/" + ROOM));
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        assertEquals("{\"name\":\"Design team (2027)\"}", r.getBodyAsString());
        assertEquals("Design team (2027)", room.getName());
    }

    @Test
    void deleteRoomSendsDeleteAndAccepts204() {
        server.stubFor(delete(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE)) {
            carbonio.rooms().deleteRoom(ROOM).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "DELETE", server.path("/rooms/" + ROOM));
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        assertEquals(0, r.getBody().length);
    }

    @Test
    void muteRoomIsAPutOnMute() {
        server.stubFor(put(urlPathEqualTo(server.path("/rooms/" + ROOM + "/mute"))).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE)) {
            carbonio.rooms().muteRoom(ROOM).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", server.path("/rooms/" + ROOM + "/mute"));
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
    }

    @Test
    void unmuteRoomIsADeleteOnMute() {
        server.stubFor(delete(urlPathEqualTo(server.path("/rooms/" + ROOM + "/mute"))).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), null)) {
            carbonio.rooms().unmuteRoom(ROOM).queueId(QUEUE).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "DELETE", server.path("/rooms/" + ROOM + "/mute"));
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
    }

    @Test
    void clearRoomHistoryReturnsTheClearedDate() {
        server.stubFor(put(urlPathEqualTo(server.path("/rooms/" + ROOM + "/clear")))
                .willReturn(json(200, "{\"clearedAt\":\"2026-11-21T16:45:12.250Z\"}")));

        ClearedDate cleared;
        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE)) {
            cleared = carbonio.rooms().clearRoomHistory(ROOM).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", server.path("/rooms/" + ROOM + "/clear"));
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), cleared.getClearedAt());
    }

    @Test
    void clearRoomHistoryWithResponseGivesTheStatusHeadersAndValue() {
        server.stubFor(put(urlPathEqualTo(server.path("/rooms/" + ROOM + "/clear")))
                .willReturn(json(200, "{\"clearedAt\":\"2026-11-21T16:45:12.250Z\"}")));

        ApiResponse<ClearedDate> response;
        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE)) {
            response = carbonio.rooms().clearRoomHistory(ROOM).executeWithResponse();
        }

        assertCall(server.onlyRequest(), "PUT", server.path("/rooms/" + ROOM + "/clear"));
        assertEquals(200, response.status());
        assertEquals("application/json", response.header("Content-Type"));
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), response.value().getClearedAt());
    }

    @Test
    void updateWorkspacesRankSendsTheRanksAsAJsonArray() {
        server.stubFor(put(urlPathEqualTo(server.path("/rooms/workspaces/rank"))).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE)) {
            carbonio.rooms().updateWorkspacesRank(List.of(new RoomRank().roomId(WORKSPACE).rank(0),
                    new RoomRank().roomId(ROOM).rank(1))).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", server.path("/rooms/workspaces/rank"));
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        JsonArray body = body(r).getAsJsonArray();
        assertEquals(2, body.size());
        assertEquals(WORKSPACE.toString(), body.get(0).getAsJsonObject().get("roomId").getAsString());
        assertEquals(0, body.get(0).getAsJsonObject().get("rank").getAsInt());
        assertEquals(ROOM.toString(), body.get(1).getAsJsonObject().get("roomId").getAsString());
        assertEquals(1, body.get(1).getAsJsonObject().get("rank").getAsInt());
    }

    @Test
    void updateChannelsRankPutsTheWorkspaceInThePath() {
        String path = server.path("/rooms/workspaces/" + WORKSPACE + "/channels/rank");
        server.stubFor(put(urlPathEqualTo(path)).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE)) {
            carbonio.rooms().updateChannelsRank(WORKSPACE, List.of(new RoomRank().roomId(CHANNEL).rank(0))).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", path);
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        assertEquals("[{\"roomId\":\"" + CHANNEL + "\",\"rank\":0}]", r.getBodyAsString());
    }

    @Test
    void missingRoomIdFailsBeforeAnyRequestNamingTheParameter() {
        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE)) {
            // making the call object checks nothing yet; sending it does, before any I/O
            RoomsApi.GetRoomCall call = carbonio.rooms().getRoom(null);
            InvalidRequestException e = assertThrows(InvalidRequestException.class, call::execute);
            assertEquals(List.of("roomId: is required"), e.violations());
            assertTrue(e.getMessage().startsWith("getRoom (GET /rooms/{roomId}): "), e.getMessage());

            CompletableFuture<Room> future = carbonio.rooms().getRoom(null).executeAsync();
            assertTrue(future.isCompletedExceptionally(), "the async form fails at once, without any I/O");
            InvalidRequestException async = assertInstanceOf(InvalidRequestException.class, failureOf(future));
            assertEquals(List.of("roomId: is required"), async.violations());
        }
        assertTrue(server.requests().isEmpty(), "nothing was sent");
    }

    @Test
    void getRoomAsyncOfAMissingRoomCompletesWithNotFound() {
        server.stubFor(get(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(CarbonioFixtures.status(404)));

        Throwable failure;
        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE)) {
            failure = failureOf(carbonio.rooms().getRoom(ROOM).executeAsync());
        }

        // the SDK's typed exception, not a generated ApiException nor a bare IOException
        NotFoundException e = assertInstanceOf(NotFoundException.class, failure);
        assertEquals(404, e.statusCode());
        assertEquals("GET " + server.path("/rooms/" + ROOM), e.operation());
        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", server.path("/rooms/" + ROOM));
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
    }

    @Test
    void theBuildersQueueIdGoesOnEveryCallUnlessOneCallSetsItsOwn() {
        server.stubFor(get(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(json(200, GROUP_ROOM)));

        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE)) {
            carbonio.rooms().getRoom(ROOM).execute();
            carbonio.rooms().getRoom(ROOM).queueId(OTHER_QUEUE).execute();
            carbonio.rooms().getRoom(ROOM).execute();
        }

        List<LoggedRequest> requests = server.requests();
        assertEquals(3, requests.size());
        assertEquals(List.of(QUEUE.toString()), requests.get(0).getHeaders().getHeader("queue-id").values(),
                "no argument at all: the builder's queue id");
        assertEquals(List.of(OTHER_QUEUE.toString()), requests.get(1).getHeaders().getHeader("queue-id").values(),
                "the call's own, alone");
        assertEquals(List.of(QUEUE.toString()), requests.get(2).getHeaders().getHeader("queue-id").values(),
                "an override is for its call only");
    }

    /** The cause a failed future completes with, its CompletionException unwrapped. */
    static Throwable failureOf(CompletableFuture<?> future) {
        CompletionException e = assertThrows(CompletionException.class, future::join);
        return e.getCause();
    }
}
