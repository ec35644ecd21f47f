package dev.roomsdk.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.roomsdk.core.error.RoomSdkServiceException;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.CreateRoomRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OkHttp resends some requests by itself (after a 408, after a 503 with {@code Retry-After: 0},
 * after a failed connection), whatever their method. Only the SDK's RetryPolicy may resend,
 * so a POST that is not safe to repeat goes exactly once.
 */
class TransparentRetryTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    final List<Duration> waits = new ArrayList<>();

    Videsk client(RetryPolicy policy) {
        return Videsk.builder().baseUrl(server.baseUrl()).apiToken("t")
                .httpSettings(HttpSettings.builder().retryPolicy(policy).build()).build();
    }

    void firstThen(String path, boolean isPost, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        var start = isPost ? post(urlPathEqualTo(path)) : get(urlPathEqualTo(path));
        var next = isPost ? post(urlPathEqualTo(path)) : get(urlPathEqualTo(path));
        server.stubFor(start.inScenario("s").whenScenarioStateIs(STARTED).willSetStateTo("second").willReturn(first));
        server.stubFor(next.inScenario("s").whenScenarioStateIs("second").willReturn(then));
    }

    static ResponseDefinitionBuilder room(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"r1\",\"name\":\"Standup\",\"accessToken\":\"jwt\"}");
    }

    @Test
    void aPostAnswered408IsNotResentByOkHttp() {
        firstThen("/vpaas/rooms", true, aResponse().withStatus(408), room(201));

        try (Videsk videsk = client(RetryPolicy.none())) {
            RoomSdkServiceException e = assertThrows(RoomSdkServiceException.class,
                    () -> videsk.rooms().createRoom(new CreateRoomRequest().name("Standup")).execute());
            assertEquals(408, e.statusCode());
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/vpaas/rooms")));
    }

    @Test
    void aPostAnswered503WithRetryAfterZeroIsNotResentByOkHttp() {
        firstThen("/vpaas/rooms", true, aResponse().withStatus(503).withHeader("Retry-After", "0"), room(201));

        try (Videsk videsk = client(RetryPolicy.defaults())) {
            assertThrows(ServerException.class, () -> videsk.rooms().createRoom(new CreateRoomRequest().name("Standup")).execute());
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/vpaas/rooms")));
    }

    @Test
    void aGetAnswered503WithRetryAfterZeroIsRetriedByThePolicy() {
        firstThen("/vpaas/rooms/r1", false, aResponse().withStatus(503).withHeader("Retry-After", "0"), room(200));

        try (Videsk videsk = client(RetryPolicy.defaults().newBuilder().sleeper(waits::add).build())) {
            assertEquals("r1", videsk.rooms().getRoom("r1").execute().getId());
        }
        server.verify(2, getRequestedFor(urlPathEqualTo("/vpaas/rooms/r1")));
        assertEquals(1, waits.size(), "the policy, not OkHttp, made the second attempt");
    }

    @Test
    void retriesOffMeansOneAttemptEvenForAGet() {
        firstThen("/vpaas/rooms/r1", false, aResponse().withStatus(503).withHeader("Retry-After", "0"), room(200));

        try (Videsk videsk = client(RetryPolicy.none())) {
            assertThrows(ServerException.class, () -> videsk.rooms().getRoom("r1").execute());
        }
        server.verify(1, getRequestedFor(urlPathEqualTo("/vpaas/rooms/r1")));
    }
}
