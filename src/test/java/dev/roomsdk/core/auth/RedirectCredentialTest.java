package dev.roomsdk.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.Room;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A redirect keeps a request's tags, so the SDK must decide where its credential may go: to
 * the origin it was put on for, never to the host, port or scheme a redirect points at.
 */
class RedirectCredentialTest {

    @RegisterExtension
    static final WireMockExtension home = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @RegisterExtension
    static final WireMockExtension elsewhere = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    static final String ROOM_JSON = "{\"id\":\"r1\",\"name\":\"Standup\"}";

    static LoggedRequest only(WireMockExtension server) {
        List<LoggedRequest> all = server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertEquals(1, all.size(), "requests received");
        return all.get(0);
    }

    @Test
    void bearerTokenIsNotSentToAnotherPort() {
        home.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", elsewhere.baseUrl() + "/vpaas/rooms/r1")));
        elsewhere.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ROOM_JSON)));

        Room room;
        try (Videsk videsk = Videsk.builder().baseUrl(home.baseUrl()).apiToken("videsk-secret").build()) {
            room = videsk.rooms().getRoom("r1").execute();
        }

        assertEquals("Bearer videsk-secret", only(home).getHeader("Authorization"));
        assertNull(only(elsewhere).getHeader("Authorization"), "the token stays with its origin");
        assertEquals("r1", room.getId());
    }

    @Test
    void bearerTokenFollowsARedirectOnItsOwnOrigin() {
        home.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", home.baseUrl() + "/vpaas/rooms/moved")));
        home.stubFor(get(urlPathEqualTo("/vpaas/rooms/moved")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ROOM_JSON)));

        try (Videsk videsk = Videsk.builder().baseUrl(home.baseUrl()).apiToken("videsk-secret").build()) {
            videsk.rooms().getRoom("r1").execute();
        }

        List<LoggedRequest> all = home.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/vpaas/rooms/moved")));
        assertEquals("Bearer videsk-secret", all.get(0).getHeader("Authorization"));
    }

    @Test
    void cookieIsNotSentToAnotherPortButOtherCookiesAreKeptAtHome() throws IOException {
        UUID file = UUID.fromString("9d1e4b7a-2c5f-4a8d-b3e6-1f7c0a9d2e58");
        home.stubFor(get(urlPathEqualTo("/attachments/" + file + "/download")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", elsewhere.baseUrl() + "/files/" + file)));
        elsewhere.stubFor(get(urlPathEqualTo("/files/" + file)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("hello")));

        try (Carbonio carbonio = Carbonio.builder().baseUrl(home.baseUrl()).authToken("zm-secret").build();
             Download d = carbonio.attachments().getAttachment(file).execute()) {
            assertEquals("hello", new String(d.inputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }

        assertEquals("ZM_AUTH_TOKEN=zm-secret", only(home).getHeader("Cookie"));
        String cookie = only(elsewhere).getHeader("Cookie");
        assertFalse(cookie != null && cookie.contains("zm-secret"), "the cookie stays with its origin: " + cookie);
    }
}
