package dev.roomsdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.model.Attachment;
import dev.roomsdk.carbonio.model.JoinSettings;
import dev.roomsdk.carbonio.model.Meeting;
import dev.roomsdk.carbonio.model.MeetingType;
import dev.roomsdk.carbonio.model.NewMeetingData;
import dev.roomsdk.core.error.AuthenticationException;
import dev.roomsdk.core.error.BadRequestException;
import dev.roomsdk.core.error.ConflictException;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.error.PermissionDeniedException;
import dev.roomsdk.core.paging.Page;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.videsk.RoomQuery;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.CreateRoomRequest;
import dev.roomsdk.videsk.model.RoomWithToken;
import dev.roomsdk.zoom.ZoomRoomQuery;
import dev.roomsdk.zoom.ZoomRooms;
import dev.roomsdk.zoom.model.AppVersionAction;
import dev.roomsdk.zoom.model.Device;
import dev.roomsdk.zoom.model.ZoomRoom;
import dev.roomsdk.zoom.model.ZoomRoomStatus;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as a user's own test uses it: only its public API ({@code RoomSdkSandbox.start()},
 * the clients it hands out, its credentials), checking the state it keeps and that nothing sent
 * or answered broke a contract.
 */
class RoomSdkSandboxTest {

    private static RoomSdkSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = RoomSdkSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void keptToTheContracts() {
        try {
            sandbox.assertNoViolations();
        } finally {
            sandbox.clearViolations(); // one test's violations are not the next one's
        }
    }

    @Test
    void videskRoomCreatedShowsUpInGetRoomAndListings() {
        Videsk videsk = sandbox.videsk();
        long before = videsk.listRooms(RoomQuery.all()).stream().count();
        assertEquals(250, before, "the seeded rooms, over pages of 100");

        String externalId = "test-" + UUID.randomUUID();
        RoomWithToken room = videsk.rooms().createRoom(new CreateRoomRequest().name("from a test").externalId(externalId))
                .execute();
        assertEquals("from a test", videsk.rooms().getRoom(room.getId()).execute().getName());
        assertEquals(room.getId(), videsk.rooms().getRoom(externalId).execute().getId());
        assertEquals(List.of(room.getId()), videsk.listRooms(RoomQuery.builder().externalId(externalId).build()).stream()
                .map(r -> r.getId()).collect(Collectors.toList()));
        assertEquals(before + 1, videsk.listRooms(RoomQuery.all()).stream().count());

        assertThrows(ConflictException.class, () -> videsk.rooms().createRoom(new CreateRoomRequest().externalId(externalId))
                .execute(), "externalId is unique");
        assertThrows(PermissionDeniedException.class, () -> videsk.rooms().deleteRoom(room.getId()).execute(),
                "Videsk never deletes a room");
        assertThrows(NotFoundException.class, () -> videsk.rooms().getRoom("no-such-room").execute());
        assertTrue(videsk.rooms().joinRoom(room.getId()).execute().getAccessToken().split("\\.").length == 3, "a JWT");
    }

    @Test
    void videskRejectsAnotherToken() {
        try (Videsk stranger = Videsk.builder().baseUrl(sandbox.videskBaseUrl()).apiToken("not-the-token").build()) {
            assertThrows(AuthenticationException.class, () -> stranger.rooms().listRooms().execute());
        }
    }

    @Test
    void zoomPagesFiltersAndRenewsAnExpiredToken() {
        ZoomRooms zoom = sandbox.zoom();
        List<Page<ZoomRoom>> pages = new java.util.ArrayList<>();
        zoom.listRooms(ZoomRoomQuery.builder().pageSize(100).build()).pages().forEach(pages::add);
        assertEquals(7, pages.size());
        assertEquals(700, pages.stream().mapToInt(p -> p.items().size()).sum());
        assertTrue(zoom.listRooms(ZoomRoomQuery.builder().status(ZoomRoomStatus.OFFLINE).build()).stream()
                .allMatch(r -> r.getStatus() == ZoomRoomStatus.OFFLINE));

        long rejected = sandbox.zoomExpiredTokensRejected();
        long issued = sandbox.zoomTokensIssued();
        sandbox.expireZoomTokens();
        // the SDK still holds a token it thinks valid: Zoom answers 401 code 124, the SDK renews it and resends once
        assertEquals(1, zoom.rooms().listZoomRooms().pageSize(1).execute().getRooms().size());
        assertEquals(rejected + 1, sandbox.zoomExpiredTokensRejected());
        assertEquals(issued + 1, sandbox.zoomTokensIssued());
    }

    @Test
    void zoomAppVersionChangesStick() {
        ZoomRooms zoom = sandbox.zoom();
        ZoomRoom room = zoom.listRooms(ZoomRoomQuery.all()).firstPage().items().get(1);
        Device computer = zoom.devices().listZRDevices(room.getId()).execute().getDevices().stream()
                .filter(d -> d.getDeviceType() == Device.DeviceTypeEnum.ZOOM_ROOMS_COMPUTER).findFirst().orElseThrow();
        int steps = ZoomBackend.APP_VERSIONS.size() - 1 - ZoomBackend.APP_VERSIONS.indexOf(computer.getAppVersion());
        for (int i = 0; i < steps; i++) {
            zoom.devices().changeZoomRoomsAppVersion(room.getId(), computer.getId(), AppVersionAction.UPGRADE).execute();
        }
        BadRequestException latest = assertThrows(BadRequestException.class, () -> zoom.devices()
                .changeZoomRoomsAppVersion(room.getId(), computer.getId(), AppVersionAction.UPGRADE).execute());
        assertEquals("8001", latest.vendorError().flatMap(v -> v.code()).orElse(null));
        zoom.devices().changeZoomRoomsAppVersion(room.getId(), computer.getId(), AppVersionAction.DOWNGRADE).execute();
        String now = zoom.devices().listZRDevices(room.getId()).execute().getDevices().stream()
                .filter(d -> d.getId().equals(computer.getId())).findFirst().orElseThrow().getAppVersion();
        assertEquals(ZoomBackend.APP_VERSIONS.get(ZoomBackend.APP_VERSIONS.size() - 2), now);
    }

    @Test
    void zoomVirtualBackgroundsAreLimitedToTenFiles() {
        ZoomRooms zoom = sandbox.zoom();
        byte[] png = SampleFiles.png(32, 32, 1);
        List<String> ids = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < ZoomBackend.MAX_VB_FILES; i++) {
                ids.add(zoom.uploadVirtualBackground("me", TransferBody.of(png, "bg" + i + ".png", "image/png")).getId());
            }
            BadRequestException full = assertThrows(BadRequestException.class,
                    () -> zoom.uploadVirtualBackground("me", TransferBody.of(png, "one-more.png", "image/png")));
            assertEquals("120", full.vendorError().flatMap(v -> v.code()).orElse(null));
        } finally {
            zoom.virtualBackgrounds().delVB("me").fileIds(String.join(",", ids)).execute();
        }
    }

    @Test
    void carbonioUploadIsListedAndDownloadsTheSameBytes() throws Exception {
        Carbonio carbonio = sandbox.carbonio();
        UUID room = sandbox.carbonioAttachmentRoomId();
        int before = sandbox.carbonioAttachmentCount(room);
        byte[] content = "καλημέρα, rooms-sdk sandbox\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        UUID id = carbonio.files().uploadAttachmentMultipart(room, TransferBody.of(content, "grüße.txt", "text/plain"))
                .execute().getId();
        List<Attachment> all = carbonio.listAttachments(room, 40).stream().collect(Collectors.toList());
        assertEquals(before + 1, all.size());
        assertEquals(id, all.get(0).getId(), "newest first");
        assertEquals("grüße.txt", all.get(0).getName());
        assertEquals(all.size(), all.stream().map(Attachment::getId).distinct().count(), "no attachment twice across pages");
        try (Download download = carbonio.attachments().getAttachment(id).execute()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            download.writeTo(out);
            assertArrayEquals(content, out.toByteArray());
            assertEquals("grüße.txt", download.fileName().orElse(null));
        }
        carbonio.attachments().deleteAttachment(id).execute();
        assertEquals(before, sandbox.carbonioAttachmentCount(room));
        assertThrows(NotFoundException.class, () -> carbonio.attachments().getAttachmentInfo(id).execute());
    }

    @Test
    void carbonioMeetingMustBeStartedBeforeJoining() {
        Carbonio carbonio = sandbox.carbonio();
        Meeting meeting = carbonio.meetings().createMeeting(new NewMeetingData().name("test meeting")
                .meetingType(MeetingType.PERMANENT)).execute();
        JoinSettings settings = new JoinSettings().audioStreamEnabled(false).videoStreamEnabled(true);
        assertThrows(BadRequestException.class, () -> carbonio.meetings().joinMeeting(meeting.getId(), settings).execute());
        carbonio.meetings().startMeeting(meeting.getId()).execute();
        carbonio.meetings().joinMeeting(meeting.getId(), settings).execute();
        Meeting running = carbonio.meetings().getMeeting(meeting.getId()).execute();
        assertEquals(RoomSdkSandbox.CARBONIO_QUEUE_ID.toString(), running.getParticipants().get(0).getQueueId());
        assertEquals(sandbox.carbonioUserId(), running.getParticipants().get(0).getUserId());
        assertTrue(carbonio.meetings().listMeeting().execute().stream().anyMatch(m -> m.getId().equals(meeting.getId())));
        carbonio.meetings().deleteMeeting(meeting.getId()).execute();
        assertThrows(NotFoundException.class, () -> carbonio.meetings().getMeeting(meeting.getId()).execute());
    }

    @Test
    void carbonioHealthNeedsNoCredentialsButRoomsDo() {
        try (Carbonio guest = Carbonio.builder().baseUrl(sandbox.carbonioBaseUrl()).build();
             Carbonio stranger = Carbonio.builder().baseUrl(sandbox.carbonioBaseUrl()).authToken("someone-else").build()) {
            guest.health().isLive().execute();
            assertThrows(AuthenticationException.class, () -> stranger.rooms().listRoom().execute());
        }
    }

    @Test
    void aRequestAgainstTheContractIsAnsweredAndReported() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> tooMany = http.send(HttpRequest.newBuilder(URI.create(sandbox.videskBaseUrl()
                + "/vpaas/rooms?$limit=500")).header("Authorization", "Bearer " + RoomSdkSandbox.VIDESK_API_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> nowhere = http.send(HttpRequest.newBuilder(URI.create(sandbox.zoomBaseUrl() + "/nowhere"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.body().contains("maximum: 100"), tooMany.body());
        assertEquals(404, nowhere.statusCode());
        List<String> violations = sandbox.violations();
        assertEquals(2, violations.size(), String.join("\n", violations));
        assertTrue(violations.get(0).contains("$limit") && violations.get(0).contains("maximum"), violations.get(0));
        assertTrue(violations.get(1).contains("/v2/nowhere matches no operation"), violations.get(1));
        sandbox.clearViolations();
        assertFalse(sandbox.requests() == 0);
    }
}
