package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFixtures.ADA;
import static dev.roomsdk.carbonio.CarbonioFixtures.CHANNEL;
import static dev.roomsdk.carbonio.CarbonioFixtures.FILE;
import static dev.roomsdk.carbonio.CarbonioFixtures.GUEST;
import static dev.roomsdk.carbonio.CarbonioFixtures.ROOM;
import static dev.roomsdk.carbonio.CarbonioFixtures.WORKSPACE;
import static dev.roomsdk.carbonio.CarbonioFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.ForwardCompatible;
import dev.roomsdk.carbonio.model.Attachment;
import dev.roomsdk.carbonio.model.Capabilities;
import dev.roomsdk.carbonio.model.DependencyHealthType;
import dev.roomsdk.carbonio.model.HealthStatus;
import dev.roomsdk.carbonio.model.HealthStatusType;
import dev.roomsdk.carbonio.model.MemberInserted;
import dev.roomsdk.carbonio.model.MemberToInsert;
import dev.roomsdk.carbonio.model.Room;
import dev.roomsdk.carbonio.model.RoomType;
import dev.roomsdk.carbonio.model.User;
import dev.roomsdk.carbonio.model.UserType;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A newer Carbonio adds fields at every level and new enum values (room, user, health and
 * dependency types): the typed client keeps reading the known fields and maps unknown enum
 * values to {@code UNKNOWN_DEFAULT_OPEN_API} instead of failing.
 */
class CarbonioForwardCompatibilityTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    Carbonio carbonio;

    @BeforeEach
    void client() {
        carbonio = CarbonioFixtures.client(server.baseUrl(), null);
    }

    @AfterEach
    void close() {
        carbonio.close();
    }

    @Test
    @ForwardCompatible
    void roomsWithUnknownTypesAndFieldsKeepTheirKnownFields() {
        server.stubFor(get(urlPathEqualTo(server.path("/rooms"))).willReturn(json(200, "[{\"id\":\"" + ROOM + "\","
                + "\"name\":\"Town hall\",\"type\":\"broadcast\",\"archived\":true,\"retention\":{\"days\":30},"
                + "\"createdAt\":\"2026-11-20T09:30:00Z\",\"updatedAt\":\"2026-11-21T16:45:12.250Z\","
                + "\"members\":[{\"userId\":\"" + ADA + "\",\"owner\":true,\"external\":false,\"role\":\"speaker\"}],"
                + "\"userSettings\":{\"muted\":true,\"pinned\":true}},"
                + "{\"id\":\"" + WORKSPACE + "\",\"type\":\"workspace\",\"createdAt\":\"2026-11-20T09:30:00Z\","
                + "\"updatedAt\":\"2026-11-20T09:30:00Z\",\"children\":[{\"id\":\"" + CHANNEL + "\",\"type\":\"thread\","
                + "\"parentId\":\"" + WORKSPACE + "\",\"createdAt\":\"2026-11-20T09:30:00Z\","
                + "\"updatedAt\":\"2026-11-20T09:30:00Z\",\"color\":\"#336699\"}]}]")));

        List<Room> rooms = carbonio.rooms().listRoom().execute();

        Room broadcast = rooms.get(0);
        assertEquals(RoomType.UNKNOWN_DEFAULT_OPEN_API, broadcast.getType());
        assertEquals(ROOM, broadcast.getId());
        assertEquals("Town hall", broadcast.getName());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), broadcast.getUpdatedAt());
        assertEquals(ADA, broadcast.getMembers().get(0).getUserId());
        assertTrue(broadcast.getMembers().get(0).getOwner());
        assertTrue(broadcast.getUserSettings().getMuted());
        assertEquals(true, broadcast.getAdditionalProperty("archived"), "unknown fields stay readable");
        Room thread = rooms.get(1).getChildren().get(0);
        assertEquals(RoomType.WORKSPACE, rooms.get(1).getType());
        assertEquals(RoomType.UNKNOWN_DEFAULT_OPEN_API, thread.getType());
        assertEquals(WORKSPACE, thread.getParentId());
    }

    @Test
    @ForwardCompatible
    void usersWithAnUnknownTypeAndExtraFieldsAreRead() {
        server.stubFor(get(urlPathEqualTo(server.path("/users"))).willReturn(json(200, "[{\"id\":\"" + ADA + "\","
                + "\"email\":\"ada.lovelace@example.com\",\"name\":\"Ada Lovelace\",\"type\":\"federated\","
                + "\"locale\":\"en-GB\",\"presence\":{\"online\":true}},{\"id\":\"" + GUEST + "\","
                + "\"email\":\"guest.42@example.com\",\"name\":\"Guest 42\",\"type\":\"guest\",\"expiresAt\":\"2027-01-01T00:00:00Z\"}]")));

        List<User> users = carbonio.users().getUsers(List.of(ADA, GUEST)).execute();

        assertEquals(UserType.UNKNOWN_DEFAULT_OPEN_API, users.get(0).getType());
        assertEquals("Ada Lovelace", users.get(0).getName());
        assertEquals("ada.lovelace@example.com", users.get(0).getEmail());
        assertEquals(UserType.GUEST, users.get(1).getType());
        assertEquals(GUEST, users.get(1).getId());
    }

    @Test
    @ForwardCompatible
    void healthWithUnknownStatusAndDependencyIsRead() {
        server.stubFor(get(urlPathEqualTo(server.path("/health"))).willReturn(json(200, "{\"isLive\":true,"
                + "\"status\":\"degraded\",\"version\":\"2.1.0\",\"dependencies\":[{\"name\":\"search_service\","
                + "\"isHealthy\":false,\"latencyMs\":1200},{\"name\":\"database\",\"isHealthy\":true}]}")));

        HealthStatus health = carbonio.health().getHealthStatus().execute();

        assertTrue(health.getIsLive());
        assertEquals(HealthStatusType.UNKNOWN_DEFAULT_OPEN_API, health.getStatus());
        assertEquals(DependencyHealthType.UNKNOWN_DEFAULT_OPEN_API, health.getDependencies().get(0).getName());
        assertFalse(health.getDependencies().get(0).getIsHealthy());
        assertEquals(DependencyHealthType.DATABASE, health.getDependencies().get(1).getName());
    }

    @Test
    @ForwardCompatible
    void capabilitiesMemberAndAttachmentWithNewFieldsAreRead() {
        server.stubFor(get(urlPathEqualTo(server.path("/users/capabilities"))).willReturn(json(200,
                "{\"canSeeMessageReads\":true,\"canSeeUsersPresence\":true,\"canVideoCall\":true,"
                        + "\"canVideoCallRecord\":true,\"canUseVirtualBackground\":false,"
                        + "\"editMessageTimeLimitInMinutes\":10,\"deleteMessageTimeLimitInMinutes\":10,"
                        + "\"maxGroupMembers\":128,\"maxRoomImageSizeInKb\":512,\"maxUserImageSizeInKb\":512,"
                        + "\"canSendVoiceMessages\":true,\"maxAttachmentSizeInKb\":102400}")));
        server.stubFor(post(urlPathEqualTo(server.path("/rooms/" + ROOM + "/members"))).willReturn(json(201,
                "{\"userId\":\"" + GUEST + "\",\"owner\":false,\"external\":true,\"invitedBy\":\"" + ADA + "\"}")));
        server.stubFor(get(urlPathEqualTo(server.path("/attachments/" + FILE))).willReturn(json(200, "{\"id\":\"" + FILE
                + "\",\"name\":\"snoopy.jpg\",\"size\":48213,\"mimeType\":\"image/jpeg\",\"userId\":\"" + ADA
                + "\",\"roomId\":\"" + ROOM + "\",\"thumbnailId\":\"t-1\",\"checksum\":{\"sha256\":\"abc\"}}")));

        Capabilities caps = carbonio.users().getCapabilities().execute();
        MemberInserted member = carbonio.members().insertRoomMember(ROOM,
                new MemberToInsert().userId(GUEST).owner(false).historyCleared(false)).execute();
        Attachment info = carbonio.attachments().getAttachmentInfo(FILE).execute();

        assertEquals(128, caps.getMaxGroupMembers());
        assertFalse(caps.getCanUseVirtualBackground());
        assertEquals(GUEST, member.getUserId());
        assertFalse(member.getOwner());
        assertEquals(48213L, info.getSize());
        assertEquals("snoopy.jpg", info.getName());
    }
}
