package dev.roomsdk.videsk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.AuthenticationException;
import dev.roomsdk.core.operation.ApiResponse;
import dev.roomsdk.core.operation.OperationCall;
import dev.roomsdk.videsk.api.RoomsApi;
import dev.roomsdk.videsk.model.CreateRoomRequest;
import dev.roomsdk.videsk.model.Room;
import dev.roomsdk.videsk.model.RoomWithToken;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import dev.roomsdk.testing.CapturedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With every SDK and OkHttp logger at its most verbose level, the Videsk api-token (the
 * {@code Authorization} value) shows up in no log record, exception, stack trace or
 * {@code toString()}, through sync, async and with-response calls and a failure; and the
 * generated API class offers no switch for the old generator's own debug logging.
 */
class VideskSecretCanaryTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    static final String CANARY = "CANARY-videsk-api-token-3e9d";
    static final String ROOM = "{\"id\":\"r1\",\"name\":\"Canary room\"}";
    static final Set<String> DEBUG_SWITCHES = Set.of("setDebugging", "getApiClient", "setApiClient", "setCustomBaseUrl",
            "setHostIndex");

    @RegisterExtension
    final CapturedText captured = CapturedText.atAllLevels("dev.roomsdk", "dev.roomsdk.http", "okhttp3");

    @Test
    void theAuthorizationValueNeverShowsUpWithTheMostVerboseLogging() throws Exception {
        String bearer = "Bearer " + CANARY;
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).withHeader("Authorization", equalTo(bearer))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(ROOM)));
        server.stubFor(post(urlPathEqualTo("/vpaas/rooms")).withHeader("Authorization", equalTo(bearer))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"r2\",\"name\":\"Standup\",\"accessToken\":\"room-jwt\"}")));
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/gone")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"NotAuthenticated\",\"message\":\"jwt expired\",\"code\":401,\"className\":\"not-authenticated\"}")));

        try (Videsk videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken(CANARY).build()) {
            OperationCall<Room> call = videsk.rooms().getRoom("r1");
            captured.add(call);
            Room room = call.execute();
            captured.add(room);
            ApiResponse<Room> response = videsk.rooms().getRoom("r1").executeWithResponse();
            captured.add(response);
            captured.add(response.headers());
            captured.add(videsk.rooms().getRoom("r1").executeAsync().get(10, TimeUnit.SECONDS));
            RoomWithToken created = videsk.rooms().createRoom(new CreateRoomRequest().name("Standup")).execute();
            captured.add(created);
            AuthenticationException sync = assertThrows(AuthenticationException.class,
                    () -> videsk.rooms().getRoom("gone").execute());
            captured.addFailure(sync);
            captured.add(sync.headers());
            CompletionException async = assertThrows(CompletionException.class,
                    () -> videsk.rooms().getRoom("gone").executeAsync().join());
            captured.addFailure(assertInstanceOf(AuthenticationException.class, async.getCause()));
            captured.add(videsk);
            captured.add(videsk.withOptions(dev.roomsdk.core.http.RequestOptions.builder().build()));
            captured.add(videsk.rooms());
            assertEquals("Canary room", room.getName());
        }

        List<String> sent = server.requests().stream().map(r -> r.getHeader("Authorization")).collect(Collectors.toList());
        assertEquals(6, sent.size());
        assertTrue(sent.stream().allMatch(bearer::equals), "the token did go on the wire: " + sent.size());
        assertTrue(captured.texts().stream().anyMatch(s -> s.contains("GET http://127.0.0.1")), "HTTP logging was on");
        assertTrue(captured.texts().stream().anyMatch(s -> s.contains("Authorization: <redacted>")), "headers were logged, masked");
        for (String text : captured.texts()) {
            assertFalse(text.contains(CANARY), "the Authorization value leaked in:\n" + text);
        }
    }

    @Test
    void theGeneratedApiHasNoDebuggingSwitchNorAClientOfItsOwn() {
        List<Class<?>> classes = new ArrayList<>(List.of(RoomsApi.class));
        classes.addAll(Arrays.asList(RoomsApi.class.getClasses()));
        for (Class<?> type : classes) {
            List<String> switches = Arrays.stream(type.getMethods()).map(Method::getName).filter(DEBUG_SWITCHES::contains)
                    .collect(Collectors.toList());
            assertEquals(List.of(), switches, type.getName());
        }
        for (Constructor<?> c : RoomsApi.class.getConstructors()) {
            assertTrue(c.getParameterCount() > 0, "a public no-arg constructor would build its own client: " + c);
        }
        assertTrue(Modifier.isFinal(RoomsApi.class.getModifiers()), "no subclass can add a switch");
        assertTrue(classes.size() > 1, "the call classes were checked too");
    }
}
