package dev.roomsdk.carbonio.v16;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.ADA;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.BOB;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.CAROL;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.DIRECT;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.DIRECT_ROOM;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.GROUP_ROOM;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.GUEST;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.QUEUE;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.ROOM;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.TEMPORARY;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertCall;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertJsonBody;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertNoBody;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertQueueId;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.binary;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.body;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.json;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.v16.model.ClearedDate;
import dev.roomsdk.carbonio.v16.model.Member;
import dev.roomsdk.carbonio.v16.model.Room;
import dev.roomsdk.carbonio.v16.model.RoomCreationFields;
import dev.roomsdk.carbonio.v16.model.RoomEditableFields;
import dev.roomsdk.carbonio.v16.model.RoomExtraField;
import dev.roomsdk.carbonio.v16.model.RoomType;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.core.transfer.TransferBody;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rooms operations of the 1.6 generation: the wire request and the typed result, against carbonio-1.6.yaml. */
class Carbonio16RoomsContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio-1.6");

    @Test
    void listRoomsReturnsGroupOneToOneAndTemporaryRoomsWithExternalMembers() {
        server.stubFor(get(urlPathEqualTo("/rooms")).willReturn(json(200, "[" + GROUP_ROOM + "," + DIRECT + "," + TEMPORARY + "]")));

        List<Room> rooms;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), QUEUE)) {
            rooms = carbonio.v16().rooms().listRooms().extraFields(List.of(RoomExtraField.MEMBERS, RoomExtraField.SETTINGS))
                    .execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", "/rooms?extraFields=members&extraFields=settings");
        assertQueueId(r, QUEUE);
        assertEquals(3, rooms.size());
        assertEquals(RoomType.GROUP, rooms.get(0).getType());
        assertEquals(3, rooms.get(0).getMembers().size());
        assertTrue(rooms.get(0).getMembers().get(0).getOwner());
        assertFalse(rooms.get(0).getMembers().get(0).getExternal());
        assertEquals(RoomType.ONE_TO_ONE, rooms.get(1).getType());
        assertEquals("", rooms.get(1).getName());
        Room temporary = rooms.get(2);
        assertEquals(RoomType.TEMPORARY, temporary.getType());
        assertEquals(GUEST, temporary.getMembers().get(1).getUserId());
        assertTrue(temporary.getMembers().get(1).getExternal(), "a guest is an external member");
        assertTrue(temporary.getUserSettings().getMuted());
    }

    @Test
    void insertGroupRoomSendsMembersWithTheirFlagsAndNoMembersIds() {
        server.stubFor(post(urlPathEqualTo("/rooms")).willReturn(json(201, GROUP_ROOM)));

        Room room;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), QUEUE)) {
            room = carbonio.v16().rooms().insertRoom(new RoomCreationFields().name("Design team")
                    .description("Weekly design sync").type(RoomType.GROUP)
                    .members(List.of(new Member().userId(BOB), new Member().userId(CAROL).owner(true)))).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", "/rooms");
        assertJsonBody(r);
        assertQueueId(r, QUEUE);
        JsonObject body = body(r).getAsJsonObject();
        assertEquals("group", body.get("type").getAsString());
        assertEquals("Design team", body.get("name").getAsString());
        JsonArray members = body.getAsJsonArray("members");
        assertEquals(2, members.size());
        assertEquals(BOB.toString(), members.get(0).getAsJsonObject().get("userId").getAsString());
        assertFalse(members.get(0).getAsJsonObject().get("owner").getAsBoolean());
        assertFalse(members.get(0).getAsJsonObject().get("external").getAsBoolean());
        assertTrue(members.get(1).getAsJsonObject().get("owner").getAsBoolean());
        assertFalse(body.has("membersIds"), "1.6 reads members, not membersIds");
        assertFalse(body.has("parentId"), "1.6 has no parentId");
        assertEquals(ROOM, room.getId());
        assertEquals(3, room.getMembers().size());
        assertEquals(OffsetDateTime.parse("2026-11-20T09:30:00Z"), room.getCreatedAt());
    }

    @Test
    void insertOneToOneRoomSendsOneMemberWithoutNameAndGetsAnEmptyNameAndDescription() {
        server.stubFor(post(urlPathEqualTo("/rooms")).willReturn(json(201, DIRECT)));

        Room room;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            room = carbonio.v16().rooms().insertRoom(new RoomCreationFields().type(RoomType.ONE_TO_ONE)
                    .members(List.of(new Member().userId(BOB)))).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", "/rooms");
        assertQueueId(r, null);
        JsonObject body = body(r).getAsJsonObject();
        assertEquals("one_to_one", body.get("type").getAsString());
        assertEquals(1, body.getAsJsonArray("members").size());
        assertEquals(BOB.toString(), body.getAsJsonArray("members").get(0).getAsJsonObject().get("userId").getAsString());
        assertFalse(body.has("name"), "a one-to-one room is not named");
        assertFalse(body.has("description"));
        assertEquals(DIRECT_ROOM, room.getId());
        assertEquals(RoomType.ONE_TO_ONE, room.getType());
        assertEquals("", room.getName());
        assertEquals("", room.getDescription());
    }

    @Test
    void insertTemporaryRoomSendsAnExternalMember() {
        server.stubFor(post(urlPathEqualTo("/rooms")).willReturn(json(201, TEMPORARY)));

        Room room;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            room = carbonio.v16().rooms().insertRoom(new RoomCreationFields().name("Customer call").type(RoomType.TEMPORARY)
                    .members(List.of(new Member().userId(ADA).owner(true), new Member().userId(GUEST).external(true))))
                    .execute();
        }

        JsonArray members = body(server.onlyRequest()).getAsJsonObject().getAsJsonArray("members");
        assertEquals(2, members.size());
        assertTrue(members.get(1).getAsJsonObject().get("external").getAsBoolean());
        assertTrue(room.getMembers().get(1).getExternal());
    }

    @Test
    void insertRoomWithoutMembersFailsBeforeAnyIo() {
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> carbonio.v16().rooms()
                    .insertRoom(new RoomCreationFields().name("Empty").type(RoomType.GROUP).members(List.of())).execute());
            assertTrue(e.getMessage().contains("members"), e.getMessage());
            InvalidRequestException missing = assertThrows(InvalidRequestException.class, () -> carbonio.v16().rooms()
                    .insertRoom(new RoomCreationFields().name("Nobody").type(RoomType.GROUP)).execute());
            assertTrue(missing.getMessage().contains("members"), missing.getMessage());
        }
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void insertRoomRefusesAMemberCountItsTypeDoesNotTakeBeforeAnyIo() {
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            InvalidRequestException pair = assertThrows(InvalidRequestException.class, () -> carbonio.v16().rooms()
                    .insertRoom(new RoomCreationFields().type(RoomType.ONE_TO_ONE)
                            .members(List.of(new Member().userId(BOB), new Member().userId(ADA)))).execute());
            assertEquals(List.of("members: must have exactly 1 item when type is one_to_one, got 2"), pair.violations());
            InvalidRequestException alone = assertThrows(InvalidRequestException.class, () -> carbonio.v16().rooms()
                    .insertRoom(new RoomCreationFields().name("Solo").type(RoomType.GROUP)
                            .members(List.of(new Member().userId(BOB)))).execute());
            assertEquals(List.of("members: must have at least 2 items when type is group, got 1"), alone.violations());
            // async too: the future fails with the same refusal, nothing sent
            java.util.concurrent.CompletionException async = assertThrows(java.util.concurrent.CompletionException.class,
                    () -> carbonio.v16().rooms().insertRoom(new RoomCreationFields().name("Call").type(RoomType.TEMPORARY)
                            .members(List.of(new Member().userId(GUEST).external(true)))).executeAsync().join());
            assertEquals(List.of("members: must have at least 2 items when type is temporary, got 1"),
                    ((InvalidRequestException) async.getCause()).violations());
        }
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void getRoomReturnsTheRoomWithMembers() {
        server.stubFor(get(urlPathEqualTo("/rooms/" + ROOM)).willReturn(json(200, GROUP_ROOM)));

        Room room;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), QUEUE)) {
            room = carbonio.v16().rooms().getRoom(ROOM).execute();
        }

        assertCall(server.onlyRequest(), "GET", "/rooms/" + ROOM);
        assertEquals("Design team", room.getName());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), room.getPictureUpdatedAt());
        assertEquals(ADA, room.getMembers().get(0).getUserId());
    }

    @Test
    void updateRoomSendsTheEditableFields() {
        server.stubFor(put(urlPathEqualTo("/rooms/" + ROOM)).willReturn(json(200, GROUP_ROOM)));

        Room room;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            room = carbonio.v16().rooms().updateRoom(ROOM, new RoomEditableFields().name("Design team")
                    .description("Weekly design sync")).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", "/rooms/" + ROOM);
        JsonObject body = body(r).getAsJsonObject();
        assertEquals("Design team", body.get("name").getAsString());
        assertEquals("Weekly design sync", body.get("description").getAsString());
        assertEquals(ROOM, room.getId());
    }

    @Test
    void deleteRoomSendsDeleteAndReturnsNothing() {
        server.stubFor(delete(urlPathEqualTo("/rooms/" + ROOM)).willReturn(noContent()));

        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            assertNull(carbonio.v16().rooms().deleteRoom(ROOM).execute());
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "DELETE", "/rooms/" + ROOM);
        assertNoBody(r);
    }

    @Test
    void muteAndUnmuteRoom() {
        server.stubFor(put(urlPathEqualTo("/rooms/" + ROOM + "/mute")).willReturn(noContent()));
        server.stubFor(delete(urlPathEqualTo("/rooms/" + ROOM + "/mute")).willReturn(noContent()));

        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            carbonio.v16().rooms().muteRoom(ROOM).execute();
            carbonio.v16().rooms().unmuteRoom(ROOM).execute();
        }

        List<LoggedRequest> requests = server.requests();
        assertEquals(2, requests.size());
        assertCall(requests.get(0), "PUT", "/rooms/" + ROOM + "/mute");
        assertCall(requests.get(1), "DELETE", "/rooms/" + ROOM + "/mute");
    }

    @Test
    void clearRoomHistoryReturnsTheClearedDate() {
        server.stubFor(put(urlPathEqualTo("/rooms/" + ROOM + "/clear"))
                .willReturn(json(200, "{\"clearedAt\":\"2026-11-21T16:45:12.250Z\"}")));

        ClearedDate cleared;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            cleared = carbonio.v16().rooms().clearRoomHistory(ROOM).execute();
        }

        assertCall(server.onlyRequest(), "PUT", "/rooms/" + ROOM + "/clear");
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), cleared.getClearedAt());
    }

    @Test
    void roomPictureIsUploadedRawWithEscapedNameDownloadedAndDeleted() throws Exception {
        byte[] png = "\u0089PNG-bytes".getBytes(StandardCharsets.ISO_8859_1);
        server.stubFor(put(urlPathEqualTo("/rooms/" + ROOM + "/picture")).willReturn(noContent()));
        server.stubFor(get(urlPathEqualTo("/rooms/" + ROOM + "/picture")).willReturn(binary("image/png", png)));
        server.stubFor(delete(urlPathEqualTo("/rooms/" + ROOM + "/picture")).willReturn(noContent()));

        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            carbonio.v16().rooms().updateRoomPicture(ROOM, "team.png", "image/png",
                    TransferBody.of(png, "team.png", "image/png")).execute();
            try (Download d = carbonio.v16().rooms().getRoomPicture(ROOM).execute()) {
                d.writeTo(downloaded);
                assertEquals("image/png", d.contentType().orElse(null));
            }
            carbonio.v16().rooms().deleteRoomPicture(ROOM).execute();
        }

        List<LoggedRequest> requests = server.requests();
        assertEquals(3, requests.size());
        LoggedRequest upload = requests.get(0);
        assertCall(upload, "PUT", "/rooms/" + ROOM + "/picture");
        assertEquals("\\u0074\\u0065\\u0061\\u006d\\u002e\\u0070\\u006e\\u0067", upload.getHeader("fileName"));
        assertEquals("image/png", upload.getHeader("mimeType"));
        assertEquals(String.valueOf(png.length), upload.getHeader("Content-Length"));
        assertEquals("application/octet-stream", upload.getHeader("Content-Type"));
        assertArrayEquals(png, upload.getBody());
        assertCall(requests.get(1), "GET", "/rooms/" + ROOM + "/picture");
        assertArrayEquals(png, downloaded.toByteArray());
        assertCall(requests.get(2), "DELETE", "/rooms/" + ROOM + "/picture");
    }
}
