package dev.roomsdk.carbonio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomsdk.carbonio.model.RoomCreationFields;
import dev.roomsdk.carbonio.model.RoomEditableFields;
import dev.roomsdk.carbonio.model.RoomType;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Arguments that break the Carbonio contract fail before any request is sent (WireMock's
 * journal stays empty), naming the field and the rule: body lengths, required body fields,
 * list sizes, query minimums, and header patterns.
 */
class CarbonioRequestValidationTest {

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

    List<String> refused(Executable call) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
        assertEquals(0, server.requests().size(), "nothing may reach the server");
        return e.violations();
    }

    @Test
    void roomNameOf129CharactersIsRefused() {
        RoomCreationFields room = new RoomCreationFields().type(RoomType.GROUP).name("n".repeat(129));
        assertEquals(List.of("name: length must be between 1 and 128, got 129"),
                refused(() -> client.rooms().insertRoom(room, null)));
    }

    @Test
    void emptyRoomNameIsRefusedOnUpdate() {
        assertEquals(List.of("name: length must be between 1 and 128, got 0"),
                refused(() -> client.rooms().updateRoom(ROOM, new RoomEditableFields().name(""), null)));
    }

    @Test
    void missingRequiredBodyFieldIsRefused() {
        assertEquals(List.of("type: is required"),
                refused(() -> client.rooms().insertRoom(new RoomCreationFields().name("Design"), null)));
    }

    @Test
    void theUnknownEnumPlaceholderCannotBeSent() {
        RoomCreationFields room = new RoomCreationFields().type(RoomType.UNKNOWN_DEFAULT_OPEN_API);
        assertEquals(List.of("type: must be one of the contract's values, got the placeholder for unknown server values"),
                refused(() -> client.rooms().insertRoom(room, null)));
    }

    @Test
    void elevenUserIdsAreRefused() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ids.add(UUID.randomUUID());
        }
        assertEquals(List.of("userIds: number of items must be between 1 and 10, got 11"),
                refused(() -> client.users().getUsers(ids, null)));
    }

    @Test
    void itemsNumberBelowOneIsRefused() {
        assertEquals(List.of("itemsNumber: must be at least 1, got 0"),
                refused(() -> client.attachments().listRoomAttachmentInfo(ROOM, 0, null, null)));
    }

    @Test
    void uploadHeadersAreCheckedAgainstTheirPatterns() {
        // fileName must be unicode-escaped (\\uXXXX...), mimeType non-empty, Content-Length >= 0
        assertEquals(List.of("fileName: must match ^(\\\\[uU][0-9a-fA-F]{4})*$", "mimeType: length must be at least 1, got 0",
                        "Content-Length: must be at least 0, got -1"),
                refused(() -> client.attachments().insertAttachment(ROOM, "snoopy.jpg", "", -1L,
                        new File("pom.xml"), null, null, null, null, null)));
    }
}
