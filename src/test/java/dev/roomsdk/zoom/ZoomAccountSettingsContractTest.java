package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
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
import dev.roomsdk.zoom.model.AccountProfile;
import dev.roomsdk.zoom.model.AccountProfileBasic;
import dev.roomsdk.zoom.model.AccountSettingType;
import dev.roomsdk.zoom.model.ZoomRoomSettings;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Account-wide Zoom Rooms profile and settings, and deleting account virtual backgrounds. */
class ZoomAccountSettingsContractTest {

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
    void getZRAccountProfileReturnsBasicAndSetup() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/account_profile")).willReturn(json(200, "{\"basic\":{"
                + "\"support_email\":\"rooms-support@example.com\",\"support_phone\":\"+1 555 0100\","
                + "\"room_passcode\":\"2468\",\"required_code_to_ext\":true},"
                + "\"setup\":{\"apply_background_image_to_all_displays\":false}}")));

        AccountProfile profile = zoom.account().getZRAccountProfile().execute();

        LoggedRequest r = server.onlyRequest();
        assertRequest(r, "GET", "/v2/rooms/account_profile");
        assertNoQuery(r);
        assertEquals("rooms-support@example.com", profile.getBasic().getSupportEmail());
        assertTrue(profile.getBasic().getRequiredCodeToExt());
        assertFalse(profile.getSetup().getApplyBackgroundImageToAllDisplays());
    }

    @Test
    void updateZRAccProfileSendsTheChange() {
        server.stubFor(patch(urlPathEqualTo("/v2/rooms/account_profile")).willReturn(noContent()));

        zoom.account().updateZRAccProfile(new AccountProfile()
                .basic(new AccountProfileBasic().supportPhone("+1 555 0199"))).execute();

        JsonObject body = assertRequest(server.onlyRequest(), "PATCH", "/v2/rooms/account_profile");
        assertEquals("+1 555 0199", body.getAsJsonObject("basic").get("support_phone").getAsString());
        assertEquals(1, body.getAsJsonObject("basic").size());
    }

    @Test
    void getZRAccountSettingsSendsTheTypedSettingType() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/account_settings")).willReturn(json(200,
                "{\"digital_signage\":{\"enable_digital_signage\":true}}")));

        ZoomRoomSettings settings = zoom.account().getZRAccountSettings(AccountSettingType.SIGNAGE).execute();

        LoggedRequest r = server.onlyRequest();
        assertRequest(r, "GET", "/v2/rooms/account_settings");
        assertEquals("signage", r.queryParameter("setting_type").firstValue());
        assertEquals(Boolean.TRUE, settings.getDigitalSignage().get("enable_digital_signage"));
    }

    @Test
    void updateZoomRoomAccSettingsSendsTypeAndBody() {
        server.stubFor(patch(urlPathEqualTo("/v2/rooms/account_settings")).willReturn(noContent()));

        zoom.account().updateZoomRoomAccSettings("meeting",
                new ZoomRoomSettings().zoomRooms(Map.of("auto_start_stop_scheduled_meetings", true))).execute();

        LoggedRequest r = server.onlyRequest();
        JsonObject body = assertRequest(r, "PATCH", "/v2/rooms/account_settings");
        assertEquals("meeting", r.queryParameter("setting_type").firstValue());
        assertTrue(body.getAsJsonObject("zoom_rooms").get("auto_start_stop_scheduled_meetings").getAsBoolean());
    }

    @Test
    void delVBSendsTheFileIds() {
        server.stubFor(delete(urlPathEqualTo("/v2/accounts/me/settings/virtual_backgrounds")).willReturn(noContent()));

        zoom.virtualBackgrounds().delVB("me").fileIds("_Tcj7354w6eHw,_Ucj8465x7fIx").execute();

        LoggedRequest r = server.onlyRequest();
        assertNull(assertRequest(r, "DELETE", "/v2/accounts/me/settings/virtual_backgrounds"));
        assertEquals("_Tcj7354w6eHw,_Ucj8465x7fIx", r.queryParameter("file_ids").firstValue());
    }
}
