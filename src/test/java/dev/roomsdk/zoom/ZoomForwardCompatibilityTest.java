package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.roomsdk.zoom.ZoomWire.assertRequest;
import static dev.roomsdk.zoom.ZoomWire.json;
import static dev.roomsdk.zoom.ZoomWire.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.ForwardCompatible;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.core.json.UnknownEnumValues;
import dev.roomsdk.zoom.model.Device;
import dev.roomsdk.zoom.model.DeviceList;
import dev.roomsdk.zoom.model.ZoomRoom;
import dev.roomsdk.zoom.model.ZoomRoomBasic;
import dev.roomsdk.zoom.model.ZoomRoomProfile;
import dev.roomsdk.zoom.model.ZoomRoomStatus;
import dev.roomsdk.zoom.model.ZoomRoomType;
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

    /**
     * Stands in for the newer Zoom when the SDK writes a value only that newer contract knows:
     * the harness validates requests strictly against today's contract, which would rightly
     * refuse it, so the write-back of an unknown enum value goes here.
     */
    @RegisterExtension
    static final WireMockExtension newerZoom = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

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

        DeviceList list = zoom.devices().listZRDevices("r1").execute();

        Device device = list.getDevices().get(0);
        assertEquals("d1", device.getId());
        assertEquals("6.0.0", device.getAppVersion());
        assertEquals(Device.DeviceTypeEnum.UNKNOWN_DEFAULT_OPEN_API, device.getDeviceType());
        assertEquals(Device.StatusEnum.UNKNOWN_DEFAULT_OPEN_API, device.getStatus());
    }

    /**
     * Read-modify-write with a room type the contract does not list: the profile read from
     * the server goes back with updateRoomProfile, the body carrying the raw value as
     * received (not the SDK's placeholder, and not refused as one).
     */
    @Test
    @ForwardCompatible
    void aProfileWithAnUnknownRoomTypeIsSentBackWithTheRawValue() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/r1")).willReturn(json(200, "{\"basic\":{\"name\":\"Huddle 2\","
                + "\"zoom_room_type\":\"HuddleRoomPlus\",\"capacity\":6,\"tag_ids\":[\"t1\"]},"
                + "\"setup\":{\"under_construction\":false}}")));
        newerZoom.stubFor(patch(urlPathEqualTo("/v2/rooms/r1")).willReturn(noContent()));

        ZoomRoomProfile profile = zoom.rooms().getZRProfile("r1").execute();
        assertEquals(ZoomRoomType.UNKNOWN_DEFAULT_OPEN_API, profile.getBasic().getZoomRoomType());
        assertEquals("HuddleRoomPlus", UnknownEnumValues.rawValue(profile.getBasic(), "zoom_room_type").orElseThrow());

        profile.getBasic().setName("Huddle 2 (north)");
        try (ZoomRooms newer = ZoomRooms.builder().baseUrl(newerZoom.baseUrl() + "/v2").accessToken(ZoomWire.TOKEN)
                .httpSettings(HttpSettings.builder().retryPolicy(RetryPolicy.none()).build()).build()) {
            newer.rooms().updateRoomProfile("r1", profile).execute();
        }

        List<LoggedRequest> sent = newerZoom.getAllServeEvents().stream().map(e -> e.getRequest()).collect(Collectors.toList());
        assertEquals(1, sent.size());
        JsonObject body = assertRequest(sent.get(0), "PATCH", "/v2/rooms/r1");
        JsonObject basic = body.getAsJsonObject("basic");
        assertEquals("HuddleRoomPlus", basic.get("zoom_room_type").getAsString(), "the raw value, as received: " + body);
        assertEquals("Huddle 2 (north)", basic.get("name").getAsString());
        assertEquals(6, basic.get("capacity").getAsInt());
        assertEquals("t1", basic.getAsJsonArray("tag_ids").get(0).getAsString());
        assertFalse(body.getAsJsonObject("setup").get("under_construction").getAsBoolean());
        assertFalse(body.toString().toUpperCase(java.util.Locale.ROOT).contains("UNKNOWN_DEFAULT_OPEN_API"), body.toString());
        assertEquals(1, server.requests().size(), "only the read went to today's contract");
    }

    @Test
    void thePlaceholderSetByTheCallerIsRefusedBeforeAnyRequest() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> zoom.rooms().updateRoomProfile("r1",
                new ZoomRoomProfile().basic(new ZoomRoomBasic().zoomRoomType(ZoomRoomType.UNKNOWN_DEFAULT_OPEN_API))).execute());

        assertEquals(List.of("basic.zoom_room_type: must be one of the contract's values, got the placeholder for unknown"
                + " server values"), e.violations());
        assertTrue(e.getMessage().startsWith("updateRoomProfile (PATCH /rooms/{roomId})"), e.getMessage());
        assertEquals(0, server.requests().size());
    }
}
