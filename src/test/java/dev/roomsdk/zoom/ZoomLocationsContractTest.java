package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.zoom.ZoomWire.assertNoQuery;
import static dev.roomsdk.zoom.ZoomWire.assertRequest;
import static dev.roomsdk.zoom.ZoomWire.json;
import static dev.roomsdk.zoom.ZoomWire.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.zoom.model.AddLocationRequest;
import dev.roomsdk.zoom.model.ChangeParentLocationRequest;
import dev.roomsdk.zoom.model.Location;
import dev.roomsdk.zoom.model.LocationList;
import dev.roomsdk.zoom.model.LocationProfile;
import dev.roomsdk.zoom.model.LocationProfileBasic;
import dev.roomsdk.zoom.model.LocationStructure;
import dev.roomsdk.zoom.model.LocationType;
import dev.roomsdk.zoom.model.ZoomRoomSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The location hierarchy through {@link ZoomRooms#locations()}. */
class ZoomLocationsContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("zoom");

    static final String LOCATION_ID = "rXBjthKVQV2mTqnN5pYhxA";

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
    void listZRLocationsSendsFiltersAndReturnsThePage() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/locations")).willReturn(json(200, "{\"page_size\":10,"
                + "\"next_page_token\":\"tok-b\",\"locations\":[{\"id\":\"b-1\",\"name\":\"Building A\","
                + "\"parent_location_id\":\"" + LOCATION_ID + "\",\"type\":\"building\"}]}")));

        LocationList page = zoom.locations().listZRLocations().parentLocationId(LOCATION_ID).type("building").pageSize(10)
                .nextPageToken("tok-a").execute();

        LoggedRequest r = server.onlyRequest();
        assertRequest(r, "GET", "/v2/rooms/locations");
        assertEquals(LOCATION_ID, r.queryParameter("parent_location_id").firstValue());
        assertEquals("building", r.queryParameter("type").firstValue());
        assertEquals("10", r.queryParameter("page_size").firstValue());
        assertEquals("tok-a", r.queryParameter("next_page_token").firstValue());
        assertEquals("tok-b", page.getNextPageToken());
        Location building = page.getLocations().get(0);
        assertEquals(LocationType.BUILDING, building.getType());
        assertEquals(LOCATION_ID, building.getParentLocationId());
    }

    @Test
    void addAZRLocationPostsNameAndParent() {
        server.stubFor(post(urlPathEqualTo("/v2/rooms/locations")).willReturn(json(200, "{\"id\":\"b-2\","
                + "\"name\":\"Building B\",\"parent_location_id\":\"" + LOCATION_ID + "\",\"type\":\"building\"}")));

        Location added = zoom.locations().addAZRLocation(new AddLocationRequest().name("Building B")
                .parentLocationId(LOCATION_ID)).execute();

        JsonObject body = assertRequest(server.onlyRequest(), "POST", "/v2/rooms/locations");
        assertEquals("Building B", body.get("name").getAsString());
        assertEquals(LOCATION_ID, body.get("parent_location_id").getAsString());
        assertEquals("b-2", added.getId());
        assertEquals(LocationType.BUILDING, added.getType());
    }

    @Test
    void getZRLocationProfileReturnsBasicAndSetup() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/locations/" + LOCATION_ID)).willReturn(json(200, "{\"basic\":{"
                + "\"name\":\"Building A\",\"description\":\"Main campus building\",\"timezone\":\"Europe/Rome\","
                + "\"support_email\":\"facilities@example.com\",\"required_code_to_ext\":false},"
                + "\"setup\":{\"apply_background_image_to_all_displays\":true}}")));

        LocationProfile profile = zoom.locations().getZRLocationProfile(LOCATION_ID).execute();

        LoggedRequest r = server.onlyRequest();
        assertRequest(r, "GET", "/v2/rooms/locations/" + LOCATION_ID);
        assertNoQuery(r);
        assertEquals("Europe/Rome", profile.getBasic().getTimezone());
        assertEquals("facilities@example.com", profile.getBasic().getSupportEmail());
        assertTrue(profile.getSetup().getApplyBackgroundImageToAllDisplays());
    }

    @Test
    void updateZRLocationProfileSendsTheChange() {
        server.stubFor(patch(urlPathEqualTo("/v2/rooms/locations/" + LOCATION_ID)).willReturn(noContent()));

        zoom.locations().updateZRLocationProfile(LOCATION_ID, new LocationProfile()
                .basic(new LocationProfileBasic().name("Building A (north)").roomPasscode("2468"))).execute();

        JsonObject body = assertRequest(server.onlyRequest(), "PATCH", "/v2/rooms/locations/" + LOCATION_ID);
        assertEquals("Building A (north)", body.getAsJsonObject("basic").get("name").getAsString());
        assertEquals("2468", body.getAsJsonObject("basic").get("room_passcode").getAsString());
        assertFalse(body.has("setup"));
    }

    @Test
    void getZRLocationSettingsSendsTheSettingType() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/locations/" + LOCATION_ID + "/settings")).willReturn(json(200,
                "{\"client_alert\":{\"detect_microphone_error_alert\":true},\"notification\":{\"low_battery\":true}}")));

        ZoomRoomSettings settings = zoom.locations().getZRLocationSettings(LOCATION_ID, "alert").execute();

        LoggedRequest r = server.onlyRequest();
        assertRequest(r, "GET", "/v2/rooms/locations/" + LOCATION_ID + "/settings");
        assertEquals("alert", r.queryParameter("setting_type").firstValue());
        assertEquals(Boolean.TRUE, settings.getClientAlert().get("detect_microphone_error_alert"));
        assertEquals(Boolean.TRUE, settings.getNotification().get("low_battery"));
        assertNull(settings.getZoomRooms());
    }

    @Test
    void updateZRLocationSettingsSendsTypeAndBody() {
        server.stubFor(patch(urlPathEqualTo("/v2/rooms/locations/" + LOCATION_ID + "/settings")).willReturn(noContent()));

        zoom.locations().updateZRLocationSettings(LOCATION_ID, "alert",
                new ZoomRoomSettings().notification(Map.of("low_battery", false))).execute();

        LoggedRequest r = server.onlyRequest();
        JsonObject body = assertRequest(r, "PATCH", "/v2/rooms/locations/" + LOCATION_ID + "/settings");
        assertEquals("alert", r.queryParameter("setting_type").firstValue());
        assertFalse(body.getAsJsonObject("notification").get("low_battery").getAsBoolean());
    }

    @Test
    void getZRLocationStructureReturnsTheLevels() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/locations/structure")).willReturn(json(200,
                "{\"structures\":[\"country\",\"states\",\"city\",\"campus\",\"building\",\"floor\"]}")));

        LocationStructure structure = zoom.locations().getZRLocationStructure().execute();

        assertRequest(server.onlyRequest(), "GET", "/v2/rooms/locations/structure");
        assertEquals(List.of(LocationType.COUNTRY, LocationType.STATES, LocationType.CITY, LocationType.CAMPUS,
                LocationType.BUILDING, LocationType.FLOOR), structure.getStructures());
    }

    @Test
    void updateZoomRoomsLocationStructureSendsTheLevels() {
        server.stubFor(put(urlPathEqualTo("/v2/rooms/locations/structure")).willReturn(noContent()));

        zoom.locations().updateZoomRoomsLocationStructure(new LocationStructure()
                .structures(List.of(LocationType.COUNTRY, LocationType.CITY, LocationType.BUILDING))).execute();

        JsonObject body = assertRequest(server.onlyRequest(), "PUT", "/v2/rooms/locations/structure");
        assertEquals("[\"country\",\"city\",\"building\"]", body.getAsJsonArray("structures").toString());
    }

    @Test
    void changeParentLocationPutsTheNewParent() {
        server.stubFor(put(urlPathEqualTo("/v2/rooms/locations/b-1/location")).willReturn(noContent()));

        zoom.locations().changeParentLocation("b-1", new ChangeParentLocationRequest().parentLocationId(LOCATION_ID)).execute();

        JsonObject body = assertRequest(server.onlyRequest(), "PUT", "/v2/rooms/locations/b-1/location");
        assertEquals(LOCATION_ID, body.get("parent_location_id").getAsString());
    }

    @Test
    void unknownLocationIsNotFound() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/locations/missing")).willReturn(json(404,
                "{\"code\":404,\"message\":\"Location does not exist.\"}")));

        NotFoundException e = assertThrows(NotFoundException.class, () -> zoom.locations().getZRLocationProfile("missing").execute());

        assertEquals(404, e.statusCode());
        assertEquals("Location does not exist.", e.vendorError().orElseThrow().message().orElseThrow());
    }
}
