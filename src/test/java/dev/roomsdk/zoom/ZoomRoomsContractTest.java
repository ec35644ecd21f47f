package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.operation.ApiResponse;
import dev.roomsdk.zoom.model.AddRoomRequest;
import dev.roomsdk.zoom.model.AddedRoom;
import dev.roomsdk.zoom.model.ChangeRoomLocationRequest;
import dev.roomsdk.zoom.model.RoomEvent;
import dev.roomsdk.zoom.model.ZoomRoomBasic;
import dev.roomsdk.zoom.model.ZoomRoomList;
import dev.roomsdk.zoom.model.ZoomRoomProfile;
import dev.roomsdk.zoom.model.ZoomRoomSettings;
import dev.roomsdk.zoom.model.ZoomRoomSetup;
import dev.roomsdk.zoom.model.ZoomRoomStatus;
import dev.roomsdk.zoom.model.ZoomRoomType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Zoom Rooms operations (the Rooms group) through {@link ZoomRooms#rooms()}: the wire request and the typed result. */
class ZoomRoomsContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("zoom");

    static final String ROOM_ID = "49D7a0xPQvGQ2DCMZgSe7w";
    static final String TRACKING = "v=2.0;clid=us06;rid=WEB_7c1d";

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
    void listZoomRoomsSendsEveryFilterAndReturnsThePage() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms")).willReturn(json(200, "{\"page_size\":30,"
                + "\"next_page_token\":\"tok-2\",\"rooms\":[{\"id\":\"" + ROOM_ID + "\",\"room_id\":\"qMOL\","
                + "\"name\":\"Boardroom 4F\",\"activation_code\":\"123456\",\"status\":\"InMeeting\","
                + "\"location_id\":\"loc-1\",\"tag_ids\":[\"tag-1\",\"tag-2\"]}]}")));

        ZoomRoomList page = zoom.rooms().listZoomRooms().status(ZoomRoomStatus.IN_MEETING).tagIds("tag-1,tag-2")
                .type(ZoomRoomType.ZOOM_ROOM).unassignedRooms(true).pageSize(30).nextPageToken("tok-1")
                .locationId("loc-1").queryName("Board").execute();

        LoggedRequest r = server.onlyRequest();
        assertRequest(r, "GET", "/v2/rooms");
        assertEquals("InMeeting", r.queryParameter("status").firstValue());
        assertEquals("tag-1,tag-2", r.queryParameter("tag_ids").firstValue());
        assertEquals("ZoomRoom", r.queryParameter("type").firstValue());
        assertEquals("true", r.queryParameter("unassigned_rooms").firstValue());
        assertEquals("30", r.queryParameter("page_size").firstValue());
        assertEquals("tok-1", r.queryParameter("next_page_token").firstValue());
        assertEquals("loc-1", r.queryParameter("location_id").firstValue());
        assertEquals("Board", r.queryParameter("query_name").firstValue());
        assertEquals("tok-2", page.getNextPageToken());
        assertEquals(30, page.getPageSize());
        assertEquals(ROOM_ID, page.getRooms().get(0).getId());
        assertEquals(ZoomRoomStatus.IN_MEETING, page.getRooms().get(0).getStatus());
        assertEquals(List.of("tag-1", "tag-2"), page.getRooms().get(0).getTagIds());
    }

    @Test
    void addARoomSendsRequiredFieldsAndReturnsTheRoom() {
        server.stubFor(post(urlPathEqualTo("/v2/rooms")).willReturn(json(201, "{\"id\":\"" + ROOM_ID + "\","
                + "\"room_id\":\"qMOL\",\"name\":\"Boardroom 4F\",\"type\":\"ZoomRoom\",\"location_id\":\"loc-1\","
                + "\"tags\":[{\"tag_id\":\"tag-1\",\"tag_name\":\"Executive\"}]}")));

        AddedRoom room = zoom.rooms().addARoom(new AddRoomRequest().name("Boardroom 4F").type(ZoomRoomType.ZOOM_ROOM)
                .locationId("loc-1").tagIds(List.of("tag-1"))).execute();

        LoggedRequest r = server.onlyRequest();
        JsonObject body = assertRequest(r, "POST", "/v2/rooms");
        assertEquals("Boardroom 4F", body.get("name").getAsString());
        assertEquals("ZoomRoom", body.get("type").getAsString());
        assertEquals("loc-1", body.get("location_id").getAsString());
        assertEquals("tag-1", body.getAsJsonArray("tag_ids").get(0).getAsString());
        assertNull(body.get("user_id"), "unset fields are not sent");
        assertEquals(ROOM_ID, room.getId());
        assertEquals(ZoomRoomType.ZOOM_ROOM, room.getType());
        assertEquals("Executive", room.getTags().get(0).getTagName());
    }

    @Test
    void getZRProfileCanRegenerateTheActivationCode() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/" + ROOM_ID)).willReturn(json(200, "{\"basic\":{"
                + "\"name\":\"Boardroom 4F\",\"activation_code\":\"654321\",\"display_name\":\"Boardroom\","
                + "\"zoom_room_type\":\"ZoomRoom\",\"capacity\":12,\"support_email\":\"help@example.com\"},"
                + "\"device\":{\"device_profile_id\":\"dp-1\"},\"setup\":{\"under_construction\":false,\"pro_device\":true}}")));

        ZoomRoomProfile profile = zoom.rooms().getZRProfile(ROOM_ID).regenerateActivationCode(true).execute();

        LoggedRequest r = server.onlyRequest();
        assertRequest(r, "GET", "/v2/rooms/" + ROOM_ID);
        assertEquals("true", r.queryParameter("regenerate_activation_code").firstValue());
        assertEquals("654321", profile.getBasic().getActivationCode());
        assertEquals(0, new BigDecimal("12").compareTo(profile.getBasic().getCapacity()));
        assertEquals(ZoomRoomType.ZOOM_ROOM, profile.getBasic().getZoomRoomType());
        assertEquals("dp-1", profile.getDevice().getDeviceProfileId());
        assertTrue(profile.getSetup().getProDevice());
    }

    @Test
    void updateRoomProfileSendsOnlyTheChangedFields() {
        server.stubFor(patch(urlPathEqualTo("/v2/rooms/" + ROOM_ID)).willReturn(noContent()));

        zoom.rooms().updateRoomProfile(ROOM_ID, new ZoomRoomProfile()
                .basic(new ZoomRoomBasic().name("Boardroom 4F (renovated)").capacity(new BigDecimal(14)))
                .setup(new ZoomRoomSetup().underConstruction(true))).execute();

        JsonObject body = assertRequest(server.onlyRequest(), "PATCH", "/v2/rooms/" + ROOM_ID);
        assertEquals("Boardroom 4F (renovated)", body.getAsJsonObject("basic").get("name").getAsString());
        assertEquals(14, body.getAsJsonObject("basic").get("capacity").getAsInt());
        assertTrue(body.getAsJsonObject("setup").get("under_construction").getAsBoolean());
        assertFalse(body.has("device"));
        assertFalse(body.getAsJsonObject("basic").has("activation_code"));
    }

    @Test
    void deleteAZoomRoomEncodesTheId() {
        server.stubFor(delete(urlPathEqualTo("/v2/rooms/room%201")).willReturn(noContent()));

        zoom.rooms().deleteAZoomRoom("room 1").execute();

        LoggedRequest r = server.onlyRequest();
        assertNull(assertRequest(r, "DELETE", "/v2/rooms/room%201"));
        assertNoQuery(r);
    }

    @Test
    void getZRSettingsSendsTheSettingType() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/" + ROOM_ID + "/settings")).willReturn(json(200,
                "{\"zoom_rooms\":{\"auto_start_stop_scheduled_meetings\":true,\"hide_id_for_private_meeting\":false}}")));

        ZoomRoomSettings settings = zoom.rooms().getZRSettings(ROOM_ID, "meeting").execute();

        LoggedRequest r = server.onlyRequest();
        assertRequest(r, "GET", "/v2/rooms/" + ROOM_ID + "/settings");
        assertEquals("meeting", r.queryParameter("setting_type").firstValue());
        assertEquals(Boolean.TRUE, settings.getZoomRooms().get("auto_start_stop_scheduled_meetings"));
        assertEquals(Boolean.FALSE, settings.getZoomRooms().get("hide_id_for_private_meeting"));
    }

    @Test
    void updateZRSettingsSendsTheSettingsObject() {
        server.stubFor(patch(urlPathEqualTo("/v2/rooms/" + ROOM_ID + "/settings")).willReturn(noContent()));

        zoom.rooms().updateZRSettings(ROOM_ID, new ZoomRoomSettings()
                .clientAlert(Map.of("detect_microphone_error_alert", true))).settingType("alert").execute();

        LoggedRequest r = server.onlyRequest();
        JsonObject body = assertRequest(r, "PATCH", "/v2/rooms/" + ROOM_ID + "/settings");
        assertEquals("alert", r.queryParameter("setting_type").firstValue());
        assertTrue(body.getAsJsonObject("client_alert").get("detect_microphone_error_alert").getAsBoolean());
        assertEquals(1, body.size(), "only the group that was set: " + body);
    }

    @Test
    void changeZRLocationPutsTheNewLocation() {
        server.stubFor(put(urlPathEqualTo("/v2/rooms/" + ROOM_ID + "/location")).willReturn(noContent()));

        zoom.rooms().changeZRLocation(ROOM_ID, new ChangeRoomLocationRequest().locationId("loc-9")).execute();

        JsonObject body = assertRequest(server.onlyRequest(), "PUT", "/v2/rooms/" + ROOM_ID + "/location");
        assertEquals("loc-9", body.get("location_id").getAsString());
        assertEquals(1, body.size());
    }

    @Test
    void zoomRoomsControlsSendsTheEventAndAcceptsTheAnswer() {
        server.stubFor(patch(urlPathEqualTo("/v2/rooms/" + ROOM_ID + "/events")).willReturn(aResponse().withStatus(202)));

        zoom.rooms().zoomRoomsControls(ROOM_ID, new RoomEvent().method("zoomroom.meeting_leave")).execute();

        JsonObject body = assertRequest(server.onlyRequest(), "PATCH", "/v2/rooms/" + ROOM_ID + "/events");
        assertEquals("zoomroom.meeting_leave", body.get("method").getAsString());
        assertFalse(body.has("params"));
    }

    @Test
    void executeWithResponseExposesStatusAndHeadersButPrintsNoHeaderValue() {
        String cookie = "zm-session-value-31f7";
        server.stubFor(get(urlPathEqualTo("/v2/rooms/" + ROOM_ID)).willReturn(json(200,
                "{\"basic\":{\"name\":\"Boardroom 4F\",\"display_name\":\"Boardroom\"}}")
                .withHeader("x-zm-trackingid", TRACKING).withHeader("Set-Cookie", "zm_aid=" + cookie + "; Path=/")));

        ApiResponse<ZoomRoomProfile> response = zoom.rooms().getZRProfile(ROOM_ID).executeWithResponse();

        LoggedRequest r = server.onlyRequest();
        assertRequest(r, "GET", "/v2/rooms/" + ROOM_ID);
        assertNoQuery(r);
        assertEquals(200, response.status());
        assertEquals(TRACKING, response.header("x-zm-trackingid"));
        assertEquals(TRACKING, response.header("X-Zm-TrackingId"), "header names in any case");
        assertEquals(List.of(TRACKING), response.headers().get("x-zm-trackingid"), "names in lower case");
        assertTrue(response.header("Content-Type").startsWith("application/json"));
        assertNull(response.header("x-not-sent"));
        assertEquals("Boardroom 4F", response.value().getBasic().getName());
        String printed = response.toString();
        assertTrue(printed.contains("200") && printed.contains("x-zm-trackingid") && printed.contains("set-cookie"), printed);
        assertFalse(printed.contains(TRACKING) || printed.contains(cookie) || printed.contains("application/json"),
                "no header value in toString(): " + printed);
    }

    @Test
    void executeWithResponseOfAnOperationWithoutBodyHasTheStatusAndNoValue() throws Exception {
        server.stubFor(patch(urlPathEqualTo("/v2/rooms/" + ROOM_ID)).willReturn(noContent()
                .withHeader("x-zm-trackingid", TRACKING)));

        ApiResponse<Void> response = zoom.rooms().updateRoomProfile(ROOM_ID, new ZoomRoomProfile()
                .basic(new ZoomRoomBasic().displayName("Boardroom"))).executeWithResponseAsync().get(10, TimeUnit.SECONDS);

        JsonObject body = assertRequest(server.onlyRequest(), "PATCH", "/v2/rooms/" + ROOM_ID);
        assertEquals("Boardroom", body.getAsJsonObject("basic").get("display_name").getAsString());
        assertEquals(204, response.status());
        assertEquals(TRACKING, response.header("x-zm-trackingid"));
        assertNull(response.value());
        assertFalse(response.toString().contains(TRACKING), response.toString());
    }
}
