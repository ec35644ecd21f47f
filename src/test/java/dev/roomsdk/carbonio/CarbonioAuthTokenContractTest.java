package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFixtures.QUEUE;
import static dev.roomsdk.carbonio.CarbonioFixtures.TOKEN;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertAuthCookie;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertCall;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertQueueId;
import static dev.roomsdk.carbonio.CarbonioFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.carbonio.model.Token;
import dev.roomsdk.core.error.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /auth/token}: the caller's Zextras token, which is a credential and never printed. */
class CarbonioAuthTokenContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String ZM_TOKEN = "0_3a7e1c9f2b6d4e8a_ab12cd34ef56";

    Carbonio carbonio;

    @BeforeEach
    void client() {
        carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE);
    }

    @AfterEach
    void close() {
        carbonio.close();
    }

    @Test
    void getTokensReturnsTheZextrasToken() {
        server.stubFor(get(urlPathEqualTo(server.path("/auth/token"))).willReturn(json(200, "{\"zmToken\":\"" + ZM_TOKEN + "\"}")));

        Token token = carbonio.auth().getTokens().execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", server.path("/auth/token"));
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        assertEquals(ZM_TOKEN, token.getZmToken());
    }

    @Test
    void theReturnedTokenIsNotPrintedByToString() {
        server.stubFor(get(urlPathEqualTo(server.path("/auth/token"))).willReturn(json(200, "{\"zmToken\":\"" + ZM_TOKEN + "\"}")));

        Token token = carbonio.auth().getTokens().execute();

        assertFalse(token.toString().contains(ZM_TOKEN), token.toString());
        assertFalse(token.toString().contains(TOKEN));
    }

    @Test
    void getTokensWithoutTokensRaisesNotFound() {
        server.stubFor(get(urlPathEqualTo(server.path("/auth/token"))).willReturn(CarbonioFixtures.status(404)));

        NotFoundException e = assertThrows(NotFoundException.class, () -> carbonio.auth().getTokens().execute());

        assertEquals(404, e.statusCode());
        assertEquals("", e.body());
        assertEquals("GET /auth/token", e.operation());
        assertAuthCookie(server.onlyRequest());
    }
}
