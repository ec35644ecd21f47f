package dev.roomsdk.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.api.AttachmentsApi.InsertAttachmentCall;
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
 * Header values with CR or LF (which would let a value start a new header or end the head)
 * or other non-printable characters are refused before any I/O, naming the header and never
 * echoing the value; printable ASCII and tabs go out as given. Carbonio's insertAttachment
 * stands in for every operation: its optional {@code messageId}, {@code replyId} and
 * {@code area} headers are plain text, checked by the runtime (core.operation) like any
 * header parameter of any contract. More at the wire: {@code CarbonioHeaderInjectionTest}.
 */
class HeaderInjectionTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final UUID ROOM = UUID.fromString("6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b");

    Carbonio carbonio;

    @BeforeEach
    void client() {
        carbonio = Carbonio.builder().baseUrl(server.baseUrl()).authToken("zm").build();
    }

    @AfterEach
    void close() {
        carbonio.close();
    }

    InsertAttachmentCall upload() {
        return carbonio.attachments().insertAttachment(ROOM, "snoopy.jpg", "image/jpeg",
                TransferBody.of(new byte[] {1, 2, 3}, "snoopy.jpg", "image/jpeg"));
    }

    @Test
    void crAndLfAreRefusedWithoutEchoingTheValue() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> upload()
                .messageId("m1\r\nAuthorization: Bearer stolen").replyId("m0\nX-Evil: 1").area("640x480").execute());

        assertEquals(List.of("header messageId: must not contain CR or LF", "header replyId: must not contain CR or LF"),
                e.violations());
        assertFalse(e.getMessage().contains("stolen"), e.getMessage());
        assertFalse(e.getMessage().contains("Evil"), e.getMessage());
        assertEquals(0, server.requests().size(), "refused before any I/O");
    }

    @Test
    void otherControlAndNonAsciiCharactersAreRefused() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> upload().messageId("caf\u00e9").execute());
        assertEquals(List.of("header messageId: must contain only printable ASCII, got U+00E9 at index 3"), e.violations());

        InvalidRequestException nul = assertThrows(InvalidRequestException.class, () -> upload().area("a\u0000b").execute());
        assertEquals(List.of("header area: must contain only printable ASCII, got U+0000 at index 1"), nul.violations());
        assertEquals(0, server.requests().size(), "refused before any I/O");
    }

    @Test
    void printableAsciiAndTabsPass() {
        server.stubFor(post(urlPathEqualTo("/rooms/" + ROOM + "/attachments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"9d1e4b7a-2c5f-4a8d-b3e6-1f7c0a9d2e58\"}")));

        upload().messageId("m-1").area("640x480\t").execute();

        LoggedRequest sent = server.onlyRequest();
        assertEquals("m-1", sent.getHeader("messageId"));
        assertEquals("640x480", sent.getHeader("area").strip(), "the tab is allowed (the server may trim it)");
        assertEquals("\\u0073\\u006e\\u006f\\u006f\\u0070\\u0079\\u002e\\u006a\\u0070\\u0067", sent.getHeader("fileName"),
                "the SDK escapes the plain file name: the header stays ASCII");
    }
}
