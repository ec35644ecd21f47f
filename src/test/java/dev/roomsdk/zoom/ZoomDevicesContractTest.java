package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.zoom.ZoomWire.assertNoQuery;
import static dev.roomsdk.zoom.ZoomWire.assertRequest;
import static dev.roomsdk.zoom.ZoomWire.json;
import static dev.roomsdk.zoom.ZoomWire.noContent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.zoom.model.AppVersionAction;
import dev.roomsdk.zoom.model.Device;
import dev.roomsdk.zoom.model.DeviceList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A room's devices and the app-version change (multipart form field) through {@link ZoomRooms#devices()}. */
class ZoomDevicesContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("zoom");

    static final String ROOM_ID = "49D7a0xPQvGQ2DCMZgSe7w";
    static final String DEVICE_ID = "a7b8c9d0-1234-5678-9abc-def012345678";

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
    void listZRDevicesReturnsEveryDeviceField() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/" + ROOM_ID + "/devices")).willReturn(json(200, "{\"devices\":[{"
                + "\"id\":\"" + DEVICE_ID + "\",\"room_name\":\"Boardroom 4F\",\"device_type\":\"Zoom Rooms Computer\","
                + "\"app_version\":\"5.17.5 (3456)\",\"device_system\":\"Mac OS 14.2\",\"status\":\"Online\","
                + "\"device_mac_addresses\":[\"00:1B:44:11:3A:B7\"],\"ip_address\":\"10.0.4.21\",\"serial_number\":\"C02X\"},"
                + "{\"id\":\"d-2\",\"device_type\":\"Controller\",\"status\":\"Offline\"}]}")));

        DeviceList list = zoom.devices().listZRDevices(ROOM_ID).execute();

        LoggedRequest r = server.onlyRequest();
        assertRequest(r, "GET", "/v2/rooms/" + ROOM_ID + "/devices");
        assertNoQuery(r);
        assertEquals(2, list.getDevices().size());
        Device computer = list.getDevices().get(0);
        assertEquals(DEVICE_ID, computer.getId());
        assertEquals(Device.DeviceTypeEnum.ZOOM_ROOMS_COMPUTER, computer.getDeviceType());
        assertEquals(Device.StatusEnum.ONLINE, computer.getStatus());
        assertEquals(List.of("00:1B:44:11:3A:B7"), computer.getDeviceMacAddresses());
        assertEquals(Device.StatusEnum.OFFLINE, list.getDevices().get(1).getStatus());
    }

    @Test
    void appVersionActionGoesAsAPlainTextMultipartField() {
        server.stubFor(put(urlPathEqualTo("/v2/rooms/" + ROOM_ID + "/devices/" + DEVICE_ID + "/app_version"))
                .willReturn(noContent()));

        zoom.devices().changeZoomRoomsAppVersion(ROOM_ID, DEVICE_ID, AppVersionAction.DOWNGRADE).execute();

        LoggedRequest r = server.onlyRequest();
        assertEquals("PUT", r.getMethod().getName());
        assertEquals("/v2/rooms/" + ROOM_ID + "/devices/" + DEVICE_ID + "/app_version", r.getUrl());
        assertEquals("Bearer " + ZoomWire.TOKEN, r.getHeader("Authorization"));
        assertTrue(r.getHeader("Content-Type").startsWith("multipart/form-data; boundary="), r.getHeader("Content-Type"));
        List<Request.Part> parts = new ArrayList<>(r.getParts());
        assertEquals(1, parts.size());
        Request.Part action = parts.get(0);
        assertEquals("action", action.getName());
        // the generator's default would send "\"downgrade\"" as application/json
        assertArrayEquals("downgrade".getBytes(StandardCharsets.UTF_8), action.getBody().asBytes());
        String partType = action.getHeader("Content-Type").firstValue();
        assertTrue(partType.startsWith("text/plain"), partType);
        assertTrue(!r.getBodyAsString().contains("\"downgrade\""), "no JSON quotes on the wire");
    }
}
