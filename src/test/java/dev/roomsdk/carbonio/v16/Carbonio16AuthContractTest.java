package dev.roomsdk.carbonio.v16;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertCall;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.v16.model.Token;
import dev.roomsdk.contract.ContractServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** getTokens of the 1.6 generation (1.6 calls it getToken; same wire as 1.3.1). */
class Carbonio16AuthContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio-1.6");

    @Test
    void getTokensReturnsTheZmTokenWithoutPrintingIt() {
        server.stubFor(get(urlPathEqualTo("/auth/token")).willReturn(json(200, "{\"zmToken\":\"0_3a7e1c9f2b6d4e8a_ab12cd34ef56\"}")));

        Token token;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            token = carbonio.v16().auth().getTokens().execute();
        }

        assertCall(server.onlyRequest(), "GET", "/auth/token");
        assertEquals("0_3a7e1c9f2b6d4e8a_ab12cd34ef56", token.getZmToken());
        assertFalse(token.toString().contains("ab12cd34ef56"), token.toString());
    }
}
