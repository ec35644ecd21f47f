package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.transfer.TransferBody;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An upload header carrying CR/LF is refused before the upload starts: nothing reaches the
 * server. The escaped headers ({@code fileName}, {@code description}) cannot carry one at all:
 * a line break in them goes out as its {@code \}{@code uXXXX} escapes.
 */
class CarbonioHeaderInjectionTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final UUID ROOM = UUID.fromString("3f9a1c7e-6d2b-4a8e-b5c4-7e1d0f2a9b36");

    Carbonio client;

    @BeforeEach
    void client() {
        client = Carbonio.builder().baseUrl(server.baseUrl()).authToken("zm-token").build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void lineBreakInAnUploadHeaderIsRefusedBeforeIo() {
        TransferBody body = TransferBody.of(new byte[10], "snoopy", "image/jpeg");
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> client.attachments().insertAttachment(ROOM, "snoopy", "image/jpeg", body)
                        .messageId("msg-1\r\nX-Injected: yes").execute());
        assertEquals(List.of("header messageId: must not contain CR or LF"), e.violations());
        assertFalse(e.getMessage().contains("X-Injected"));
        assertEquals(0, server.requests().size());
    }

    @Test
    void lineBreaksInTheEscapedHeadersTravelAsEscapes() {
        server.stubFor(post(urlPathEqualTo(server.path("/rooms/" + ROOM + "/attachments"))).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"9d1e4b7a-2c5f-4a8d-b3e6-1f7c0a9d2e58\"}")));

        client.attachments().insertAttachment(ROOM, "a\r\nX-Injected: yes", "text/plain",
                TransferBody.of(new byte[] {1}, "a.txt", "text/plain")).description("b\r\nX-Injected: yes").execute();

        LoggedRequest r = server.onlyRequest();
        assertFalse(r.containsHeader("X-Injected"), "no header was injected");
        assertEquals("\\u0061\\u000d\\u000a\\u0058\\u002d\\u0049\\u006e\\u006a\\u0065\\u0063\\u0074\\u0065\\u0064"
                + "\\u003a\\u0020\\u0079\\u0065\\u0073", r.getHeader("fileName"));
        assertEquals("\\u0062\\u000d\\u000a\\u0058\\u002d\\u0049\\u006e\\u006a\\u0065\\u0063\\u0074\\u0065\\u0064"
                + "\\u003a\\u0020\\u0079\\u0065\\u0073", r.getHeader("description"));
    }
}
