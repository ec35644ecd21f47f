package dev.roomsdk.carbonio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import java.io.File;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An upload header carrying CR/LF is refused before the upload starts: nothing reaches the server. */
class CarbonioHeaderInjectionTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String FILE_NAME = "\\u0073\\u006e\\u006f\\u006f\\u0070\\u0079";

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
        UUID room = UUID.fromString("3f9a1c7e-6d2b-4a8e-b5c4-7e1d0f2a9b36");
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> client.attachments().insertAttachment(room, FILE_NAME, "image/jpeg", 10L, new File("pom.xml"),
                        null, "msg-1\r\nX-Injected: yes", null, null, null));
        assertEquals(List.of("header messageId: must not contain CR or LF"), e.violations());
        assertFalse(e.getMessage().contains("X-Injected"));
        assertEquals(0, server.requests().size());
    }
}
