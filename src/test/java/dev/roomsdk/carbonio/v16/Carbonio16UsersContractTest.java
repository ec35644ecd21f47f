package dev.roomsdk.carbonio.v16;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.ADA;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.GUEST;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertCall;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.v16.model.Capabilities;
import dev.roomsdk.carbonio.v16.model.User;
import dev.roomsdk.carbonio.v16.model.UserType;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users of the 1.6 generation: no pictureUpdatedAt (1.6 has no user pictures); guests are users of type guest. */
class Carbonio16UsersContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio-1.6");

    static final String ADA_USER = "{\"id\":\"" + ADA + "\",\"email\":\"ada.lovelace@example.com\",\"name\":\"Ada Lovelace\","
            + "\"type\":\"internal\",\"statusMessage\":\"In a meeting\"}";
    static final String GUEST_USER = "{\"id\":\"" + GUEST + "\",\"email\":\"guest.42@example.com\",\"name\":\"Grace Hopper\","
            + "\"type\":\"guest\"}";

    @Test
    void getUsersSendsRepeatedIds() {
        server.stubFor(get(urlPathEqualTo("/users")).willReturn(json(200, "[" + ADA_USER + "," + GUEST_USER + "]")));

        List<User> users;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            users = carbonio.v16().users().getUsers(List.of(ADA, GUEST)).execute();
        }

        assertCall(server.onlyRequest(), "GET", "/users?userIds=" + ADA + "&userIds=" + GUEST);
        assertEquals(UserType.INTERNAL, users.get(0).getType());
        assertEquals(UserType.GUEST, users.get(1).getType());
    }

    @Test
    void getUsersWithMoreThanTenIdsFailsBeforeAnyIo() {
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> carbonio.v16().users().getUsers(Collections.nCopies(11, UUID.randomUUID())).execute());
            assertTrue(e.getMessage().contains("userIds"), e.getMessage());
        }
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void getUserAndCapabilities() {
        server.stubFor(get(urlPathEqualTo("/users/" + ADA)).willReturn(json(200, ADA_USER)));
        server.stubFor(get(urlPathEqualTo("/users/capabilities")).willReturn(json(200, "{\"canSeeMessageReads\":true,"
                + "\"canSeeUsersPresence\":true,\"canVideoCall\":true,\"canVideoCallRecord\":false,\"canUseVirtualBackground\":true,"
                + "\"editMessageTimeLimitInMinutes\":10,\"deleteMessageTimeLimitInMinutes\":10,\"maxGroupMembers\":128,"
                + "\"maxRoomImageSizeInKb\":512,\"maxUserImageSizeInKb\":512}")));

        User ada;
        Capabilities caps;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            ada = carbonio.v16().users().getUser(ADA).execute();
            caps = carbonio.v16().users().getCapabilities().execute();
        }

        assertCall(server.requests().get(0), "GET", "/users/" + ADA);
        assertCall(server.requests().get(1), "GET", "/users/capabilities");
        assertEquals("Ada Lovelace", ada.getName());
        assertEquals("In a meeting", ada.getStatusMessage());
        assertEquals(128, caps.getMaxGroupMembers());
        assertFalse(caps.getCanVideoCallRecord());
    }
}
