package dev.roomsdk.sandbox;

import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.model.Attachment;
import dev.roomsdk.carbonio.model.JoinMeetingResult;
import dev.roomsdk.carbonio.model.JoinSettings;
import dev.roomsdk.carbonio.model.Meeting;
import dev.roomsdk.carbonio.model.MeetingType;
import dev.roomsdk.carbonio.model.NewMeetingData;
import dev.roomsdk.carbonio.model.RoomType;
import dev.roomsdk.core.auth.AccessToken;
import dev.roomsdk.core.auth.CachingTokenProvider;
import dev.roomsdk.core.auth.JwtExpiry;
import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.error.BadRequestException;
import dev.roomsdk.core.paging.Page;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.core.transfer.ProgressListener;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.videsk.RoomQuery;
import dev.roomsdk.videsk.SortDirection;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.CreateRoomRequest;
import dev.roomsdk.videsk.model.Room;
import dev.roomsdk.videsk.model.RoomWithToken;
import dev.roomsdk.videsk.model.UpdateRoomRequest;
import dev.roomsdk.zoom.ZoomOAuth;
import dev.roomsdk.zoom.ZoomRoomQuery;
import dev.roomsdk.zoom.ZoomRooms;
import dev.roomsdk.zoom.model.AppVersionAction;
import dev.roomsdk.zoom.model.Device;
import dev.roomsdk.zoom.model.VirtualBackgroundFile;
import dev.roomsdk.zoom.model.ZoomRoom;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The rooms-sdk walkthrough: the three APIs end to end, against the offline sandbox or, per
 * API, against the real service when its environment variables are set:
 *
 * <table>
 *   <caption>environment</caption>
 *   <tr><td>Videsk</td><td>{@code VIDESK_BASE_URL}, {@code VIDESK_TOKEN}</td></tr>
 *   <tr><td>Zoom</td><td>{@code ZOOM_ACCOUNT_ID}, {@code ZOOM_CLIENT_ID}, {@code ZOOM_CLIENT_SECRET};
 *       optional {@code ZOOM_BASE_URL}, {@code ZOOM_OAUTH_URL}, {@code ZOOM_UPGRADE_DEVICE}
 *       ({@code roomId/deviceId}: the one real device the walkthrough may upgrade)</td></tr>
 *   <tr><td>Carbonio</td><td>{@code CARBONIO_BASE_URL}, {@code CARBONIO_AUTH_TOKEN}; optional
 *       {@code CARBONIO_QUEUE_ID}, {@code CARBONIO_ROOM_ID} (the room to upload into)</td></tr>
 * </table>
 *
 * Against a real service it cleans up after itself (the Videsk room is ended, the virtual
 * background, attachment and meeting deleted). It prints one line per step and exits 0, or 1
 * when a step failed or the sandbox saw a contract violation.
 *
 * <p>Flags (or the system properties the Maven profile passes): {@code --serve}
 * ({@code sandbox.serve=true}) keeps the sandbox running and prints where, until Ctrl-C;
 * {@code --serve-for=SECONDS} ({@code sandbox.serveFor}) bounds that; {@code --port=N}
 * ({@code sandbox.port}) puts Videsk, Zoom and Carbonio on N, N+1, N+2 (serve mode default
 * {@value #DEFAULT_SERVE_PORT}; 0 picks free ports).
 */
public final class Walkthrough {

    /** First port of server mode unless told otherwise (stripe-mock's, for old times' sake). */
    public static final int DEFAULT_SERVE_PORT = 12111;

    /** Pages read at most from a real service's listing (the sandbox's fit well within). */
    static final int MAX_PAGES = 10;
    /** The longest real wait for a token to expire; longer-lived tokens are expired on the SDK's clock instead. */
    static final Duration MAX_EXPIRY_WAIT = Duration.ofSeconds(30);

    private final Map<String, String> env;
    private final PrintStream out;
    private final boolean liveProgress;
    private RoomSdkSandbox sandbox;
    private int failures;

    private Walkthrough(Map<String, String> env, PrintStream out, boolean liveProgress) {
        this.env = env;
        this.out = out;
        this.liveProgress = liveProgress;
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        int status = options.serve
                ? serve(options, System.out, System.err)
                : run(System.getenv(), System.out, System.console() != null);
        System.out.flush();
        System.exit(status);
    }

    /** Command-line flags and the system properties of the Maven profile. */
    static final class Options {
        boolean serve;
        long serveForSeconds;
        Integer port;

        static Options parse(String[] args) {
            Options o = new Options();
            o.serve = Boolean.parseBoolean(System.getProperty("sandbox.serve", "false"));
            o.serveForSeconds = Long.parseLong(System.getProperty("sandbox.serveFor", "0").trim());
            String port = System.getProperty("sandbox.port", "").trim();
            o.port = port.isEmpty() ? null : Integer.valueOf(port);
            for (String arg : args) {
                if (arg.isBlank()) {
                    continue;
                }
                if (arg.equals("--serve")) {
                    o.serve = true;
                } else if (arg.startsWith("--serve-for=")) {
                    o.serve = true;
                    o.serveForSeconds = Long.parseLong(arg.substring("--serve-for=".length()));
                } else if (arg.startsWith("--port=")) {
                    o.port = Integer.valueOf(arg.substring("--port=".length()));
                } else {
                    throw new IllegalArgumentException("unknown argument " + arg
                            + " (flags: --serve, --serve-for=SECONDS, --port=N)");
                }
            }
            if (o.serveForSeconds > 0) {
                o.serve = true;
            }
            return o;
        }
    }

    // ---- server mode ----------------------------------------------------------------------------

    /**
     * Server mode: starts the sandbox, prints where each API is and the environment to point the
     * walkthrough or an application at it, then serves until Ctrl-C or {@code serveForSeconds}.
     * Violations are printed as they are seen; the status is 1 if there were any.
     */
    static int serve(Options options, PrintStream out, PrintStream err) {
        int first = options.port == null ? DEFAULT_SERVE_PORT : options.port;
        RoomSdkSandbox sandbox;
        try {
            sandbox = RoomSdkSandbox.builder().ports(first).start();
        } catch (RuntimeException e) {
            err.println("rooms-sdk sandbox: cannot start on ports " + first + ".." + (first + 2) + " (" + e.getMessage()
                    + "); pick others with -Dsandbox.port=N (or --port=N), 0 for free ones");
            return 2;
        }
        sandbox.onViolation(report -> err.println("CONTRACT VIOLATION " + report.replace("\n", "\n  ")));
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            out.println("rooms-sdk sandbox: stopping after " + sandbox.requests() + " requests, "
                    + sandbox.violationCount() + " contract violations");
            sandbox.close();
        }, "rooms-sdk-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("rooms-sdk sandbox: the three contracts served on 127.0.0.1, every request validated"
                + (options.serveForSeconds > 0 ? " (for " + options.serveForSeconds + " s)" : " (Ctrl-C to stop)"));
        out.println("  Videsk    " + sandbox.videskBaseUrl() + "   api-token " + RoomSdkSandbox.VIDESK_API_TOKEN);
        out.println("  Zoom      " + sandbox.zoomBaseUrl() + "   OAuth " + sandbox.zoomOAuthBaseUrl() + "/oauth/token"
                + " (tokens live " + sandbox.zoomTokenLifetime().getSeconds() + " s)");
        out.println("  Carbonio  " + sandbox.carbonioBaseUrl() + "   ZM_AUTH_TOKEN " + RoomSdkSandbox.CARBONIO_AUTH_TOKEN);
        out.println("Point the walkthrough (it then treats these as real services) or your application at it:");
        out.println("  export VIDESK_BASE_URL=" + sandbox.videskBaseUrl() + " VIDESK_TOKEN=" + RoomSdkSandbox.VIDESK_API_TOKEN);
        out.println("  export ZOOM_BASE_URL=" + sandbox.zoomBaseUrl() + " ZOOM_OAUTH_URL=" + sandbox.zoomOAuthBaseUrl()
                + " ZOOM_ACCOUNT_ID=" + RoomSdkSandbox.ZOOM_ACCOUNT_ID + " ZOOM_CLIENT_ID=" + RoomSdkSandbox.ZOOM_CLIENT_ID
                + " ZOOM_CLIENT_SECRET=" + RoomSdkSandbox.ZOOM_CLIENT_SECRET);
        out.println("  export CARBONIO_BASE_URL=" + sandbox.carbonioBaseUrl() + " CARBONIO_AUTH_TOKEN="
                + RoomSdkSandbox.CARBONIO_AUTH_TOKEN + " CARBONIO_QUEUE_ID=" + RoomSdkSandbox.CARBONIO_QUEUE_ID);
        out.flush();
        try {
            if (options.serveForSeconds > 0) {
                stop.await(options.serveForSeconds, TimeUnit.SECONDS);
            } else {
                stop.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long violations = sandbox.violationCount();
        if (stop.getCount() > 0) {
            // the time is up (not Ctrl-C): stop here rather than in the hook
            Runtime.getRuntime().removeShutdownHook(hook);
            out.println("rooms-sdk sandbox: stopping after " + sandbox.requests() + " requests, " + violations
                    + " contract violations");
            sandbox.close();
        }
        return violations == 0 ? 0 : 1;
    }

    // ---- the walkthrough ------------------------------------------------------------------------

    /**
     * Runs the walkthrough with {@code env} as the environment, printing to {@code out};
     * {@code liveProgress} redraws the progress bar in place (a terminal). Returns the exit status.
     */
    public static int run(Map<String, String> env, PrintStream out, boolean liveProgress) {
        return new Walkthrough(env, out, liveProgress).run();
    }

    private int run() {
        long started = System.nanoTime();
        boolean videskReal = has("VIDESK_BASE_URL", "VIDESK_TOKEN");
        boolean zoomReal = has("ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET");
        boolean carbonioReal = has("CARBONIO_BASE_URL", "CARBONIO_AUTH_TOKEN");
        try {
            if (!videskReal || !zoomReal || !carbonioReal) {
                sandbox = RoomSdkSandbox.start();
            }
            out.println("rooms-sdk walkthrough: Videsk " + where(videskReal, "VIDESK_BASE_URL", sandbox == null ? null
                    : sandbox.videskBaseUrl()) + ", Zoom " + where(zoomReal, "ZOOM_BASE_URL", sandbox == null ? null
                    : sandbox.zoomBaseUrl()) + ", Carbonio " + where(carbonioReal, "CARBONIO_BASE_URL", sandbox == null
                    ? null : sandbox.carbonioBaseUrl()));
            section("Videsk", videskReal, this::videsk);
            section("Zoom", zoomReal, this::zoom);
            section("Carbonio", carbonioReal, this::carbonio);
            if (sandbox != null) {
                List<String> violations = sandbox.violations();
                line("Sandbox", sandbox.requests() + " requests answered, " + sandbox.violationCount()
                        + " contract violations");
                for (String v : violations) {
                    out.println("  CONTRACT VIOLATION " + v.replace("\n", "\n    "));
                }
                if (!violations.isEmpty()) {
                    failures++;
                }
            }
        } catch (RuntimeException e) {
            failures++;
            out.println("walkthrough could not run: " + e);
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
        String took = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
        out.println(failures == 0 ? "walkthrough OK in " + took : "walkthrough FAILED (" + failures + ") in " + took);
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    private boolean has(String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private String env(String name, String otherwise) {
        String value = env.get(name);
        return value == null || value.isBlank() ? otherwise : value.trim();
    }

    private String where(boolean real, String urlVariable, String sandboxUrl) {
        return real ? "real (" + env(urlVariable, "default URL") + ")" : "sandbox (" + sandboxUrl + ")";
    }

    private interface Section {
        void run(boolean real) throws Exception;
    }

    private void section(String api, boolean real, Section section) {
        try {
            section.run(real);
        } catch (Exception | AssertionError e) {
            failures++;
            line(api, "FAILED: " + e);
        }
    }

    private void line(String api, String text) {
        out.println(String.format(Locale.ROOT, "%-9s%s", api, text));
        out.flush();
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    // ---- Videsk ---------------------------------------------------------------------------------

    private void videsk(boolean real) {
        try (Videsk videsk = real
                ? Videsk.builder().baseUrl(env("VIDESK_BASE_URL", Videsk.DEFAULT_BASE_URL)).apiToken(env("VIDESK_TOKEN", "")).build()
                : Videsk.builder().baseUrl(sandbox.videskBaseUrl()).apiToken(RoomSdkSandbox.VIDESK_API_TOKEN).build()) {
            int pages = 0;
            int rooms = 0;
            long total = -1;
            for (Page<Room> page : videsk.listRooms(RoomQuery.builder().limit(100).build()).pages()) {
                pages++;
                rooms += page.items().size();
                total = page.total().orElse(total);
                if (pages == MAX_PAGES) {
                    break;
                }
            }
            line("Videsk", "listed " + rooms + " rooms in " + pages + " pages of up to 100 ($skip/$limit, total " + total + ")");

            String externalId = "rooms-sdk-walkthrough-" + System.currentTimeMillis();
            RoomWithToken created = videsk.rooms().createRoom(new CreateRoomRequest().name("rooms-sdk walkthrough")
                    .externalId(externalId).exp(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1))).execute();
            line("Videsk", "created room " + created.getId() + " (externalId " + externalId + ")");
            Room byId = videsk.rooms().getRoom(created.getId()).execute();
            Room byExternalId = videsk.rooms().getRoom(externalId).execute();
            List<Room> newest = videsk.listRooms(RoomQuery.builder().limit(1).sortBy("createdAt", SortDirection.DESCENDING)
                    .build()).firstPage().items();
            long filtered = videsk.listRooms(RoomQuery.builder().externalId(externalId).build()).stream().count();
            check(byId.getName().equals("rooms-sdk walkthrough") && byExternalId.getId().equals(created.getId()),
                    "getRoom returns the created room");
            check(!newest.isEmpty() && newest.get(0).getId().equals(created.getId()), "the newest room is the created one");
            check(filtered == 1, "listRooms(externalId) finds exactly the created room, found " + filtered);
            line("Videsk", "read it back: getRoom by id and by externalId, first in listRooms by createdAt desc,"
                    + " the only match of externalId=" + externalId);
            String jwt = videsk.rooms().joinRoom(created.getId()).execute().getAccessToken();
            Instant exp = JwtExpiry.of(jwt).orElseThrow(() -> new AssertionError("the join token is not a JWT with exp"));
            line("Videsk", "joined it: access token (JWT) valid until " + exp + " ("
                    + Duration.between(Instant.now(), exp).toMinutes() + " min)");
            videsk.rooms().updateRoom(created.getId(), new UpdateRoomRequest().ended(true)).execute();
            line("Videsk", "ended it (Videsk never deletes rooms)");
        }
    }

    // ---- Zoom -----------------------------------------------------------------------------------

    private void zoom(boolean real) throws Exception {
        String baseUrl = real ? env("ZOOM_BASE_URL", ZoomRooms.DEFAULT_BASE_URL) : sandbox.zoomBaseUrl();
        String oauthUrl = real ? env("ZOOM_OAUTH_URL", ZoomOAuth.DEFAULT_OAUTH_BASE_URL) : sandbox.zoomOAuthBaseUrl();
        ShiftableClock clock = new ShiftableClock();
        CachingTokenProvider oauth = ZoomOAuth.serverToServer(
                        real ? env("ZOOM_ACCOUNT_ID", "") : RoomSdkSandbox.ZOOM_ACCOUNT_ID,
                        real ? env("ZOOM_CLIENT_ID", "") : RoomSdkSandbox.ZOOM_CLIENT_ID,
                        real ? env("ZOOM_CLIENT_SECRET", "") : RoomSdkSandbox.ZOOM_CLIENT_SECRET)
                .oauthBaseUrl(oauthUrl).clock(clock).build();
        CountingTokens tokens = new CountingTokens(oauth);
        try (ZoomRooms zoom = ZoomRooms.builder().baseUrl(baseUrl).credentials(tokens).build()) {
            AccessToken first = tokens.token();
            Instant firstExpiry = first.expiresAt().orElseThrow(() -> new AssertionError("the token has no expiry"));
            line("Zoom", "Server-to-Server OAuth token #1 from " + oauthUrl + "/oauth/token (expires in "
                    + Math.round(Duration.between(clock.instant(), firstExpiry).toMillis() / 1000.0) + " s)");

            int pages = 0;
            int count = 0;
            ZoomRoom firstRoom = null;
            for (Page<ZoomRoom> page : zoom.listRooms(ZoomRoomQuery.all()).pages()) {
                pages++;
                count += page.items().size();
                if (firstRoom == null && !page.items().isEmpty()) {
                    firstRoom = page.items().get(0);
                }
                if (pages == MAX_PAGES) {
                    break;
                }
            }
            line("Zoom", "listed " + count + " rooms in " + pages + " pages of up to " + ZoomRooms.MAX_PAGE_SIZE
                    + " (next_page_token)");

            // the token's expiry, mid-run: a real wait when it is short (the sandbox's), else the SDK's clock moves
            AccessToken current = tokens.token();
            Duration left = Duration.between(clock.instant(), current.expiresAt().orElse(clock.instant()));
            if (left.compareTo(MAX_EXPIRY_WAIT) <= 0) {
                long waitMs = Math.max(0, left.toMillis()) + 500;
                line("Zoom", String.format(Locale.ROOT, "waiting %.1f s for token #%d to expire...", waitMs / 1000.0,
                        tokens.issued()));
                Thread.sleep(waitMs);
                line("Zoom", "the expired token is refused now: " + probe(baseUrl, current.value()));
            } else {
                clock.shift(left.plusSeconds(1));
                line("Zoom", "token #" + tokens.issued() + " lives " + left.toSeconds() + " s: moved the SDK's clock past"
                        + " its expiry instead of waiting");
            }
            zoom.rooms().listZoomRooms().pageSize(1).execute();
            check(tokens.issued() >= 2, "a new token after the expiry");
            line("Zoom", "the next call renewed it: token #" + tokens.issued() + ", call answered");

            appVersion(zoom, real, firstRoom);

            Path dir = Files.createTempDirectory("rooms-sdk-walkthrough-");
            Path png = dir.resolve("background.png");
            try {
                Files.write(png, SampleFiles.png(640, 360, 7));
                long size = Files.size(png);
                line("Zoom", "uploading virtual background " + png.getFileName() + " (" + size + " bytes)");
                VirtualBackgroundFile file = zoom.uploadVirtualBackground("me",
                        TransferBody.of(png).withProgress(new ProgressBar(out, liveProgress)));
                check(file.getSize() == null || file.getSize() == size, "Zoom kept " + file.getSize() + " of " + size + " bytes");
                zoom.virtualBackgrounds().delVB("me").fileIds(file.getId()).execute();
                line("Zoom", "uploaded it as " + file.getId() + " (" + file.getType() + ", " + file.getSize()
                        + " bytes), then deleted it");
            } finally {
                Files.deleteIfExists(png);
                Files.deleteIfExists(dir);
            }
        }
    }

    private void appVersion(ZoomRooms zoom, boolean real, ZoomRoom firstRoom) {
        String roomId;
        String roomName;
        String deviceId = null;
        String chosen = env("ZOOM_UPGRADE_DEVICE", null);
        if (chosen != null) {
            String[] parts = chosen.split("/", 2);
            roomId = parts[0];
            roomName = "room " + roomId;
            deviceId = parts.length > 1 ? parts[1] : null;
        } else if (!real && firstRoom != null) {
            roomId = firstRoom.getId();
            roomName = "'" + firstRoom.getName() + "'";
        } else {
            line("Zoom", "app version: skipped on a real account (set ZOOM_UPGRADE_DEVICE=<roomId>/<deviceId> to allow"
                    + " upgrading that device)");
            return;
        }
        Device device = null;
        for (Device d : zoom.devices().listZRDevices(roomId).execute().getDevices()) {
            boolean computer = d.getDeviceType() == Device.DeviceTypeEnum.ZOOM_ROOMS_COMPUTER;
            if (deviceId != null ? d.getId().equals(deviceId) : computer) {
                device = d;
                break;
            }
        }
        check(device != null, "room " + roomId + " has a Zoom Rooms Computer" + (deviceId == null ? "" : " " + deviceId));
        String before = device.getAppVersion();
        try {
            zoom.devices().changeZoomRoomsAppVersion(roomId, device.getId(), AppVersionAction.UPGRADE).execute();
        } catch (BadRequestException e) {
            String code = e.vendorError().flatMap(v -> v.code()).orElse("?");
            if (!code.equals("8001")) {
                throw e;
            }
            line("Zoom", "app version on the computer of " + roomName + ": " + before + " is already the latest (Zoom code 8001)");
            return;
        }
        String deviceIdFinal = device.getId();
        String after = zoom.devices().listZRDevices(roomId).execute().getDevices().stream()
                .filter(d -> d.getId().equals(deviceIdFinal)).findFirst().map(Device::getAppVersion).orElse("?");
        line("Zoom", "app version on the computer of " + roomName + ": " + before + " -> upgrade accepted, now " + after);
    }

    /** One raw call with {@code token}, to show how the server treats it. */
    private static String probe(String baseUrl, String token) throws IOException {
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
        try (Response response = http.newCall(new Request.Builder().url(baseUrl + "/rooms?page_size=1")
                .header("Authorization", "Bearer " + token).build()).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            var json = body.startsWith("{") ? com.google.gson.JsonParser.parseString(body).getAsJsonObject() : null;
            return "HTTP " + response.code() + (json != null && json.has("code")
                    ? " code " + json.get("code").getAsString() + " (" + json.get("message").getAsString() + ")" : "");
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    // ---- Carbonio -------------------------------------------------------------------------------

    private void carbonio(boolean real) throws Exception {
        Carbonio.Builder builder = Carbonio.builder();
        if (real) {
            builder.baseUrl(env("CARBONIO_BASE_URL", "")).authToken(env("CARBONIO_AUTH_TOKEN", ""))
                    .queueId(UUID.fromString(env("CARBONIO_QUEUE_ID", UUID.randomUUID().toString())));
        } else {
            builder.baseUrl(sandbox.carbonioBaseUrl()).authToken(RoomSdkSandbox.CARBONIO_AUTH_TOKEN)
                    .queueId(RoomSdkSandbox.CARBONIO_QUEUE_ID);
        }
        try (Carbonio carbonio = builder.build()) {
            List<dev.roomsdk.carbonio.model.Room> rooms = carbonio.rooms().listRoom().execute();
            String wanted = env("CARBONIO_ROOM_ID", null);
            dev.roomsdk.carbonio.model.Room room = rooms.stream()
                    .filter(r -> wanted != null ? r.getId().toString().equals(wanted) : r.getType() == RoomType.GROUP)
                    .findFirst().orElseThrow(() -> new AssertionError(wanted != null ? "no room " + wanted
                            : "no group room to upload into (set CARBONIO_ROOM_ID)"));
            line("Carbonio", "listed " + rooms.size() + " rooms; using '" + room.getName() + "' (" + room.getType().getValue() + ")");

            Path dir = Files.createTempDirectory("rooms-sdk-walkthrough-");
            Path notes = dir.resolve("walkthrough-notes.txt");
            Path back = dir.resolve("downloaded.txt");
            UUID uploaded = null;
            try {
                StringBuilder text = new StringBuilder();
                for (int i = 1; i <= 1200; i++) {
                    text.append("line ").append(i).append(": notes the rooms-sdk walkthrough uploaded, é ü 日本\n");
                }
                Files.write(notes, text.toString().getBytes(StandardCharsets.UTF_8));
                uploaded = carbonio.files().uploadAttachment(room.getId(), TransferBody.of(notes))
                        .description("uploaded by the rooms-sdk walkthrough").execute().getId();
                line("Carbonio", "uploaded " + notes.getFileName() + " (" + Files.size(notes) + " bytes) as attachment "
                        + uploaded);
                long downloaded;
                try (Download download = carbonio.attachments().getAttachment(uploaded).execute()) {
                    downloaded = download.saveTo(back);
                }
                check(sha256(back).equals(sha256(notes)), "the download has the bytes uploaded");
                line("Carbonio", "downloaded it back: " + downloaded + " bytes, SHA-256 identical");

                int pages = 0;
                int count = 0;
                boolean firstIsUpload = false;
                for (Page<Attachment> page : carbonio.listAttachments(room.getId()).pages()) {
                    if (pages == 0 && !page.items().isEmpty()) {
                        firstIsUpload = page.items().get(0).getId().equals(uploaded);
                    }
                    pages++;
                    count += page.items().size();
                    if (pages == MAX_PAGES) {
                        break;
                    }
                }
                check(firstIsUpload, "the upload is the newest attachment");
                line("Carbonio", "paged through " + count + " attachments in " + pages + " pages of up to "
                        + Carbonio.DEFAULT_ATTACHMENT_PAGE_SIZE + " (filter cursor), the upload first (newest first)");
            } finally {
                if (uploaded != null) {
                    carbonio.attachments().deleteAttachment(uploaded).execute();
                }
                Files.deleteIfExists(notes);
                Files.deleteIfExists(back);
                Files.deleteIfExists(dir);
            }

            Meeting meeting = carbonio.meetings().createMeeting(new NewMeetingData().name("rooms-sdk walkthrough")
                    .meetingType(MeetingType.SCHEDULED).expiration(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1))).execute();
            try {
                carbonio.meetings().startMeeting(meeting.getId()).execute();
                JoinMeetingResult joined = carbonio.meetings().joinMeeting(meeting.getId(),
                        new JoinSettings().audioStreamEnabled(true).videoStreamEnabled(false)).execute();
                Meeting running = carbonio.meetings().getMeeting(meeting.getId()).execute();
                int participants = running.getParticipants() == null ? 0 : running.getParticipants().size();
                check(Boolean.TRUE.equals(running.getActive()) && participants >= 1, "the meeting runs with its participant");
                line("Carbonio", "created meeting " + meeting.getId() + " (scheduled, room " + meeting.getRoomId()
                        + "), started it, joined: " + joined.getStatus().getValue() + ", " + participants + " participant(s)");
                carbonio.meetings().leaveMeeting(meeting.getId()).execute();
                carbonio.meetings().stopMeeting(meeting.getId()).execute();
            } finally {
                carbonio.meetings().deleteMeeting(meeting.getId()).execute();
            }
            line("Carbonio", "left, stopped and deleted the meeting; deleted the upload");
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format(Locale.ROOT, "%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The system clock, which the walkthrough can move forward to expire a long-lived token without waiting. */
    static final class ShiftableClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        void shift(Duration by) {
            shift = shift.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Counts the distinct tokens the client was given, so the walkthrough can say when one was renewed. */
    static final class CountingTokens implements TokenProvider {
        private final TokenProvider delegate;
        private final Set<String> seen = new HashSet<>();

        CountingTokens(TokenProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public AccessToken token() {
            AccessToken token = delegate.token();
            synchronized (seen) {
                seen.add(token.value());
            }
            return token;
        }

        @Override
        public void invalidate(AccessToken rejected) {
            delegate.invalidate(rejected);
        }

        int issued() {
            synchronized (seen) {
                return seen.size();
            }
        }
    }

    /** A progress bar: redrawn in place on a terminal, else printed once when the transfer completes. */
    static final class ProgressBar implements ProgressListener {
        private static final int WIDTH = 30;
        private final PrintStream out;
        private final boolean live;

        ProgressBar(PrintStream out, boolean live) {
            this.out = out;
            this.live = live;
        }

        @Override
        public synchronized void onProgress(long done, long total) {
            boolean complete = total >= 0 && done >= total;
            if (!live && !complete) {
                return;
            }
            int filled = total > 0 ? (int) Math.min(WIDTH, done * WIDTH / total) : 0;
            String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
            String percent = total > 0 ? String.format(Locale.ROOT, "%3d%%", done * 100 / total) : "  ?%";
            out.print((live ? "\r" : "") + String.format(Locale.ROOT, "%-9s[%s] %s  %,d / %,d bytes", "", bar, percent,
                    done, total));
            if (complete) {
                out.println();
            }
            out.flush();
        }
    }
}
