package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.zoom.ZoomWire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.BadRequestException;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.error.RateLimitException;
import dev.roomsdk.core.error.RoomSdkServiceException;
import dev.roomsdk.core.error.VendorError;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.zoom.model.AddRoomRequest;
import dev.roomsdk.zoom.model.AppVersionAction;
import dev.roomsdk.zoom.model.ZoomRoomType;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Zoom's error answers become typed exceptions with status, body, parsed {code, message} and tracking id. */
class ZoomErrorMappingTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("zoom");

    static final String TRACKING = "v=2.0;clid=us06;rid=WEB_9f2c";

    ZoomRooms zoom;

    @BeforeEach
    void client() {
        zoom = ZoomWire.client(server);
    }

    @AfterEach
    void close() {
        zoom.close();
    }

    static void assertZoomError(RoomSdkServiceException e, int status, String code, String message) {
        assertEquals(status, e.statusCode());
        VendorError error = e.vendorError().orElseThrow();
        assertEquals(code, error.code().orElseThrow());
        assertEquals(message, error.message().orElseThrow());
        assertTrue(e.body().contains("\"code\":" + code), e.body());
        assertEquals(TRACKING, e.requestId().orElseThrow());
        assertTrue(e.getMessage().contains("code " + code) && e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains(TRACKING), e.getMessage());
        assertFalse(e.getMessage().contains(ZoomWire.TOKEN) || e.headers().containsKey("authorization"));
    }

    @Test
    void appVersionAlreadyUpToDateIsBadRequest8001() {
        String message = "Cannot process this upgrade request. The Zoom Rooms Software in this device is either"
                + " already up to date or is currently being updated.";
        server.stubFor(put(urlPathEqualTo("/v2/rooms/r1/devices/d1/app_version")).willReturn(json(400,
                "{\"code\":8001,\"message\":\"" + message + "\"}").withHeader("x-zm-trackingid", TRACKING)));

        BadRequestException e = assertThrows(BadRequestException.class,
                () -> zoom.devices().changeZoomRoomsAppVersion("r1", "d1", AppVersionAction.UPGRADE).execute());

        assertZoomError(e, 400, "8001", message);
        assertEquals("PUT /v2/rooms/r1/devices/d1/app_version", e.operation());
    }

    @Test
    void virtualBackgroundRefusedByZoomIsBadRequest120() {
        server.stubFor(post(urlPathEqualTo("/v2/accounts/me/settings/virtual_backgrounds")).willReturn(json(400,
                "{\"code\":120,\"message\":\"A maximum of 10 files are allowed for a user.\"}")
                .withHeader("x-zm-trackingid", TRACKING)));

        BadRequestException e = assertThrows(BadRequestException.class, () -> zoom.uploadVirtualBackground("me",
                TransferBody.of(new byte[] {1, 2, 3}, "beach.png", "image/png")));

        assertZoomError(e, 400, "120", "A maximum of 10 files are allowed for a user.");
        assertEquals(1, server.requests().size());
    }

    @Test
    void validationFailureCarriesCode300() {
        server.stubFor(post(urlPathEqualTo("/v2/rooms")).willReturn(json(400, "{\"code\":300,"
                + "\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"name\",\"message\":\"Invalid field.\"}]}")
                .withHeader("x-zm-trackingid", TRACKING)));

        BadRequestException e = assertThrows(BadRequestException.class,
                () -> zoom.rooms().addARoom(new AddRoomRequest().name("x").type(ZoomRoomType.KIOSK)).execute());

        assertZoomError(e, 400, "300", "Validation Failed.");
        assertTrue(e.body().contains("\"field\":\"name\""));
    }

    @Test
    void unknownAccountIsNotFound2001() {
        String message = "This account does not exist or does not belong to you: abc123.";
        server.stubFor(delete(urlPathEqualTo("/v2/accounts/abc123/settings/virtual_backgrounds")).willReturn(json(404,
                "{\"code\":2001,\"message\":\"" + message + "\"}").withHeader("x-zm-trackingid", TRACKING)));

        NotFoundException e = assertThrows(NotFoundException.class, () -> zoom.virtualBackgrounds().delVB("abc123").fileIds("f1").execute());

        assertZoomError(e, 404, "2001", message);
    }

    @Test
    void perSecondRateLimitCarriesZoomHeaders() {
        String message = "You have reached the maximum per-second rate limit for this API. Try again later.";
        server.stubFor(get(urlPathEqualTo("/v2/rooms")).willReturn(json(429, "{\"code\":429,\"message\":\"" + message + "\"}")
                .withHeader("X-RateLimit-Category", "Medium").withHeader("X-RateLimit-Type", "QPS")
                .withHeader("X-RateLimit-Limit", "20").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("x-zm-trackingid", TRACKING)));

        RateLimitException e = assertThrows(RateLimitException.class,
                () -> zoom.rooms().listZoomRooms().execute());

        assertZoomError(e, 429, "429", message);
        assertEquals("QPS", e.limitType().orElseThrow());
        assertFalse(e.isDailyLimit());
        assertEquals("Medium", e.header("X-RateLimit-Category").orElseThrow());
        assertEquals("0", e.header("x-ratelimit-remaining").orElseThrow());
        assertTrue(e.retryAt().isEmpty());
        assertEquals(1, server.requests().size());
    }

    @Test
    void dailyRateLimitSaysWhenItResets() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/r1/devices")).willReturn(json(429,
                "{\"code\":429,\"message\":\"You have reached the maximum daily rate limit for this API.\"}")
                .withHeader("X-RateLimit-Category", "Light").withHeader("X-RateLimit-Type", "Daily-limit")
                .withHeader("Retry-After", "2026-11-24T00:00:00Z").withHeader("x-zm-trackingid", TRACKING)));

        RateLimitException e = assertThrows(RateLimitException.class, () -> zoom.devices().listZRDevices("r1").execute());

        assertTrue(e.isDailyLimit());
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), e.retryAt().orElseThrow());
        assertEquals("429", e.vendorError().orElseThrow().code().orElseThrow());
        assertEquals(TRACKING, e.requestId().orElseThrow());
    }
}
