package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.zoom.ZoomWire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.PermissionDeniedException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.core.operation.ApiResponse;
import dev.roomsdk.zoom.api.AccountApi;
import dev.roomsdk.zoom.api.DevicesApi;
import dev.roomsdk.zoom.api.LocationsApi;
import dev.roomsdk.zoom.api.RoomsApi;
import dev.roomsdk.zoom.api.SignageApi;
import dev.roomsdk.zoom.api.VirtualBackgroundsApi;
import dev.roomsdk.zoom.model.DeviceList;
import dev.roomsdk.zoom.model.RoomEvent;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import dev.roomsdk.testing.CapturedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With every SDK and OkHttp logger at its most verbose level, the Zoom access token (the
 * {@code Authorization} value) shows up in no log record, exception or {@code toString()};
 * and no generated Zoom API class offers a switch for the old generator's debug logging.
 */
class ZoomSecretCanaryTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("zoom");

    static final String CANARY = "CANARY-zoom-access-token-8a41";
    static final String TRACKING = "v=2.0;clid=us06;rid=WEB_canary";
    static final Set<String> DEBUG_SWITCHES = Set.of("setDebugging", "getApiClient", "setApiClient", "setCustomBaseUrl",
            "setHostIndex");

    @RegisterExtension
    final CapturedText captured = CapturedText.atAllLevels("dev.roomsdk", "dev.roomsdk.http", "okhttp3");

    @Test
    void theAccessTokenNeverShowsUpWithTheMostVerboseLogging() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/r1/devices")).willReturn(json(200, "{\"devices\":[{\"id\":\"d1\"}]}")
                .withHeader("x-zm-trackingid", TRACKING)));
        server.stubFor(patch(urlPathEqualTo("/v2/rooms/events")).willReturn(json(403,
                "{\"code\":403,\"message\":\"You do not have permission to manage E911 signage.\"}")
                .withHeader("x-zm-trackingid", TRACKING)));

        try (ZoomRooms zoom = ZoomRooms.builder().baseUrl(server.baseUrl()).accessToken(CANARY)
                .httpSettings(HttpSettings.builder().retryPolicy(RetryPolicy.none()).build()).build()) {
            ApiResponse<DeviceList> response = zoom.devices().listZRDevices("r1").executeWithResponse();
            assertEquals(TRACKING, response.header("x-zm-trackingid"));
            captured.add(response);
            captured.add(response.value());
            PermissionDeniedException sync = assertThrows(PermissionDeniedException.class,
                    () -> zoom.signage().manageE911signage(new RoomEvent().method("zoomroom.emergency_alert_removed")).execute());
            captured.addFailure(sync);
            captured.add(sync.headers());
            CompletionException async = assertThrows(CompletionException.class, () -> zoom.signage()
                    .manageE911signage(new RoomEvent().method("zoomroom.emergency_alert_removed")).executeAsync().join());
            captured.addFailure(assertInstanceOf(PermissionDeniedException.class, async.getCause()));
            captured.add(zoom);
        }

        assertEquals(3, server.requests().size());
        assertTrue(server.requests().stream().allMatch(r -> ("Bearer " + CANARY).equals(r.getHeader("Authorization"))));
        assertTrue(captured.texts().stream().anyMatch(s -> s.contains("PATCH http://127.0.0.1")), "HTTP logging was on");
        assertTrue(captured.texts().stream().anyMatch(s -> s.contains("Authorization: <redacted>")), "headers were logged, masked");
        for (String text : captured.texts()) {
            assertFalse(text.contains(CANARY), "the Authorization value leaked in:\n" + text);
        }
    }

    @Test
    void noGeneratedApiHasADebuggingSwitchNorAClientOfItsOwn() {
        for (Class<?> api : List.of(RoomsApi.class, DevicesApi.class, LocationsApi.class, AccountApi.class, SignageApi.class,
                VirtualBackgroundsApi.class)) {
            List<Class<?>> classes = new ArrayList<>(List.of(api));
            classes.addAll(Arrays.asList(api.getClasses()));
            for (Class<?> type : classes) {
                List<String> switches = Arrays.stream(type.getMethods()).map(Method::getName)
                        .filter(DEBUG_SWITCHES::contains).collect(Collectors.toList());
                assertEquals(List.of(), switches, type.getName());
            }
            for (Constructor<?> c : api.getConstructors()) {
                assertTrue(c.getParameterCount() > 0, "a public no-arg constructor would build its own client: " + c);
            }
        }
    }
}
