package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFixtures.ADA;
import static dev.roomsdk.carbonio.CarbonioFixtures.ADA_USER;
import static dev.roomsdk.carbonio.CarbonioFixtures.GUEST;
import static dev.roomsdk.carbonio.CarbonioFixtures.GUEST_USER;
import static dev.roomsdk.carbonio.CarbonioFixtures.QUEUE;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertAuthCookie;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertCall;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertQueueId;
import static dev.roomsdk.carbonio.CarbonioFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.carbonio.model.Capabilities;
import dev.roomsdk.carbonio.model.User;
import dev.roomsdk.carbonio.model.UserType;
import dev.roomsdk.core.error.InvalidRequestException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users (batch and single) and capabilities: the wire request and the typed result. */
class CarbonioUsersContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

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
    void getUsersRepeatsUserIdsInTheQueryAndReturnsEveryUser() {
        server.stubFor(get(urlPathEqualTo(server.path("/users"))).willReturn(json(200, "[" + ADA_USER + "," + GUEST_USER + "]")));

        List<User> users = carbonio.users().getUsers(List.of(ADA, GUEST)).execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", server.path("/users") + "?userIds=" + ADA + "&userIds=" + GUEST);
        assertEquals(List.of(ADA.toString(), GUEST.toString()), r.queryParameter("userIds").values());
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        assertEquals(2, users.size());
        User ada = users.get(0);
        assertEquals(ADA, ada.getId());
        assertEquals("ada.lovelace@example.com", ada.getEmail());
        assertEquals("Ada Lovelace", ada.getName());
        assertEquals(UserType.INTERNAL, ada.getType());
        assertEquals(OffsetDateTime.parse("2026-11-20T09:30:00Z"), ada.getPictureUpdatedAt());
        assertEquals("In a meeting", ada.getStatusMessage());
        User guest = users.get(1);
        assertEquals(UserType.GUEST, guest.getType());
        assertNull(guest.getPictureUpdatedAt(), "sent only when a picture was set");
        assertNull(guest.getStatusMessage());
    }

    @Test
    void getUsersWithTenIdsSendsAllTen() {
        List<java.util.UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(java.util.UUID.fromString(String.format("00000000-0000-4000-8000-%012d", i)));
        }
        server.stubFor(get(urlPathEqualTo(server.path("/users"))).willReturn(json(200, "[]")));

        List<User> users = carbonio.users().getUsers(ids).execute();

        LoggedRequest r = server.onlyRequest();
        assertEquals(10, r.queryParameter("userIds").values().size());
        assertEquals(ids.get(9).toString(), r.queryParameter("userIds").values().get(9));
        assertTrue(users.isEmpty());
    }

    @Test
    void getUsersWithoutIdsFailsBeforeAnyRequestNamingUserIds() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> carbonio.users().getUsers(null).execute());

        assertEquals(List.of("userIds: is required"), e.violations());
        assertTrue(e.getMessage().contains("userIds"), e.getMessage());
        assertTrue(server.requests().isEmpty(), "nothing was sent");
    }

    @Test
    void getUserPutsTheIdInThePath() {
        String path = server.path("/users/" + ADA);
        server.stubFor(get(urlPathEqualTo(path)).willReturn(json(200, ADA_USER)));

        User user = carbonio.users().getUser(ADA).execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", "/users/3f9a1c7e-6d2b-4a8e-b5c4-7e1d0f2a9b36");
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        assertEquals(ADA, user.getId());
        assertEquals("Ada Lovelace", user.getName());
        assertEquals(UserType.INTERNAL, user.getType());
    }

    @Test
    void getCapabilitiesReturnsEveryFlagAndLimit() {
        server.stubFor(get(urlPathEqualTo(server.path("/users/capabilities"))).willReturn(json(200,
                "{\"canSeeMessageReads\":true,\"canSeeUsersPresence\":false,\"canVideoCall\":true,"
                        + "\"canVideoCallRecord\":false,\"canUseVirtualBackground\":true,"
                        + "\"editMessageTimeLimitInMinutes\":10,\"deleteMessageTimeLimitInMinutes\":15,"
                        + "\"maxGroupMembers\":128,\"maxRoomImageSizeInKb\":512,\"maxUserImageSizeInKb\":256}")));

        Capabilities caps = carbonio.users().getCapabilities().execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", server.path("/users/capabilities"));
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        assertTrue(caps.getCanSeeMessageReads());
        assertFalse(caps.getCanSeeUsersPresence());
        assertTrue(caps.getCanVideoCall());
        assertFalse(caps.getCanVideoCallRecord());
        assertTrue(caps.getCanUseVirtualBackground());
        assertEquals(10, caps.getEditMessageTimeLimitInMinutes());
        assertEquals(15, caps.getDeleteMessageTimeLimitInMinutes());
        assertEquals(128, caps.getMaxGroupMembers());
        assertEquals(512, caps.getMaxRoomImageSizeInKb());
        assertEquals(256, caps.getMaxUserImageSizeInKb());
    }
}
