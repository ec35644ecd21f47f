package dev.roomsdk.carbonio.v16;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.ADA;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.API_VERSION_HEADER;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.BOB;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.CAROL;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.GROUP_ROOM;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.ROOM;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.TOKEN;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.CarbonioGeneration;
import dev.roomsdk.carbonio.v16.model.GuestUserCreationFields;
import dev.roomsdk.carbonio.v16.model.Member;
import dev.roomsdk.carbonio.v16.model.RoomCreationFields;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.OperationVersionException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One client, two generations: a room created per generation (1.3.1 sends {@code membersIds},
 * 1.6 sends {@code members[]}), each against its own contract; operations of the generation the
 * client does not speak fail before any I/O, naming both; 1.3.1 stays the default.
 */
class CarbonioGenerationsContractTest {

    @RegisterExtension
    static final ContractServer v131 = ContractServer.forApi("carbonio");

    @RegisterExtension
    static final ContractServer v16 = ContractServer.forApi("carbonio-1.6");

    static final String HOW = "(choose with Carbonio.builder().generation(CarbonioGeneration.V1_3_1 | V1_6))";

    static final String ROOM_131 = "{\"id\":\"" + ROOM + "\",\"name\":\"Design team\",\"description\":\"Weekly design sync\","
            + "\"type\":\"group\",\"membersIds\":[\"" + ADA + "\",\"" + BOB + "\",\"" + CAROL + "\"],\"rank\":0,"
            + "\"createdAt\":\"2026-11-20T09:30:00Z\",\"updatedAt\":\"2026-11-21T16:45:12.250Z\"}";

    @Test
    void roomCreationIn131SendsMembersIds() {
        v131.stubFor(post(urlPathEqualTo(v131.path("/rooms"))).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(ROOM_131)));

        dev.roomsdk.carbonio.model.Room room;
        try (Carbonio carbonio = Carbonio.builder().baseUrl(v131.baseUrl()).authToken(TOKEN).build()) {
            assertEquals(CarbonioGeneration.V1_3_1, carbonio.generation(), "1.3.1 is the default");
            room = carbonio.rooms().insertRoom(new dev.roomsdk.carbonio.model.RoomCreationFields().name("Design team")
                    .type(dev.roomsdk.carbonio.model.RoomType.GROUP).membersIds(List.of(BOB, CAROL))).execute();
        }

        var r = v131.onlyRequest();
        assertNull(r.getHeader(API_VERSION_HEADER), "the 1.3.1 contract has no X-WSC-API-VERSION");
        JsonObject body = body(r).getAsJsonObject();
        assertEquals("[\"" + BOB + "\",\"" + CAROL + "\"]", body.getAsJsonArray("membersIds").toString());
        assertFalse(body.has("members"));
        assertEquals(List.of(ADA, BOB, CAROL), room.getMembersIds());
    }

    @Test
    void roomCreationIn16SendsMembers() {
        v16.stubFor(post(urlPathEqualTo("/rooms")).willReturn(Carbonio16Fixtures.json(201, GROUP_ROOM)));

        dev.roomsdk.carbonio.v16.model.Room room;
        try (Carbonio carbonio = Carbonio16Fixtures.client(v16.baseUrl(), null)) {
            room = carbonio.v16().rooms().insertRoom(new RoomCreationFields().name("Design team")
                    .type(dev.roomsdk.carbonio.v16.model.RoomType.GROUP)
                    .members(List.of(new Member().userId(BOB), new Member().userId(CAROL)))).execute();
        }

        var r = v16.onlyRequest();
        assertEquals("1.6.0", r.getHeader(API_VERSION_HEADER));
        JsonObject body = body(r).getAsJsonObject();
        JsonArray members = body.getAsJsonArray("members");
        assertEquals("{\"userId\":\"" + BOB + "\",\"owner\":false,\"external\":false}", members.get(0).toString());
        assertFalse(body.has("membersIds"));
        assertEquals(3, room.getMembers().size());
    }

    @Test
    void a16ClientRefuses131OperationsBeforeAnyIo() {
        try (Carbonio carbonio = Carbonio16Fixtures.client(v16.baseUrl(), null)) {
            OperationVersionException e = assertThrows(OperationVersionException.class,
                    () -> carbonio.rooms().listRoom().execute());
            assertEquals("listRoom (GET /rooms): invalid request: listRoom exists in Carbonio 1.3.1; this client speaks "
                    + "Carbonio 1.6 " + HOW, e.getMessage());
            assertEquals("listRoom", e.operationId());
            assertEquals("1.3.1", e.operationVersion());
            assertEquals("1.6", e.clientVersion());
            assertInstanceOf(InvalidRequestException.class, e);
            // shared operations go through the generation's own classes
            assertThrows(OperationVersionException.class, () -> carbonio.rooms().getRoom(ROOM).execute());
            assertThrows(OperationVersionException.class, () -> carbonio.users().getUserPicture(ADA).execute());
            CompletionException async = assertThrows(CompletionException.class,
                    () -> carbonio.rooms().getRoom(ROOM).executeAsync().join());
            assertInstanceOf(OperationVersionException.class, async.getCause());
            OperationVersionException listing = assertThrows(OperationVersionException.class,
                    () -> carbonio.listAttachments(ROOM));
            assertTrue(listing.getMessage().contains("this client speaks Carbonio 1.6"), listing.getMessage());
            assertThrows(OperationVersionException.class, carbonio::capabilities);
        }
        assertTrue(v16.requests().isEmpty());
    }

    @Test
    void a131ClientRefuses16OperationsBeforeAnyIo() {
        try (Carbonio carbonio = Carbonio.builder().baseUrl(v131.baseUrl()).authToken(TOKEN).build()) {
            assertNull(carbonio.v16().apiVersion());
            OperationVersionException e = assertThrows(OperationVersionException.class,
                    () -> carbonio.v16().guests().createGuestUser(new GuestUserCreationFields().name("Grace")).execute());
            assertEquals("createGuestUser (POST /guests): invalid request: createGuestUser exists in Carbonio 1.6; this client "
                    + "speaks Carbonio 1.3.1 " + HOW, e.getMessage());
            assertThrows(OperationVersionException.class, () -> carbonio.v16().rooms().listRooms().execute());
            assertThrows(OperationVersionException.class, () -> carbonio.v16().authService().createGuestUserLegacy("G").execute());
            assertThrows(OperationVersionException.class, () -> carbonio.v16().listAttachments(ROOM));
            // the mismatch is reported before any argument check
            assertThrows(OperationVersionException.class, () -> carbonio.v16().rooms().getRoom(null).execute());
        }
        assertTrue(v131.requests().isEmpty());
    }

    @Test
    void derivedClientsKeepTheGenerationAndTheApiVersion() {
        v16.stubFor(get(urlPathEqualTo("/rooms/" + ROOM)).willReturn(Carbonio16Fixtures.json(200, GROUP_ROOM)));

        try (Carbonio carbonio = Carbonio.builder().generation(CarbonioGeneration.V1_6).baseUrl(v16.baseUrl()).authToken(TOKEN)
                .apiVersion("1.6.3").build()) {
            Carbonio derived = carbonio.withOptions(dev.roomsdk.core.http.RequestOptions.builder().build());
            assertEquals(CarbonioGeneration.V1_6, derived.generation());
            derived.v16().rooms().getRoom(ROOM).execute();
            assertThrows(OperationVersionException.class, () -> derived.rooms().getRoom(ROOM).execute());
        }

        assertEquals("1.6.3", v16.onlyRequest().getHeader(API_VERSION_HEADER));
    }
}
