package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RetryPolicy;

/** Shared bits of the Zoom contract tests: the client, JSON answers and wire assertions. */
final class ZoomWire {

    static final String TOKEN = "zoom-access-token-1";

    private ZoomWire() {
    }

    /** A client of {@code server} with a fixed token and no retries (each test sees exactly its requests). */
    static ZoomRooms client(ContractServer server) {
        return ZoomRooms.builder().baseUrl(server.baseUrl()).accessToken(TOKEN)
                .httpSettings(HttpSettings.builder().retryPolicy(RetryPolicy.none()).build()).build();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder noContent() {
        return aResponse().withStatus(204);
    }

    /** Method, path (with the /v2 base), bearer token; returns the request's JSON body or null. */
    static JsonObject assertRequest(LoggedRequest r, String method, String wirePath) {
        assertEquals(method, r.getMethod().getName());
        assertEquals(wirePath, r.getUrl().split("\\?")[0]);
        assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
        if (r.getBody() == null || r.getBody().length == 0) {
            return null;
        }
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"), r.getHeader("Content-Type"));
        return JsonParser.parseString(r.getBodyAsString()).getAsJsonObject();
    }

    static void assertNoQuery(LoggedRequest r) {
        assertFalse(r.getUrl().contains("?"), "no query string expected: " + r.getUrl());
    }
}
