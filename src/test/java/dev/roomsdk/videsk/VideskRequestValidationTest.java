package dev.roomsdk.videsk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.videsk.model.CreateRoomRequest;
import dev.roomsdk.videsk.model.RoomSettings;
import dev.roomsdk.videsk.model.UpdateRoomRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Arguments that break the Videsk contract fail before any request is sent (WireMock's
 * journal stays empty), with an error naming the field and the rule.
 */
class VideskRequestValidationTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    Videsk videsk;

    @BeforeEach
    void client() {
        videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("t").build();
    }

    @AfterEach
    void close() {
        videsk.close();
    }

    List<String> refused(Executable call) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
        assertEquals(0, server.requests().size(), "nothing may reach the server");
        return e.violations();
    }

    @Test
    void limitBelowOneIsRefused() {
        List<String> v = refused(() -> videsk.rooms().listRooms(0, null, null, null, null));
        assertEquals(List.of("$limit: must be at least 1, got 0"), v);
    }

    @Test
    void limitAboveHundredIsRefused() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> videsk.rooms().listRooms(101, null, null, null, null));
        assertEquals(List.of("$limit: must be at most 100, got 101"), e.violations());
        assertEquals("listRooms: invalid request: $limit: must be at most 100, got 101", e.getMessage());
        assertEquals(0, server.requests().size());
    }

    @Test
    void everyBrokenRuleIsListedAndStringValuesAreNotEchoed() {
        String secretLike = "s3cr3t-".repeat(15);
        List<String> v = refused(() -> videsk.rooms().listRooms(101, -1, null, null, secretLike));
        assertEquals(List.of("$limit: must be at most 100, got 101", "$skip: must be at least 0, got -1",
                "externalId: length must be at most 100, got 105"), v);
        assertFalse(String.join(" ", v).contains("s3cr3t"));
    }

    @Test
    void bodyFieldsAreCheckedAtEveryLevel() {
        CreateRoomRequest body = new CreateRoomRequest().name("n".repeat(501))
                .settings(new RoomSettings().maxParticipants(0));
        List<String> v = refused(() -> videsk.rooms().createRoom(body));
        assertEquals(List.of("name: length must be at most 500, got 501", "settings.maxParticipants: must be at least 1, got 0"), v);
    }

    @Test
    void updateBodyIsCheckedToo() {
        List<String> v = refused(() -> videsk.rooms().updateRoom("r1", new UpdateRoomRequest().name("x".repeat(600))));
        assertEquals(List.of("name: length must be at most 500, got 600"), v);
    }

    @Test
    void anEmptyRoomIdWouldChangeThePathAndIsRefused() {
        // "/vpaas/rooms/" would be the listing, not the room
        List<String> v = refused(() -> videsk.rooms().getRoom(""));
        assertEquals(List.of("path: a path parameter is empty, which would change the path"), v);
    }

    @Test
    void aValidCallStillGoesThrough() {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"total\":0,\"limit\":100,\"skip\":0,\"data\":[]}")));
        assertEquals(0, videsk.rooms().listRooms(100, 0, null, null, "x".repeat(100)).getTotal());
        assertEquals("100", server.onlyRequest().queryParameter("$limit").firstValue());
    }
}
