package dev.roomsdk.videsk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.auth.AccessToken;
import dev.roomsdk.core.auth.CachingTokenProvider;
import dev.roomsdk.core.error.AuthenticationException;
import dev.roomsdk.videsk.model.CreateRoomRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A 401 invalidates the token, fetches a new one once and resends once; never more. */
class VideskUnauthorizedRetryTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    static final String UNAUTHORIZED = "{\"name\":\"NotAuthenticated\",\"message\":\"jwt expired\",\"code\":401,\"className\":\"not-authenticated\"}";
    static final String ROOM = "{\"id\":\"r1\",\"name\":\"Room\"}";
    static final String ROOM_WITH_TOKEN = "{\"id\":\"r1\",\"name\":\"Room\",\"accessToken\":\"jwt\"}";

    final AtomicInteger fetches = new AtomicInteger();

    Videsk client(String... tokens) {
        CachingTokenProvider provider = CachingTokenProvider.builder(() -> {
            int n = fetches.getAndIncrement();
            return AccessToken.of(tokens[Math.min(n, tokens.length - 1)]);
        }).build();
        return Videsk.builder().baseUrl(server.baseUrl()).tokenProvider(provider).build();
    }

    void answer(MappingBuilder m, String token, int status, String body) {
        server.stubFor(m.withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void unauthorizedRefreshesOnceAndResendsOnce() {
        answer(get(urlPathEqualTo("/vpaas/rooms/r1")), "old", 401, UNAUTHORIZED);
        answer(get(urlPathEqualTo("/vpaas/rooms/r1")), "new", 200, ROOM);

        try (Videsk videsk = client("old", "new")) {
            assertEquals("r1", videsk.rooms().getRoom("r1").execute().getId());
        }

        assertEquals(2, fetches.get());
        List<String> sent = server.requests().stream().map(r -> r.getHeader("Authorization")).collect(java.util.stream.Collectors.toList());
        assertEquals(List.of("Bearer old", "Bearer new"), sent);
    }

    @Test
    void secondUnauthorizedSurfacesAsAuthenticationExceptionWithoutLooping() {
        answer(get(urlPathEqualTo("/vpaas/rooms/r1")), "old", 401, UNAUTHORIZED);
        answer(get(urlPathEqualTo("/vpaas/rooms/r1")), "new", 401, UNAUTHORIZED);

        try (Videsk videsk = client("old", "new", "newer")) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> videsk.rooms().getRoom("r1").execute());
            assertEquals(401, e.statusCode());
        }

        assertEquals(2, server.requests().size(), "one resend, then give up");
        assertEquals(2, fetches.get());
    }

    @Test
    void staticTokenIsNotResentAfterUnauthorized() {
        answer(get(urlPathEqualTo("/vpaas/rooms/r1")), "fixed", 401, UNAUTHORIZED);

        try (Videsk videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("fixed").build()) {
            assertThrows(AuthenticationException.class, () -> videsk.rooms().getRoom("r1").execute());
        }

        assertEquals(1, server.requests().size(), "no new token to try: no resend");
    }

    @Test
    void replayableJsonBodyIsResentIdentically() {
        answer(post(urlPathEqualTo("/vpaas/rooms")), "old", 401, UNAUTHORIZED);
        answer(post(urlPathEqualTo("/vpaas/rooms")), "new", 201, ROOM_WITH_TOKEN);

        try (Videsk videsk = client("old", "new")) {
            videsk.rooms().createRoom(new CreateRoomRequest().name("standup")).execute();
        }

        assertEquals(2, server.requests().size());
        assertEquals(server.requests().get(0).getBodyAsString(), server.requests().get(1).getBodyAsString());
        assertEquals("{\"name\":\"standup\"}", server.requests().get(1).getBodyAsString());
    }
}
