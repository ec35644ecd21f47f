package dev.roomsdk.core.error;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.auth.TokenRefreshException;
import dev.roomsdk.videsk.Videsk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Only a body that breaks the contract is a {@link ResponseDecodeException}; other failures keep their type. */
class ResponseDecodeScopeTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    @Test
    void aCredentialFailureBeforeAnyRequestIsNotReportedAsABadBody() {
        try (Videsk videsk = Videsk.builder().baseUrl(server.baseUrl()).tokenProvider(() -> {
            throw new IllegalStateException("user is not logged in");
        }).build()) {
            // typed like every credential failure (ChainFailure carries only RoomSdkExceptions), the original kept as cause
            TokenRefreshException e = assertThrows(TokenRefreshException.class, () -> videsk.rooms().getRoom("r1").execute());
            assertEquals("user is not logged in", assertInstanceOf(IllegalStateException.class, e.getCause()).getMessage());
        }
        assertEquals(0, server.requests().size());
    }

    @Test
    @OffContract // the body breaks the contract on purpose
    void aBodyOfTheWrongShapeIs() {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[1,2,3]")));
        try (Videsk videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("t").build()) {
            assertThrows(ResponseDecodeException.class, () -> videsk.rooms().getRoom("r1").execute());
        }
    }
}
