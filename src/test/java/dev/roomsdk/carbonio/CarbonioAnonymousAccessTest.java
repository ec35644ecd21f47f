package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFixtures.ADA_USER;
import static dev.roomsdk.carbonio.CarbonioFixtures.ADA;
import static dev.roomsdk.carbonio.CarbonioFixtures.MEETING;
import static dev.roomsdk.carbonio.CarbonioFixtures.ROOM;
import static dev.roomsdk.carbonio.CarbonioFixtures.TOKEN;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertAuthCookie;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertCall;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertNoCookie;
import static dev.roomsdk.carbonio.CarbonioFixtures.json;
import static dev.roomsdk.carbonio.CarbonioFixtures.noContent;
import static dev.roomsdk.carbonio.CarbonioFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.carbonio.model.HealthStatus;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.error.AuthenticationException;
import dev.roomsdk.core.error.MissingCredentialsException;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.core.paging.PageFetchException;
import dev.roomsdk.core.transfer.TransferBody;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Credentials go only where the contract asks for them: the three health checks and
 * {@code getMeetingPublic} ({@code security: []}) never carry the {@code ZM_AUTH_TOKEN}
 * cookie, so a client built without credentials (a guest, a monitor) can make them, and
 * refuses every other operation before any I/O, saying how to give it credentials.
 */
class CarbonioAnonymousAccessTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String HEALTH = "{\"isLive\":true,\"status\":\"ok\",\"dependencies\":[]}";

    static Carbonio anonymous() {
        return Carbonio.builder().baseUrl(server.baseUrl()).build();
    }

    void stubAnonymousOperations() {
        server.stubFor(get(urlPathEqualTo(server.path("/health"))).willReturn(json(200, HEALTH)));
        server.stubFor(get(urlPathEqualTo(server.path("/health/live"))).willReturn(noContent()));
        server.stubFor(get(urlPathEqualTo(server.path("/health/ready"))).willReturn(noContent()));
        server.stubFor(get(urlPathEqualTo(server.path("/public/meetings/" + MEETING)))
                .willReturn(json(200, "{\"name\":\"Design team\"}")));
    }

    /** Health, liveness, readiness and the public meeting read, each exactly once. */
    static void callAnonymousOperations(Carbonio carbonio) {
        HealthStatus health = carbonio.health().getHealthStatus().execute();
        assertTrue(health.getIsLive());
        carbonio.health().isLive().execute();
        carbonio.health().isReady().execute();
        assertEquals("Design team", carbonio.meetings().getMeetingPublic(MEETING).execute().getName());
    }

    static void assertFourCookielessRequests() {
        List<LoggedRequest> requests = server.requests();
        assertEquals(4, requests.size());
        requests.forEach(CarbonioFixtures::assertNoCookie);
        assertCall(requests.get(3), "GET", server.path("/public/meetings/" + MEETING));
    }

    @Test
    void aClientWithoutCredentialsReadsHealthAndThePublicMeetingWithNoCookie() {
        stubAnonymousOperations();

        try (Carbonio guest = anonymous()) {
            callAnonymousOperations(guest);
            assertTrue(guest.toString().contains("without credentials"), guest.toString());
        }

        assertFourCookielessRequests();
    }

    @Test
    void aClientWithCredentialsStillSendsNoCookieToTheAnonymousOperations() {
        stubAnonymousOperations();
        AtomicInteger asked = new AtomicInteger();
        Supplier<String> supplier = () -> {
            asked.incrementAndGet();
            return TOKEN;
        };

        try (Carbonio carbonio = Carbonio.builder().baseUrl(server.baseUrl()).authToken(supplier).build()) {
            callAnonymousOperations(carbonio);
            assertEquals(0, asked.get(), "the token supplier is not even asked for an anonymous call");
            assertFourCookielessRequests();

            server.stubFor(get(urlPathEqualTo(server.path("/users/" + ADA))).willReturn(json(200, ADA_USER)));
            carbonio.users().getUser(ADA).execute();
        }
        assertEquals(1, asked.get());
        assertAuthCookie(server.requests().get(4));
    }

    @Test
    void securedOperationsOfAClientWithoutCredentialsFailBeforeAnyRequest() {
        try (Carbonio guest = anonymous()) {
            assertRefused("getRoom (GET /rooms/{roomId})", () -> guest.rooms().getRoom(ROOM).execute());
            assertRefused("getCapabilities (GET /users/capabilities)", guest::capabilities);
            assertRefused("getAttachment (GET /attachments/{fileId}/download)",
                    () -> guest.attachments().getAttachment(ROOM).execute());
            assertRefused("insertAttachmentMultipart (PUT /rooms/{roomId}/attachments)", () -> guest.files()
                    .uploadAttachmentMultipart(ROOM, TransferBody.of(new byte[] {1}, "a.txt", "text/plain")).execute());
            // the async form completes its future with the same refusal
            CompletionException async = assertThrows(CompletionException.class,
                    () -> guest.rooms().getRoom(ROOM).executeAsync().join());
            assertRefused("getRoom (GET /rooms/{roomId})", () -> {
                throw async.getCause();
            });
            // the same refusal through a derived client, and through a paged listing
            Carbonio derived = guest.withOptions(RequestOptions.builder().retryPolicy(RetryPolicy.none()).build());
            assertRefused("startMeeting (POST /meetings/{meetingId}/start)",
                    () -> derived.meetings().startMeeting(MEETING).execute());
            assertTrue(derived.toString().contains("without credentials"), derived.toString());
            PageFetchException paged = assertThrows(PageFetchException.class,
                    () -> guest.listAttachments(ROOM).firstPage());
            assertInstanceOf(MissingCredentialsException.class, paged.getCause());
        }
        assertEquals(List.of(), server.requests(), "nothing went over the wire");
    }

    /** Refused before any I/O with the SDK's exception, naming the operation and how to give credentials. */
    static void assertRefused(String operation, Executable call) {
        MissingCredentialsException e = assertThrows(MissingCredentialsException.class, call);
        assertTrue(e.getMessage().startsWith(operation + " needs credentials"), e.getMessage());
        assertTrue(e.getMessage().contains("built without credentials"), e.getMessage());
        assertTrue(e.getMessage().contains("Carbonio.builder().authToken(...)"), e.getMessage());
    }

    /** A 401 on an anonymous operation is the server's answer, not a reason to fetch and send the cookie. */
    @Test
    @OffContract
    void unauthorizedOnAnAnonymousOperationIsNotAnsweredWithTheCookie() {
        server.stubFor(get(urlPathEqualTo(server.path("/health/live"))).willReturn(status(401)));
        AtomicInteger asked = new AtomicInteger();

        try (Carbonio carbonio = Carbonio.builder().baseUrl(server.baseUrl()).authToken(() -> {
            asked.incrementAndGet();
            return TOKEN;
        }).build()) {
            assertThrows(AuthenticationException.class, () -> carbonio.health().isLive().execute());
        }

        LoggedRequest r = server.onlyRequest();
        assertNoCookie(r);
        assertEquals(0, asked.get());
    }

    @Test
    void theSessionCookieOfOtherCallsNeverLeaksIntoAnonymousOnes() {
        server.stubFor(get(urlPathEqualTo(server.path("/users/" + ADA))).willReturn(json(200, ADA_USER)));
        server.stubFor(get(urlPathEqualTo(server.path("/health/ready"))).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioFixtures.client(server.baseUrl(), null)) {
            carbonio.users().getUser(ADA).execute();
            carbonio.health().isReady().execute();
            carbonio.users().getUser(ADA).execute();
        }

        List<LoggedRequest> requests = server.requests();
        assertAuthCookie(requests.get(0));
        assertNoCookie(requests.get(1));
        assertAuthCookie(requests.get(2));
    }
}
