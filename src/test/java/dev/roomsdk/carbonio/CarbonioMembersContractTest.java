package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFixtures.ADA;
import static dev.roomsdk.carbonio.CarbonioFixtures.GUEST;
import static dev.roomsdk.carbonio.CarbonioFixtures.QUEUE;
import static dev.roomsdk.carbonio.CarbonioFixtures.ROOM;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertAuthCookie;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertCall;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertQueueId;
import static dev.roomsdk.carbonio.CarbonioFixtures.body;
import static dev.roomsdk.carbonio.CarbonioFixtures.json;
import static dev.roomsdk.carbonio.CarbonioFixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.carbonio.model.Member;
import dev.roomsdk.carbonio.model.MemberInserted;
import dev.roomsdk.carbonio.model.MemberToInsert;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Members and owners of a room: the wire request and the typed result. */
class CarbonioMembersContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String MEMBERS = "[{\"userId\":\"" + ADA + "\",\"owner\":true},{\"userId\":\"" + GUEST + "\",\"owner\":false}]";

    Carbonio carbonio;

    @BeforeEach
    void client() {
        carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE);
    }

    @AfterEach
    void close() {
        carbonio.close();
    }

    @Test
    void listRoomMemberReturnsMembersWithTheirOwnerFlag() {
        String path = server.path("/rooms/" + ROOM + "/members");
        server.stubFor(get(urlPathEqualTo(path)).willReturn(json(200, MEMBERS)));

        List<Member> members = carbonio.members().listRoomMember(ROOM).execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", path);
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        assertEquals(2, members.size());
        assertEquals(ADA, members.get(0).getUserId());
        assertTrue(members.get(0).getOwner());
        assertEquals(GUEST, members.get(1).getUserId());
        assertFalse(members.get(1).getOwner());
    }

    @Test
    void insertRoomMemberSendsTheMemberAndReturnsItWithItsClearedDate() {
        String path = server.path("/rooms/" + ROOM + "/members");
        server.stubFor(post(urlPathEqualTo(path)).willReturn(json(201,
                "{\"userId\":\"" + GUEST + "\",\"owner\":false,\"clearedAt\":\"2026-11-21T16:45:12.250Z\"}")));

        MemberInserted added = carbonio.members().insertRoomMember(ROOM,
                new MemberToInsert().userId(GUEST).owner(false).historyCleared(true)).execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", path);
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        JsonObject body = body(r).getAsJsonObject();
        assertEquals(GUEST.toString(), body.get("userId").getAsString());
        assertFalse(body.get("owner").getAsBoolean());
        assertTrue(body.get("historyCleared").getAsBoolean());
        assertEquals(3, body.size());
        assertEquals(GUEST, added.getUserId());
        assertFalse(added.getOwner());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), added.getClearedAt());
    }

    @Test
    void insertRoomMemberWithoutClearedHistoryHasNoClearedDate() {
        String path = server.path("/rooms/" + ROOM + "/members");
        server.stubFor(post(urlPathEqualTo(path)).willReturn(json(201, "{\"userId\":\"" + GUEST + "\",\"owner\":true}")));

        MemberInserted added = carbonio.members().insertRoomMember(ROOM,
                new MemberToInsert().userId(GUEST).owner(true).historyCleared(false)).execute();

        JsonObject body = body(server.onlyRequest()).getAsJsonObject();
        assertTrue(body.get("owner").getAsBoolean());
        assertFalse(body.get("historyCleared").getAsBoolean());
        assertTrue(added.getOwner());
        assertNull(added.getClearedAt());
    }

    @Test
    void deleteRoomMemberPutsRoomAndUserInThePath() {
        String path = server.path("/rooms/" + ROOM + "/members/" + GUEST);
        server.stubFor(delete(urlPathEqualTo(path)).willReturn(noContent()));

        carbonio.members().deleteRoomMember(ROOM, GUEST).execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "DELETE", "/rooms/7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a/members/5e2b8d1a-9c4f-4b7e-a6d3-2f8c1e0b7a49");
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
    }

    @Test
    void updateToOwnerIsAPutOnTheMembersOwnerFlag() {
        String path = server.path("/rooms/" + ROOM + "/members/" + GUEST + "/owner");
        server.stubFor(put(urlPathEqualTo(path)).willReturn(noContent()));

        carbonio.members().updateToOwner(ROOM, GUEST).execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", path);
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
    }

    @Test
    void deleteOwnerIsADeleteOnTheMembersOwnerFlag() {
        String path = server.path("/rooms/" + ROOM + "/members/" + ADA + "/owner");
        server.stubFor(delete(urlPathEqualTo(path)).willReturn(noContent()));

        carbonio.members().deleteOwner(ROOM, ADA).execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "DELETE", path);
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
    }

    @Test
    void updateRoomOwnersSendsTheFlagsAndReturnsTheUpdatedMembers() {
        String path = server.path("/rooms/" + ROOM + "/members/owners");
        String updated = "[{\"userId\":\"" + ADA + "\",\"owner\":false},{\"userId\":\"" + GUEST + "\",\"owner\":true}]";
        server.stubFor(put(urlPathEqualTo(path)).willReturn(json(201, updated)));

        List<Member> members = carbonio.members().updateRoomOwners(ROOM,
                List.of(new Member().userId(ADA).owner(false), new Member().userId(GUEST).owner(true))).execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", path);
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        JsonArray body = body(r).getAsJsonArray();
        assertEquals(2, body.size());
        assertEquals(ADA.toString(), body.get(0).getAsJsonObject().get("userId").getAsString());
        assertFalse(body.get(0).getAsJsonObject().get("owner").getAsBoolean());
        assertEquals(GUEST.toString(), body.get(1).getAsJsonObject().get("userId").getAsString());
        assertTrue(body.get(1).getAsJsonObject().get("owner").getAsBoolean());
        assertFalse(members.get(0).getOwner());
        assertTrue(members.get(1).getOwner());
        assertEquals(GUEST, members.get(1).getUserId());
    }
}
