package dev.roomsdk.carbonio.v16;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.ADA;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.BOB;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.CAROL;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.GUEST;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.QUEUE;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.ROOM;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertCall;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertJsonBody;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertNoBody;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertQueueId;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.body;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.json;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.member;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.v16.model.Member;
import dev.roomsdk.carbonio.v16.model.MemberInserted;
import dev.roomsdk.carbonio.v16.model.MemberToInsert;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Members operations of the 1.6 generation: members carry {@code external}, and are added as an array. */
class Carbonio16MembersContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio-1.6");

    @Test
    void listRoomMembersReturnsMembersWithTheExternalFlag() {
        server.stubFor(get(urlPathEqualTo("/rooms/" + ROOM + "/members")).willReturn(json(200,
                "[" + member(ADA, true, false) + "," + member(GUEST, false, true) + "]")));

        List<Member> members;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), QUEUE)) {
            members = carbonio.v16().members().listRoomMembers(ROOM).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", "/rooms/" + ROOM + "/members");
        assertQueueId(r, QUEUE);
        assertEquals(2, members.size());
        assertTrue(members.get(0).getOwner());
        assertFalse(members.get(0).getExternal());
        assertEquals(GUEST, members.get(1).getUserId());
        assertTrue(members.get(1).getExternal());
    }

    @Test
    void listRoomMembersReadsMembersWithoutFlagsAsTheirDefaults() {
        // only userId is required in 1.6: a 1.6.0 server may send neither owner nor external
        server.stubFor(get(urlPathEqualTo("/rooms/" + ROOM + "/members"))
                .willReturn(json(200, "[{\"userId\":\"" + BOB + "\"}]")));

        List<Member> members;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            members = carbonio.v16().members().listRoomMembers(ROOM).execute();
        }

        assertEquals(BOB, members.get(0).getUserId());
        assertFalse(members.get(0).getOwner());
        assertFalse(members.get(0).getExternal());
    }

    @Test
    void insertRoomMembersSendsAnArrayAndReturnsAnArray() {
        server.stubFor(post(urlPathEqualTo("/rooms/" + ROOM + "/members")).willReturn(json(201,
                "[{\"userId\":\"" + CAROL + "\",\"owner\":false,\"external\":false,\"clearedAt\":\"2026-11-21T16:45:12.250Z\"},"
                        + "{\"userId\":\"" + GUEST + "\",\"owner\":false,\"external\":true}]")));

        List<MemberInserted> inserted;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), QUEUE)) {
            inserted = carbonio.v16().members().insertRoomMembers(ROOM, List.of(
                    new MemberToInsert().userId(CAROL).owner(false).historyCleared(true),
                    new MemberToInsert().userId(GUEST).owner(false).external(true).historyCleared(false))).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", "/rooms/" + ROOM + "/members");
        assertJsonBody(r);
        JsonArray body = body(r).getAsJsonArray();
        assertEquals(2, body.size());
        JsonObject first = body.get(0).getAsJsonObject();
        assertEquals(CAROL.toString(), first.get("userId").getAsString());
        assertTrue(first.get("historyCleared").getAsBoolean());
        assertFalse(first.get("external").getAsBoolean());
        assertTrue(body.get(1).getAsJsonObject().get("external").getAsBoolean());
        assertEquals(2, inserted.size());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), inserted.get(0).getClearedAt());
        assertNull(inserted.get(1).getClearedAt());
        assertTrue(inserted.get(1).getExternal());
    }

    @Test
    void insertRoomMembersWithAnEmptyArrayFailsBeforeAnyIo() {
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> carbonio.v16().members().insertRoomMembers(ROOM, List.of()).execute());
            assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        }
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void deleteRoomMember() {
        server.stubFor(delete(urlPathEqualTo("/rooms/" + ROOM + "/members/" + BOB)).willReturn(noContent()));

        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            carbonio.v16().members().deleteRoomMember(ROOM, BOB).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "DELETE", "/rooms/" + ROOM + "/members/" + BOB);
        assertNoBody(r);
    }

    @Test
    void updateToOwnerAndDeleteOwner() {
        server.stubFor(put(urlPathEqualTo("/rooms/" + ROOM + "/members/" + BOB + "/owner")).willReturn(noContent()));
        server.stubFor(delete(urlPathEqualTo("/rooms/" + ROOM + "/members/" + BOB + "/owner")).willReturn(noContent()));

        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            carbonio.v16().members().updateToOwner(ROOM, BOB).execute();
            carbonio.v16().members().deleteOwner(ROOM, BOB).execute();
        }

        List<LoggedRequest> requests = server.requests();
        assertCall(requests.get(0), "PUT", "/rooms/" + ROOM + "/members/" + BOB + "/owner");
        assertCall(requests.get(1), "DELETE", "/rooms/" + ROOM + "/members/" + BOB + "/owner");
    }

    @Test
    void updateRoomOwnersSendsMembersWithExternalAndReturnsThem() {
        server.stubFor(put(urlPathEqualTo("/rooms/" + ROOM + "/members/owners")).willReturn(json(201,
                "[" + member(ADA, true, false) + "," + member(BOB, true, false) + "]")));

        List<Member> owners;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            owners = carbonio.v16().members().updateRoomOwners(ROOM, List.of(new Member().userId(ADA).owner(true),
                    new Member().userId(BOB).owner(true))).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", "/rooms/" + ROOM + "/members/owners");
        JsonArray body = body(r).getAsJsonArray();
        assertEquals(2, body.size());
        assertTrue(body.get(1).getAsJsonObject().get("owner").getAsBoolean());
        assertTrue(body.get(1).getAsJsonObject().has("external"), "1.6 members carry external");
        assertEquals(2, owners.size());
        assertTrue(owners.get(1).getOwner());
    }
}
