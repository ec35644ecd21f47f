package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.zoom.ZoomWire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.ForwardCompatible;
import dev.roomsdk.zoom.model.Device;
import dev.roomsdk.zoom.model.DeviceList;
import dev.roomsdk.zoom.model.ZoomRoom;
import dev.roomsdk.zoom.model.ZoomRoomStatus;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A newer Zoom adds fields and enum values: the typed client keeps reading the known ones. */
class ZoomForwardCompatibilityTest {

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
    @ForwardCompatible
    void unknownRoomFieldsAndStatusAreTolerated() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms")).willReturn(json(200, "{\"page_size\":300,\"next_page_token\":\"\","
                + "\"total_records\":2,\"rooms\":[{\"id\":\"r1\",\"name\":\"Boardroom\",\"status\":\"Maintenance\","
                + "\"health\":{\"score\":97}},{\"id\":\"r2\",\"name\":\"Lobby\",\"status\":\"Available\"}]}")));

        List<ZoomRoom> rooms = zoom.listRooms(ZoomRoomQuery.all()).stream().collect(Collectors.toList());

        assertEquals(2, rooms.size());
        assertEquals("Boardroom", rooms.get(0).getName());
        assertEquals(ZoomRoomStatus.UNKNOWN_DEFAULT_OPEN_API, rooms.get(0).getStatus());
        assertEquals(ZoomRoomStatus.AVAILABLE, rooms.get(1).getStatus());
        assertEquals("300", server.onlyRequest().queryParameter("page_size").firstValue());
    }

    @Test
    @ForwardCompatible
    void unknownDeviceTypeAndNestedFieldsAreTolerated() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/r1/devices")).willReturn(json(200, "{\"devices\":[{\"id\":\"d1\","
                + "\"device_type\":\"Zoom Rooms Tablet\",\"status\":\"Sleeping\",\"battery\":{\"level\":80},"
                + "\"app_version\":\"6.0.0\"}],\"device_count\":1}")));

        DeviceList list = zoom.devices().listZRDevices("r1");

        Device device = list.getDevices().get(0);
        assertEquals("d1", device.getId());
        assertEquals("6.0.0", device.getAppVersion());
        assertEquals(Device.DeviceTypeEnum.UNKNOWN_DEFAULT_OPEN_API, device.getDeviceType());
        assertEquals(Device.StatusEnum.UNKNOWN_DEFAULT_OPEN_API, device.getStatus());
    }
}
