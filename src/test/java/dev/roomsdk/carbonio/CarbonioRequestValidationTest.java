package dev.roomsdk.carbonio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomsdk.carbonio.model.RoomCreationFields;
import dev.roomsdk.carbonio.model.RoomEditableFields;
import dev.roomsdk.carbonio.model.RoomType;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.transfer.TransferBody;
import java.io.ByteArrayInputStream;
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
                refused(() -> client.rooms().insertRoom(room).execute()));
    }

    @Test
    void emptyRoomNameIsRefusedOnUpdate() {
        assertEquals(List.of("name: length must be between 1 and 128, got 0"),
                refused(() -> client.rooms().updateRoom(ROOM, new RoomEditableFields().name("")).execute()));
    }

    @Test
    void missingRequiredBodyFieldIsRefused() {
        assertEquals(List.of("type: is required"),
                refused(() -> client.rooms().insertRoom(new RoomCreationFields().name("Design")).execute()));
    }

    @Test
    void theUnknownEnumPlaceholderCannotBeSent() {
        RoomCreationFields room = new RoomCreationFields().type(RoomType.UNKNOWN_DEFAULT_OPEN_API);
        assertEquals(List.of("type: must be one of the contract's values, got the placeholder for unknown server values"),
                refused(() -> client.rooms().insertRoom(room).execute()));
    }

    @Test
    void elevenUserIdsAreRefused() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ids.add(UUID.randomUUID());
        }
        assertEquals(List.of("userIds: number of items must be between 1 and 10, got 11"),
                refused(() -> client.users().getUsers(ids).execute()));
    }

    @Test
    void anEmptyUserIdListIsRefused() {
        assertEquals(List.of("userIds: number of items must be between 1 and 10, got 0"),
                refused(() -> client.users().getUsers(List.of()).execute()));
    }

    @Test
    void itemsNumberBelowOneIsRefused() {
        assertEquals(List.of("itemsNumber: must be at least 1, got 0"),
                refused(() -> client.attachments().listRoomAttachmentInfo(ROOM).itemsNumber(0).execute()));
    }

    @Test
    void uploadHeadersAreCheckedAgainstTheirRules() {
        // the SDK escapes the plain fileName (so it always matches the contract's pattern) and checks the
        // escaped value's length; mimeType must not be empty; Content-Length comes from the body, which
        // must have a known length
        TransferBody unknownLength = TransferBody.of(new ByteArrayInputStream(new byte[3]), -1, "a.bin",
                "application/octet-stream");
        assertEquals(List.of("header fileName: length must be at least 6, got 0",
                        "header mimeType: length must be at least 1, got 0", "header Content-Length: is required"),
                refused(() -> client.attachments().insertAttachment(ROOM, "", "", unknownLength).execute()));
    }

    @Test
    void requiredUploadArgumentsAreRefused() {
        assertEquals(List.of("header fileName: is required", "header mimeType: is required",
                        "header Content-Length: is required", "body: is required"),
                refused(() -> client.attachments().insertAttachment(ROOM, null, null, null).execute()));
        assertEquals(List.of("file: is required"),
                refused(() -> client.attachments().insertAttachmentMultipart(ROOM, null).execute()));
    }
}
