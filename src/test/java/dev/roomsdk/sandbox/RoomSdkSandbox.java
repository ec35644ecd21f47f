package dev.roomsdk.sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.zoom.ZoomOAuth;
import dev.roomsdk.zoom.ZoomRooms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The three APIs of rooms-sdk served offline from their contracts ({@code specs/}) on
 * 127.0.0.1 by embedded WireMock, one port per API, with state and realistic data, every
 * request and answer validated against the contracts. For your own tests:
 *
 * <pre>{@code
 * try (RoomSdkSandbox sandbox = RoomSdkSandbox.start()) {
 *     Videsk videsk = sandbox.videsk();                      // a client pointed at the sandbox
 *     RoomWithToken room = videsk.rooms().createRoom(new CreateRoomRequest().name("standup")).execute();
 *     assertEquals("standup", videsk.rooms().getRoom(room.getId()).execute().getName());
 *     sandbox.assertNoViolations();                          // nothing your code sent broke a contract
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Videsk</b> ({@link #videskBaseUrl()}, api-token {@link #VIDESK_API_TOKEN}): 250 rooms;
 *       created rooms appear in {@code getRoom} and listings; joins hand out JWTs.</li>
 *   <li><b>Zoom</b> ({@link #zoomBaseUrl()}, OAuth at {@link #zoomOAuthBaseUrl()}{@code /oauth/token}
 *       for {@link #ZOOM_ACCOUNT_ID}/{@link #ZOOM_CLIENT_ID}/{@link #ZOOM_CLIENT_SECRET}): tokens
 *       live {@link Builder#zoomTokenLifetime 5 s}, expired ones get 401 code 124; 700 rooms over
 *       {@code next_page_token} pages, their devices and app versions, virtual backgrounds.</li>
 *   <li><b>Carbonio</b> ({@link #carbonioBaseUrl()}, cookie {@link #CARBONIO_AUTH_TOKEN}, queue
 *       {@link #CARBONIO_QUEUE_ID}): rooms, members, attachments (230 in the first group room,
 *       cursor pages), uploads that download back byte for byte, meetings to start and join.</li>
 * </ul>
 *
 * A request against a contract is answered as the API would answer a bad request and recorded;
 * so is any answer of the sandbox's own that broke one: {@link #violations()} lists them. State
 * lives in memory, is bounded (room, file and byte caps), and goes with {@link #close()}.
 * Thread-safe.
 */
public final class RoomSdkSandbox implements AutoCloseable {

    /** The Videsk api-token the sandbox accepts. */
    public static final String VIDESK_API_TOKEN = "sandbox-videsk-api-token";
    /** The Zoom account the sandbox's Server-to-Server OAuth app belongs to. */
    public static final String ZOOM_ACCOUNT_ID = "sandbox-account";
    public static final String ZOOM_CLIENT_ID = "sandbox-client-id";
    public static final String ZOOM_CLIENT_SECRET = "sandbox-client-secret";
    /** The Carbonio {@code ZM_AUTH_TOKEN} of the sandbox's signed-in user. */
    public static final String CARBONIO_AUTH_TOKEN = "0_sandbox_zm_auth_token";
    /** An event queue id for Carbonio calls (joinMeeting needs one). */
    public static final UUID CARBONIO_QUEUE_ID = UUID.fromString("0f6b3e9d-8a2c-4d7f-9e1b-5c4a3d2f1e07");

    private final Violations violations = new Violations();
    private final VideskBackend videskBackend;
    private final ZoomBackend zoomBackend;
    private final CarbonioBackend carbonioBackend;
    private final SandboxServer videsk;
    private final SandboxServer zoom;
    private final SandboxServer carbonio;
    private final List<AutoCloseable> clients = new ArrayList<>();

    private RoomSdkSandbox(Builder b) {
        // the three contracts are parsed at once (reading them is most of the start-up time)
        CompletableFuture<VideskBackend> v = async(() -> new VideskBackend(VIDESK_API_TOKEN, b.videskRooms, b.seed));
        CompletableFuture<ZoomBackend> z = async(() -> new ZoomBackend(ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET,
                b.zoomTokenLifetime, b.zoomRooms, b.seed));
        CompletableFuture<CarbonioBackend> c = async(() -> new CarbonioBackend(CARBONIO_AUTH_TOKEN, b.carbonioAttachments,
                b.seed));
        videskBackend = join(v);
        zoomBackend = join(z);
        carbonioBackend = join(c);
        videsk = new SandboxServer(videskBackend, b.videskPort, violations);
        zoom = new SandboxServer(zoomBackend, b.zoomPort, violations);
        carbonio = new SandboxServer(carbonioBackend, b.carbonioPort, violations);
    }

    private static <T> CompletableFuture<T> async(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(task.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "rooms-sdk-sandbox-start");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        }
    }

    /** A sandbox on three free ports with the default data. */
    public static RoomSdkSandbox start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    private RoomSdkSandbox startServers() {
        try {
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (SandboxServer s : new SandboxServer[] {videsk, zoom, carbonio}) {
                starts.add(async(() -> {
                    s.start();
                    return null;
                }));
            }
            starts.forEach(RoomSdkSandbox::join);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        zoomBackend.apiUrl(zoom.rootUrl());
        return this;
    }

    // ---- where things are ---------------------------------------------------------------------

    /** Videsk's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String videskBaseUrl() {
        return videsk.baseUrl();
    }

    /** Zoom API v2's base URL, {@code /v2} included. */
    public String zoomBaseUrl() {
        return zoom.baseUrl();
    }

    /** Where Zoom's {@code /oauth/token} is (give it to {@link ZoomOAuth.Builder#oauthBaseUrl}). */
    public String zoomOAuthBaseUrl() {
        return zoom.rootUrl();
    }

    /** Carbonio WSC's base URL. */
    public String carbonioBaseUrl() {
        return carbonio.baseUrl();
    }

    // ---- clients pointed at it ----------------------------------------------------------------

    /** A Videsk client with the sandbox's api-token, closed with the sandbox. */
    public Videsk videsk() {
        return track(Videsk.builder().baseUrl(videskBaseUrl()).apiToken(VIDESK_API_TOKEN).build());
    }

    /** Server-to-Server OAuth for the sandbox's app, pointed at its token endpoint; set more (clock, margin) and build. */
    public ZoomOAuth.Builder zoomOAuth() {
        return ZoomOAuth.serverToServer(ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET).oauthBaseUrl(zoomOAuthBaseUrl());
    }

    /** A Zoom client renewing its own OAuth tokens from the sandbox, closed with the sandbox. */
    public ZoomRooms zoom() {
        return track(ZoomRooms.builder().baseUrl(zoomBaseUrl()).credentials(zoomOAuth().build()).build());
    }

    /** A Carbonio client signed in as the sandbox's user, with its queue id, closed with the sandbox. */
    public Carbonio carbonio() {
        return track(Carbonio.builder().baseUrl(carbonioBaseUrl()).authToken(CARBONIO_AUTH_TOKEN)
                .queueId(CARBONIO_QUEUE_ID).build());
    }

    private <T extends AutoCloseable> T track(T client) {
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    // ---- what it saw --------------------------------------------------------------------------

    /**
     * The contract violations seen so far (the first 100), after waiting up to 5 s for answers
     * still being validated; empty when every request and answer kept to the contracts.
     */
    public List<String> violations() {
        awaitChecked();
        return violations.list();
    }

    /** How many violations were seen (all of them, not only those {@link #violations()} keeps). */
    public long violationCount() {
        awaitChecked();
        return violations.count();
    }

    /** Throws an {@link AssertionError} listing the violations, if any were seen. */
    public void assertNoViolations() {
        List<String> seen = violations();
        if (!seen.isEmpty()) {
            throw new AssertionError(violations.count() + " contract violation(s) seen by the rooms-sdk sandbox:\n"
                    + String.join("\n---\n", seen));
        }
    }

    /** Forgets the violations seen so far (say, after a test that sent a bad request on purpose). */
    public void clearViolations() {
        awaitChecked();
        violations.clear();
    }

    /** Calls {@code listener} with each violation as it is seen, on the server's thread. */
    public void onViolation(Consumer<String> listener) {
        violations.onViolation(Objects.requireNonNull(listener, "listener"));
    }

    /** Requests answered so far, every API together (Zoom's OAuth endpoint included). */
    public long requests() {
        return videsk.requests() + zoom.requests() + carbonio.requests();
    }

    private void awaitChecked() {
        try {
            for (SandboxServer s : new SandboxServer[] {videsk, zoom, carbonio}) {
                s.awaitChecked(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The WireMock server of {@code videsk}, {@code zoom} or {@code carbonio}, to inspect its journal (the last 200 requests). */
    public WireMockServer wireMock(String api) {
        switch (api) {
            case "videsk": return videsk.wireMock();
            case "zoom": return zoom.wireMock();
            case "carbonio": return carbonio.wireMock();
            default: throw new IllegalArgumentException("no API " + api + ": videsk, zoom or carbonio");
        }
    }

    // ---- Zoom tokens --------------------------------------------------------------------------

    /** How long the Zoom tokens it issues live. */
    public Duration zoomTokenLifetime() {
        return zoomBackend.tokenLifetime();
    }

    /** Zoom OAuth tokens issued so far. */
    public long zoomTokensIssued() {
        return zoomBackend.tokensIssued();
    }

    /** Zoom calls answered 401 code 124 because their token had expired. */
    public long zoomExpiredTokensRejected() {
        return zoomBackend.expiredTokensRejected();
    }

    /** Expires every Zoom token issued so far, now: the next call with one is answered 401 code 124. */
    public void expireZoomTokens() {
        zoomBackend.expireTokens();
    }

    // ---- Carbonio data ------------------------------------------------------------------------

    /** The signed-in Carbonio user's id. */
    public UUID carbonioUserId() {
        return carbonioBackend.me;
    }

    /** The first group room, which holds the seeded attachments (several pages of them). */
    public UUID carbonioAttachmentRoomId() {
        return carbonioBackend.firstGroupRoom();
    }

    /** Attachments now in Carbonio room {@code roomId}. */
    public int carbonioAttachmentCount(UUID roomId) {
        return carbonioBackend.attachmentCount(roomId);
    }

    /** Stops the servers and closes the clients it handed out. */
    @Override
    public void close() {
        synchronized (clients) {
            for (AutoCloseable c : clients) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing a client releases a pool; nothing to report
                }
            }
            clients.clear();
        }
        for (SandboxServer s : new SandboxServer[] {videsk, zoom, carbonio}) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // a server that never started
            }
        }
    }

    @Override
    public String toString() {
        return "RoomSdkSandbox{videsk=" + videskBaseUrl() + ", zoom=" + zoomBaseUrl() + ", carbonio=" + carbonioBaseUrl() + "}";
    }

    /** Ports, token lifetime and data sizes of a sandbox. Not thread-safe. */
    public static final class Builder {
        private int videskPort;
        private int zoomPort;
        private int carbonioPort;
        private Duration zoomTokenLifetime = Duration.ofSeconds(5);
        private int videskRooms = 250;
        private int zoomRooms = 700;
        private int carbonioAttachments = 230;
        private long seed = 42;

        private Builder() {
        }

        /** Fixed ports: Videsk on {@code first}, Zoom on {@code first + 1}, Carbonio on {@code first + 2}; 0 (default) picks free ones. */
        public Builder ports(int first) {
            if (first < 0 || first > 65533) {
                throw new IllegalArgumentException("first port must be 0 (free ports) or 1..65533, got " + first);
            }
            this.videskPort = first;
            this.zoomPort = first == 0 ? 0 : first + 1;
            this.carbonioPort = first == 0 ? 0 : first + 2;
            return this;
        }

        /** How long Zoom tokens live (default 5 s, so a renewal shows within seconds; Zoom's is an hour). */
        public Builder zoomTokenLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.getSeconds() < 1) {
                throw new IllegalArgumentException("zoomTokenLifetime must be at least 1 s, got " + lifetime);
            }
            this.zoomTokenLifetime = lifetime;
            return this;
        }

        /** Seeded Videsk rooms (default 250). */
        public Builder videskRooms(int count) {
            this.videskRooms = bounded("videskRooms", count, VideskBackend.MAX_ROOMS);
            return this;
        }

        /** Seeded Zoom rooms (default 700). */
        public Builder zoomRooms(int count) {
            this.zoomRooms = bounded("zoomRooms", count, ZoomBackend.MAX_ROOMS);
            return this;
        }

        /** Seeded attachments in the first Carbonio group room (default 230). */
        public Builder carbonioAttachments(int count) {
            this.carbonioAttachments = bounded("carbonioAttachments", count, 10_000);
            return this;
        }

        /** The seed of the generated data (default 42): the same seed, the same rooms and ids. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        private static int bounded(String name, int count, int max) {
            if (count < 0 || count > max) {
                throw new IllegalArgumentException(name + " must be 0.." + max + ", got " + count);
            }
            return count;
        }

        public RoomSdkSandbox start() {
            return new RoomSdkSandbox(this).startServers();
        }
    }
}
