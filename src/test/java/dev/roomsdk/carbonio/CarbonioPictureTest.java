package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.ROOM_ID;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.TOKEN;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.USER_ID;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.carbonio.model.Capabilities;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.error.BadRequestException;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.error.NotReplayableBodyException;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.core.transfer.TransferBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Room and user pictures: put (streamed, escaped fileName, size limits), get (streamed), delete. */
class CarbonioPictureTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String ROOM_PICTURE = "/rooms/" + ROOM_ID + "/picture";
    static final String USER_PICTURE = "/users/" + USER_ID + "/picture";
    static final String AVATAR_ESCAPED = "\\u0061\\u0076\\u0061\\u0074\\u0061\\u0072\\u002e\\u0070\\u006e\\u0067";

    @TempDir
    Path dir;

    Carbonio carbonio;

    @BeforeEach
    void client() {
        carbonio = CarbonioFileFixtures.client(server);
    }

    @AfterEach
    void close() {
        carbonio.close();
    }

    static Capabilities limits(int roomKb, int userKb) {
        return new Capabilities().canSeeMessageReads(true).canSeeUsersPresence(true).canVideoCall(true)
                .canVideoCallRecord(false).canUseVirtualBackground(true).editMessageTimeLimitInMinutes(10)
                .deleteMessageTimeLimitInMinutes(10).maxGroupMembers(128)
                .maxRoomImageSizeInKb(roomKb).maxUserImageSizeInKb(userKb);
    }

    void stubCapabilities(int roomKb, int userKb) {
        server.stubFor(get(urlPathEqualTo("/users/capabilities")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"canSeeMessageReads\":true,\"canSeeUsersPresence\":true,\"canVideoCall\":true,"
                        + "\"canVideoCallRecord\":false,\"canUseVirtualBackground\":true,"
                        + "\"editMessageTimeLimitInMinutes\":10,\"deleteMessageTimeLimitInMinutes\":10,"
                        + "\"maxGroupMembers\":128,\"maxRoomImageSizeInKb\":" + roomKb
                        + ",\"maxUserImageSizeInKb\":" + userKb + "}")));
    }

    static void assertPictureUpload(LoggedRequest r, String path, byte[] content, String escapedName, String type) {
        assertEquals("PUT", r.getMethod().getName());
        assertEquals(path, r.getUrl());
        assertEquals(escapedName, r.getHeader("fileName"));
        assertEquals(type, r.getHeader("mimeType"));
        assertEquals(Integer.toString(content.length), r.getHeader("Content-Length"));
        assertEquals("application/octet-stream", r.getHeader("Content-Type"));
        assertEquals(TOKEN, r.getCookies().get(Carbonio.AUTH_COOKIE).getValue());
        assertArrayEquals(content, r.getBody());
    }

    @Test
    void roomPictureFromAPath() throws IOException {
        server.stubFor(put(urlPathEqualTo(ROOM_PICTURE)).willReturn(aResponse().withStatus(204)));
        byte[] content = bytes(40_000);
        Path file = dir.resolve("avatar.png");
        Files.write(file, content);

        carbonio.files().uploadRoomPicture(ROOM_ID, TransferBody.of(file)).execute();

        assertPictureUpload(server.onlyRequest(), ROOM_PICTURE, content, AVATAR_ESCAPED, "image/png");
    }

    @Test
    void theTypedUploadsTakeThePlainFileNameAndTheLengthFromTheBody() {
        server.stubFor(put(urlPathEqualTo(ROOM_PICTURE)).willReturn(aResponse().withStatus(204)));
        server.stubFor(put(urlPathEqualTo(USER_PICTURE)).willReturn(aResponse().withStatus(204)));
        byte[] content = bytes(777);

        carbonio.rooms().updateRoomPicture(ROOM_ID, "avatar.png", "image/png", TransferBody.of(content, "x", "image/gif"))
                .execute();
        carbonio.users().updateUserPicture(USER_ID, "avatar.png", "image/png", TransferBody.of(content, "x", "image/gif"))
                .execute();

        List<LoggedRequest> requests = server.requests();
        assertEquals(2, requests.size());
        assertPictureUpload(requests.get(0), ROOM_PICTURE, content, AVATAR_ESCAPED, "image/png");
        assertPictureUpload(requests.get(1), USER_PICTURE, content, AVATAR_ESCAPED, "image/png");
    }

    @Test
    void userPictureFromAStreamWithAUnicodeName() {
        server.stubFor(put(urlPathEqualTo(USER_PICTURE)).willReturn(aResponse().withStatus(204)));
        byte[] content = bytes(12_345);

        carbonio.files().uploadUserPicture(USER_ID,
                TransferBody.of(new ByteArrayInputStream(content), content.length, "\u00e9.jpg", "image/jpeg")).execute();

        assertPictureUpload(server.onlyRequest(), USER_PICTURE, content, "\\u00e9\\u002e\\u006a\\u0070\\u0067", "image/jpeg");
    }

    @Test
    void capabilitiesAreFetchedOnceAndAnOversizedPictureIsNeverSent() {
        stubCapabilities(1, 2);
        server.stubFor(put(urlPathEqualTo(ROOM_PICTURE)).willReturn(aResponse().withStatus(204)));

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> carbonio.files()
                .uploadRoomPicture(ROOM_ID, TransferBody.of(bytes(1025), "big.png", "image/png"), carbonio.capabilities()));

        assertTrue(e.getMessage().contains("maxRoomImageSizeInKb = 1 kB (1024 bytes)")
                && e.getMessage().contains("1025 bytes"), e.getMessage());
        assertEquals(1, server.requests().size(), "only the capabilities were read");
        assertEquals("/users/capabilities", server.requests().get(0).getUrl());

        // exactly at the limit is allowed (the server rejects only a length over kB * 1024)
        byte[] fits = bytes(1024);
        carbonio.files().uploadRoomPicture(ROOM_ID, TransferBody.of(fits, "fits.png", "image/png"), carbonio.capabilities())
                .execute();
        assertEquals(2, server.requests().size(), "capabilities not read again");
        assertArrayEquals(fits, server.requests().get(1).getBody());
    }

    @Test
    void userPictureOverTheGivenLimitSendsNothing() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> carbonio.files()
                .uploadUserPicture(USER_ID, TransferBody.of(bytes(3 * 1024 + 1), "me.png", "image/png"), limits(512, 3)));

        assertTrue(e.getMessage().contains("maxUserImageSizeInKb = 3 kB"), e.getMessage());
        assertEquals(0, server.requests().size());
    }

    @Test
    void roomPictureMustBeAnImageAndHaveAKnownLength() {
        InvalidRequestException notImage = assertThrows(InvalidRequestException.class, () -> carbonio.files()
                .uploadRoomPicture(ROOM_ID, TransferBody.of(bytes(10), "notes.txt", "text/plain")));
        assertTrue(notImage.getMessage().contains("image/*") && notImage.getMessage().contains("text/plain"),
                notImage.getMessage());

        InvalidRequestException noLength = assertThrows(InvalidRequestException.class, () -> carbonio.files()
                .uploadUserPicture(USER_ID, TransferBody.of(new ByteArrayInputStream(bytes(10)), -1, "a.png", "image/png")));
        assertTrue(noLength.getMessage().contains("updateUserPicture"), noLength.getMessage());
        assertEquals(0, server.requests().size());
    }

    @Test
    void serverRejectionIsABadRequest() {
        server.stubFor(put(urlPathEqualTo(ROOM_PICTURE)).willReturn(aResponse().withStatus(400)));
        BadRequestException e = assertThrows(BadRequestException.class, () -> carbonio.files()
                .uploadRoomPicture(ROOM_ID, TransferBody.of(bytes(10), "a.png", "image/png")).execute());
        assertEquals(400, e.statusCode());
    }

    @Test
    @OffContract // 503 is not a status the contract lists for picture uploads
    void replayablePictureIsRetriedButAStreamIsSentOnce() {
        server.stubFor(put(urlPathEqualTo(USER_PICTURE)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        server.stubFor(put(urlPathEqualTo(USER_PICTURE)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(204)));
        List<Duration> waits = CarbonioFileFixtures.waits();
        try (Carbonio retrying = CarbonioFileFixtures.retryingClient(server, waits)) {
            byte[] content = bytes(5000);
            retrying.files().uploadUserPicture(USER_ID, TransferBody.of(content, "me.png", "image/png")).execute();
            assertEquals(2, server.requests().size());
            assertArrayEquals(content, server.requests().get(1).getBody(), "the resent body is complete");
            assertEquals(1, waits.size());

            server.wireMock().resetRequests();
            server.wireMock().resetScenarios();
            // the PUT would be retried; only the one-shot body stops it, and the exception says so
            NotReplayableBodyException e = assertThrows(NotReplayableBodyException.class, () -> retrying.files()
                    .uploadUserPicture(USER_ID, TransferBody.of(new ByteArrayInputStream(content), content.length,
                            "me.png", "image/png")).execute());
            assertTrue(e.getMessage().contains("could not be resent"), e.getMessage());
            assertEquals(503, ((ServerException) e.getCause()).statusCode());
            assertEquals(1, server.requests().size(), "a one-shot stream is never replayed");
        }
    }

    @Test
    void roomPictureDownloadsWithItsType() throws IOException {
        byte[] png = bytes(30_000);
        server.stubFor(get(urlPathEqualTo(ROOM_PICTURE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withHeader("Content-Length", Integer.toString(png.length))
                .withBody(png)));

        try (Download d = carbonio.rooms().getRoomPicture(ROOM_ID).execute(); InputStream in = d.inputStream()) {
            assertEquals("image/png", d.contentType().orElseThrow());
            assertEquals(png.length, d.contentLength());
            assertArrayEquals(png, in.readAllBytes());
        }
        LoggedRequest r = server.onlyRequest();
        assertEquals("GET", r.getMethod().getName());
        assertEquals(ROOM_PICTURE, r.getUrl());
        assertEquals(TOKEN, r.getCookies().get(Carbonio.AUTH_COOKIE).getValue());
    }

    @Test
    void userPictureDownloadsToAFile() throws IOException {
        byte[] jpeg = bytes(64_000);
        server.stubFor(get(urlPathEqualTo(USER_PICTURE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream").withBody(jpeg)));
        Path target = dir.resolve("me.jpg");

        try (Download d = carbonio.users().getUserPicture(USER_ID).execute()) {
            assertEquals(jpeg.length, d.saveTo(target));
        }
        assertArrayEquals(jpeg, Files.readAllBytes(target));
        assertEquals(USER_PICTURE, server.onlyRequest().getUrl());
    }

    @Test
    void missingPictureIsNotFound() {
        server.stubFor(get(urlPathEqualTo(USER_PICTURE)).willReturn(aResponse().withStatus(404)));
        NotFoundException e = assertThrows(NotFoundException.class, () -> carbonio.users().getUserPicture(USER_ID).execute());
        assertEquals(404, e.statusCode());
    }

    @Test
    void picturesAreDeletedThroughTheTypedClient() {
        server.stubFor(delete(urlPathEqualTo(ROOM_PICTURE)).willReturn(aResponse().withStatus(204)));
        server.stubFor(delete(urlPathEqualTo(USER_PICTURE)).willReturn(aResponse().withStatus(204)));

        carbonio.rooms().deleteRoomPicture(ROOM_ID).execute();
        carbonio.users().deleteUserPicture(USER_ID).execute();

        List<LoggedRequest> requests = server.requests();
        assertEquals(2, requests.size());
        assertEquals("DELETE " + ROOM_PICTURE, requests.get(0).getMethod() + " " + requests.get(0).getUrl());
        assertEquals("DELETE " + USER_PICTURE, requests.get(1).getMethod() + " " + requests.get(1).getUrl());
        assertEquals(TOKEN, requests.get(1).getCookies().get(Carbonio.AUTH_COOKIE).getValue());
    }

    @Test
    void nullLimitsAreRefusedBeforeAnyRequest() {
        TransferBody png = TransferBody.of(bytes(10), "p.png", "image/png");
        InvalidRequestException room = assertThrows(InvalidRequestException.class,
                () -> carbonio.files().uploadRoomPicture(ROOM_ID, png, null));
        assertEquals("updateRoomPicture: invalid request: limits: must not be null", room.getMessage());
        InvalidRequestException user = assertThrows(InvalidRequestException.class,
                () -> carbonio.files().uploadUserPicture(USER_ID, png, null));
        assertEquals(List.of("limits: must not be null"), user.violations());
        assertEquals(0, server.requests().size());
    }
}
