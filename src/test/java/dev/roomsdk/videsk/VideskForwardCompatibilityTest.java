package dev.roomsdk.videsk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.ForwardCompatible;
import dev.roomsdk.videsk.model.Room;
import dev.roomsdk.videsk.model.RoomsList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A newer Videsk server adds fields at every level: the typed client keeps reading the known ones. */
class VideskForwardCompatibilityTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    @Test
    @ForwardCompatible
    void unknownFieldsAtEveryLevelAreIgnored() {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"total\":1,\"limit\":10,\"skip\":0,\"nextCursor\":\"abc\",\"data\":[{"
                        + "\"id\":\"r1\",\"name\":\"n\",\"region\":{\"code\":\"eu\"},\"authorizations\":[{"
                        + "\"ip\":\"10.0.0.1\",\"jti\":\"j\",\"createdAt\":\"2024-08-14T15:00:00Z\",\"device\":\"web\"}]}]}")));

        try (Videsk videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("t").build()) {
            RoomsList page = videsk.rooms().listRooms().execute();

            assertEquals(1, page.getTotal());
            Room room = page.getData().get(0);
            assertEquals("r1", room.getId());
            assertEquals("10.0.0.1", room.getAuthorizations().get(0).getIp());
        }
    }
}
