package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.zoom.ZoomWire.assertRequest;
import static dev.roomsdk.zoom.ZoomWire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.PermissionDeniedException;
import dev.roomsdk.zoom.model.RoomEvent;
import dev.roomsdk.zoom.model.SignageContentList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Digital signage contents and E911 signage through {@link ZoomRooms#signage()}. */
class ZoomSignageContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("zoom");

    ZoomRooms zoom;

    @BeforeEach
    void client() {
        zoom = ZoomWire.client(server);
    }

    @AfterEach
    void close() {
        zoom.close();
    }

    @Test
    void listDigitalSignageContentSendsFiltersAndReturnsThePage() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/digital_signage")).willReturn(json(200, "{\"page_size\":50,"
                + "\"next_page_token\":\"\",\"contents\":[{\"id\":\"c-1\",\"name\":\"Lobby welcome loop\"}]}")));

        SignageContentList page = zoom.signage().listDigitalSignageContent().type("content").folderId("folder-7").pageSize(50)
                .execute();

        LoggedRequest r = server.onlyRequest();
        assertRequest(r, "GET", "/v2/rooms/digital_signage");
        assertEquals("content", r.queryParameter("type").firstValue());
        assertEquals("folder-7", r.queryParameter("folder_id").firstValue());
        assertEquals("50", r.queryParameter("page_size").firstValue());
        assertEquals(false, r.queryParameter("next_page_token").isPresent());
        assertEquals("", page.getNextPageToken());
        assertEquals("Lobby welcome loop", page.getContents().get(0).getName());
    }

    @Test
    void manageE911signageSendsTheEvent() {
        server.stubFor(patch(urlPathEqualTo("/v2/rooms/events")).willReturn(aResponse().withStatus(202)));

        zoom.signage().manageE911signage(new RoomEvent().method("zoomroom.emergency_alert_displayed")
                .putParamsItem("content_id", "c-1").putParamsItem("target_ids", List.of("room-1", "room-2"))).execute();

        JsonObject body = assertRequest(server.onlyRequest(), "PATCH", "/v2/rooms/events");
        assertEquals("zoomroom.emergency_alert_displayed", body.get("method").getAsString());
        assertEquals("c-1", body.getAsJsonObject("params").get("content_id").getAsString());
        assertEquals(2, body.getAsJsonObject("params").getAsJsonArray("target_ids").size());
    }

    @Test
    void manageE911signageWithoutPermissionIsForbidden() {
        server.stubFor(patch(urlPathEqualTo("/v2/rooms/events")).willReturn(json(403,
                "{\"code\":403,\"message\":\"You do not have permission to manage E911 signage.\"}")
                .withHeader("x-zm-trackingid", "v=2.0;clid=us06;rid=WEB_e911")));

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> zoom.signage().manageE911signage(new RoomEvent().method("zoomroom.emergency_alert_removed")).execute());

        assertEquals(403, e.statusCode());
        assertEquals("403", e.vendorError().orElseThrow().code().orElseThrow());
        assertEquals("v=2.0;clid=us06;rid=WEB_e911", e.requestId().orElseThrow());
        assertEquals("PATCH /v2/rooms/events", e.operation());
    }
}
