package dev.roomsdk.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The harness itself: it must catch a stub or a request that drifts from the contract.
 * Each test provokes one violation, checks it is reported, then clears the journal so the
 * after-test validation passes.
 */
class ContractHarnessTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    final OkHttpClient http = new OkHttpClient();

    @AfterEach
    void clearJournal() {
        server.wireMock().resetRequests();
    }

    void serve(int status, String body) {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    void send(String pathAndQuery) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(server.baseUrl() + pathAndQuery).build()).execute()) {
            r.body().string();
        }
    }

    @Test
    void undeclaredResponseFieldIsAViolationUnlessForwardCompatible() throws IOException {
        serve(200, "{\"id\":\"r1\",\"surprise\":1}");
        send("/vpaas/rooms/r1");

        List<String> strict = server.violations(false);
        assertEquals(1, strict.size());
        assertTrue(strict.get(0).contains("surprise"), strict.get(0));
        assertEquals(List.of(), server.violations(true));
    }

    @Test
    void missingRequiredResponseFieldIsAViolationEvenWhenForwardCompatible() throws IOException {
        serve(200, "{\"total\":1,\"limit\":10,\"skip\":0}");
        send("/vpaas/rooms");

        List<String> relaxed = server.violations(true);
        assertEquals(1, relaxed.size());
        assertTrue(relaxed.get(0).contains("data"), relaxed.get(0));
    }

    @Test
    void undeclaredStatusIsAViolation() throws IOException {
        serve(418, "{}");
        send("/vpaas/rooms");

        assertEquals(1, server.violations(false).size());
    }

    @Test
    void requestOutsideTheSpecIsAViolation() throws IOException {
        serve(200, "{}");
        send("/vpaas/meetings");

        List<String> v = server.violations(false);
        assertEquals(1, v.size());
        assertTrue(v.get(0).contains("matches no operation"), v.get(0));
    }

    @Test
    void queryParameterOutOfRangeIsAViolation() throws IOException {
        serve(200, "{\"total\":0,\"limit\":10,\"skip\":0,\"data\":[]}");
        send("/vpaas/rooms?$limit=500&$sort[createdAt]=2");

        List<String> v = server.violations(false);
        assertEquals(1, v.size());
        assertTrue(v.get(0).contains("$limit"), v.get(0));
        assertTrue(v.get(0).contains("query parameter $sort[createdAt]=2: not one of [1, -1]"), v.get(0));
    }

    static final String NO_ROOMS = "{\"total\":0,\"limit\":10,\"skip\":0,\"data\":[]}";

    /** The deepObject form Videsk reads, one key per sort field: on contract. */
    @Test
    void deepObjectSortInBracketsIsOnContract() throws IOException {
        serve(200, NO_ROOMS);
        send("/vpaas/rooms?$limit=10&$sort%5BcreatedAt%5D=-1&$sort%5Bname%5D=1");

        assertEquals(List.of(), server.violations(false));
    }

    /** A map written as its toString() (what a client that ignores style: deepObject sends) is a violation. */
    @Test
    void deepObjectSortAsOneFlatValueIsAViolation() throws IOException {
        serve(200, NO_ROOMS);
        send("/vpaas/rooms?$sort=%7BcreatedAt%3D-1%7D");
        send("/vpaas/rooms?$sort%5BcreatedAt%5D=-1");

        List<String> v = server.violations(false);
        assertEquals(1, v.size(), "only the flat one: " + v);
        assertTrue(v.get(0).startsWith("GET /vpaas/rooms?$sort=%7BcreatedAt%3D-1%7D -> 200"), v.get(0));
        assertTrue(v.get(0).contains("query parameter $sort={createdAt=-1}: deepObject parameter $sort must be sent as "
                + "$sort[field]=value"), v.get(0));
    }

    @Test
    void aBareDeepObjectNameIsAViolation() throws IOException {
        serve(200, NO_ROOMS);
        send("/vpaas/rooms?$sort=");

        List<String> v = server.violations(false);
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).contains("$sort=") && v.get(0).contains("deepObject"), v.get(0));
    }

    @Test
    void deepObjectKeysWithoutAFieldOrNestedAreViolations() throws IOException {
        serve(200, NO_ROOMS);
        send("/vpaas/rooms?$sort%5B%5D=1");
        send("/vpaas/rooms?$sort%5Ba%5D%5Bb%5D=1");
        send("/vpaas/rooms?$sort%5BcreatedAt%5D=");

        List<String> v = server.violations(false);
        assertEquals(3, v.size(), v.toString());
        assertTrue(v.get(0).contains("$sort[]"), v.get(0));
        assertTrue(v.get(1).contains("$sort[a][b]"), v.get(1));
        assertTrue(v.get(2).contains("$sort[createdAt]=") && v.get(2).contains("not an integer"), v.get(2));
    }

    @Test
    void literalPathSegmentsWinOverTemplates() {
        ApiSpec spec = ApiSpec.of("videsk");
        assertEquals("joinRoom", spec.operationFor("POST", "/vpaas/rooms/abc/join").orElseThrow());
        assertEquals("createRoom", spec.operationFor("POST", "/vpaas/rooms").orElseThrow());
        assertTrue(spec.operationFor("PUT", "/vpaas/rooms").isEmpty());
    }
}
