package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFixtures.ADA;
import static dev.roomsdk.carbonio.CarbonioFixtures.QUEUE;
import static dev.roomsdk.carbonio.CarbonioFixtures.ROOM;
import static dev.roomsdk.carbonio.CarbonioFixtures.TOKEN;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertAuthCookie;
import static dev.roomsdk.carbonio.CarbonioFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.carbonio.model.RoomCreationFields;
import dev.roomsdk.carbonio.model.RoomEditableFields;
import dev.roomsdk.carbonio.model.RoomType;
import dev.roomsdk.core.error.AuthenticationException;
import dev.roomsdk.core.error.BadRequestException;
import dev.roomsdk.core.error.ConflictException;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.error.PayloadTooLargeException;
import dev.roomsdk.core.error.PermissionDeniedException;
import dev.roomsdk.core.error.RateLimitException;
import dev.roomsdk.core.error.RoomSdkServiceException;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.core.transfer.TransferBody;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error status the Carbonio contract lists (400, 401, 403, 404, 409, 413, 429, 500)
 * surfaces as its typed exception carrying the status, the (empty) body Carbonio sends and
 * the failed operation.
 */
class CarbonioErrorStatusTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    final List<Duration> backoffs = new CopyOnWriteArrayList<>();
    Carbonio carbonio;

    @BeforeEach
    void client() {
        // the default retry policy, with a sleeper that records instead of waiting
        HttpSettings settings = HttpSettings.builder()
                .retryPolicy(RetryPolicy.builder().sleeper(backoffs::add).build()).build();
        carbonio = Carbonio.builder().baseUrl(server.baseUrl()).authToken(TOKEN).queueId(QUEUE)
                .httpSettings(settings).build();
    }

    @AfterEach
    void close() {
        carbonio.close();
    }

    static void assertEmptyBodyError(RoomSdkServiceException e, int status, String operation) {
        assertEquals(status, e.statusCode());
        assertEquals("", e.body());
        assertEquals(operation, e.operation());
        assertTrue(e.getMessage().startsWith(operation + " failed with HTTP " + status), e.getMessage());
        assertTrue(e.getMessage().contains("(empty body)"), e.getMessage());
        assertTrue(e.vendorError().isEmpty(), "no error object in an empty body");
        assertFalse(e.getMessage().contains(TOKEN), "no credential in the message");
    }

    @Test
    void badRequestOnInsertRoom() {
        server.stubFor(post(urlPathEqualTo(server.path("/rooms"))).willReturn(status(400)));

        BadRequestException e = assertThrows(BadRequestException.class, () -> carbonio.rooms()
                .insertRoom(new RoomCreationFields().type(RoomType.ONE_TO_ONE)).execute());

        assertEmptyBodyError(e, 400, "POST /rooms");
        assertAuthCookie(server.onlyRequest());
    }

    @Test
    void badRequestOnUpdateRoom() {
        server.stubFor(put(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(status(400)));

        BadRequestException e = assertThrows(BadRequestException.class, () -> carbonio.rooms()
                .updateRoom(ROOM, new RoomEditableFields().description("")).execute());

        assertEmptyBodyError(e, 400, "PUT /rooms/" + ROOM);
    }

    @Test
    void unauthorizedWithAFixedTokenSurfacesAfterOneRequest() {
        server.stubFor(get(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(status(401)));

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> carbonio.rooms().getRoom(ROOM).execute());

        assertEmptyBodyError(e, 401, "GET /rooms/" + ROOM);
        LoggedRequest r = server.onlyRequest();
        assertAuthCookie(r);
    }

    @Test
    void notFoundIsNotRetried() {
        server.stubFor(get(urlPathEqualTo(server.path("/users/" + ADA))).willReturn(status(404)));

        assertThrows(NotFoundException.class, () -> carbonio.users().getUser(ADA).execute());

        assertEquals(1, server.requests().size(), "404 is final");
        assertTrue(backoffs.isEmpty());
    }

    @Test
    void forbiddenOnDeleteRoom() {
        server.stubFor(delete(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(status(403)));

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> carbonio.rooms().deleteRoom(ROOM).execute());

        assertEmptyBodyError(e, 403, "DELETE /rooms/" + ROOM);
    }

    @Test
    void notFoundOnGetUser() {
        server.stubFor(get(urlPathEqualTo(server.path("/users/" + ADA))).willReturn(status(404)));

        NotFoundException e = assertThrows(NotFoundException.class, () -> carbonio.users().getUser(ADA).execute());

        assertEmptyBodyError(e, 404, "GET /users/" + ADA);
    }

    @Test
    void notFoundOnMuteRoom() {
        server.stubFor(put(urlPathEqualTo(server.path("/rooms/" + ROOM + "/mute"))).willReturn(status(404)));

        NotFoundException e = assertThrows(NotFoundException.class, () -> carbonio.rooms().muteRoom(ROOM).execute());

        assertEmptyBodyError(e, 404, "PUT /rooms/" + ROOM + "/mute");
    }

    @Test
    void conflictOnInsertRoom() {
        server.stubFor(post(urlPathEqualTo(server.path("/rooms"))).willReturn(status(409)));

        ConflictException e = assertThrows(ConflictException.class, () -> carbonio.rooms()
                .insertRoom(new RoomCreationFields().type(RoomType.ONE_TO_ONE).addMembersIdsItem(ADA)).execute());

        assertEmptyBodyError(e, 409, "POST /rooms");
    }

    @Test
    void payloadTooLargeOnInsertAttachment(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("big.bin"), new byte[4096]);
        server.stubFor(post(urlPathEqualTo(server.path("/rooms/" + ROOM + "/attachments"))).willReturn(status(413)));

        TransferBody body = TransferBody.of(file);
        // the plain file name: the SDK escapes it, and takes Content-Length from the body
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> carbonio.attachments()
                .insertAttachment(ROOM, "big.bin", "application/octet-stream", body).execute());

        assertEmptyBodyError(e, 413, "POST /rooms/" + ROOM + "/attachments");
        LoggedRequest r = server.onlyRequest();
        assertEquals(4096, r.getBody().length);
        assertEquals("4096", r.getHeader("Content-Length"));
        assertEquals("\\u0062\\u0069\\u0067\\u002e\\u0062\\u0069\\u006e", r.getHeader("fileName"));
        assertEquals(QUEUE.toString(), r.getHeader("queue-id"));
    }

    @Test
    void tooManyRequestsOnIsReady() {
        server.stubFor(get(urlPathEqualTo(server.path("/health/ready"))).willReturn(status(429)));

        RateLimitException e = assertThrows(RateLimitException.class, () -> carbonio.health().isReady().execute());

        assertEmptyBodyError(e, 429, "GET /health/ready");
        assertTrue(e.retryAt().isEmpty(), "Carbonio sends no Retry-After");
        assertEquals(3, server.requests().size(), "a GET is retried by the default policy, then the status surfaces");
        assertEquals(2, backoffs.size());
    }

    @Test
    void internalServerErrorOnIsReady() {
        server.stubFor(get(urlPathEqualTo(server.path("/health/ready"))).willReturn(status(500)));

        ServerException e = assertThrows(ServerException.class, () -> carbonio.health().isReady().execute());

        assertEmptyBodyError(e, 500, "GET /health/ready");
        assertEquals(3, server.requests().size(), "a GET is retried by the default policy, then the status surfaces");
    }
}
