package dev.roomsdk.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.videsk.Videsk;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A path parameter can never change the path: reserved characters, '%', spaces and unicode
 * arrive percent-encoded inside one segment (checked on what WireMock received), and the
 * segments URL normalisation would drop or resolve ('', '.', '..') are refused before I/O.
 * Videsk's client stands in for all three: the encoding and the refusal are the one runtime's
 * (core.operation), which every generated operation goes through.
 */
class PathParameterEncodingTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    Videsk videsk;

    @BeforeEach
    void client() {
        videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("t").build();
        server.stubFor(get(urlPathMatching("/vpaas/rooms/.+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"r1\"}")));
    }

    @AfterEach
    void close() {
        videsk.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a/b            | a%2Fb",
        "../admin       | ..%2Fadmin",
        "x?y=1          | x%3Fy%3D1",
        "x#frag         | x%23frag",
        "100%           | 100%25",
        "%2e%2e         | %252e%252e",
        "a b            | a%20b",
        "räum-日本       | r%C3%A4um-%E6%97%A5%E6%9C%AC",
    })
    void reservedCharactersStayInsideOneSegment(String id, String wire) {
        assertEquals("r1", videsk.rooms().getRoom(id).execute().getId());
        assertEquals("/vpaas/rooms/" + wire, server.onlyRequest().getUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void dotSegmentsAreRefusedBeforeAnyRequest(String id) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> videsk.rooms().getRoom(id).execute());
        assertEquals("getRoom (GET /vpaas/rooms/{roomId}): invalid request: roomId: must not be '.' or '..', which would "
                + "change the path", e.getMessage());
        assertEquals(List.of("roomId: must not be '.' or '..', which would change the path"), e.violations());
        assertEquals(0, server.requests().size());
    }

    @Test
    void anEmptySegmentIsRefusedBeforeAnyRequest() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> videsk.rooms().getRoom("").execute());
        assertTrue(e.violations().contains("roomId: is empty, which would change the path"), e.violations().toString());
        assertEquals(0, server.requests().size());
    }
}
