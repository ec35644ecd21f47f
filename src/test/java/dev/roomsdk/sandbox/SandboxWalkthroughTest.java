package dev.roomsdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.videsk.RoomQuery;
import dev.roomsdk.videsk.Videsk;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's first command, in-process: the walkthrough against the sandbox, against "real" services, and server mode. */
class SandboxWalkthroughTest {

    @Test
    @Timeout(120)
    void walkthroughRunsAgainstTheSandbox() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Walkthrough.run(Map.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, out);
        for (String expected : List.of(
                "Videsk sandbox (http://127.0.0.1:",
                "Videsk   listed 250 rooms in 3 pages of up to 100",
                "read it back: getRoom by id and by externalId, first in listRooms by createdAt desc",
                "joined it: access token (JWT) valid until",
                "Zoom     Server-to-Server OAuth token #1 from http://127.0.0.1:",
                "Zoom     listed 700 rooms in 3 pages of up to 300 (next_page_token)",
                "the expired token is refused now: HTTP 401 code 124",
                "the next call renewed it: token #2",
                "app version on the computer of 'San Jose North 1F Boardroom 001': 5.16.10 (3157) -> upgrade accepted, now 5.17.5 (3456)",
                "[##############################] 100%",
                "then deleted it",
                "Carbonio listed 9 rooms; using 'Design team' (group)",
                "downloaded it back: 78093 bytes, SHA-256 identical",
                "paged through 231 attachments in 3 pages of up to 100 (filter cursor), the upload first",
                "joined: ACCEPTED, 1 participant(s)",
                "Sandbox  36 requests answered, 0 contract violations",
                "walkthrough OK in ")) {
            assertTrue(out.contains(expected), "missing '" + expected + "' in:\n" + out);
        }
    }

    /** With the environment set, each API is a "real" service: here another sandbox stands in for them (no network). */
    @Test
    @Timeout(120)
    void walkthroughUsesTheServicesTheEnvironmentNames() {
        try (RoomSdkSandbox services = RoomSdkSandbox.builder().zoomTokenLifetime(Duration.ofSeconds(2)).start()) {
            Map<String, String> env = Map.of(
                    "VIDESK_BASE_URL", services.videskBaseUrl(), "VIDESK_TOKEN", RoomSdkSandbox.VIDESK_API_TOKEN,
                    "ZOOM_BASE_URL", services.zoomBaseUrl(), "ZOOM_OAUTH_URL", services.zoomOAuthBaseUrl(),
                    "ZOOM_ACCOUNT_ID", RoomSdkSandbox.ZOOM_ACCOUNT_ID, "ZOOM_CLIENT_ID", RoomSdkSandbox.ZOOM_CLIENT_ID,
                    "ZOOM_CLIENT_SECRET", RoomSdkSandbox.ZOOM_CLIENT_SECRET,
                    "CARBONIO_BASE_URL", services.carbonioBaseUrl(), "CARBONIO_AUTH_TOKEN", RoomSdkSandbox.CARBONIO_AUTH_TOKEN);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int status = Walkthrough.run(env, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertEquals(0, status, out);
            assertTrue(out.contains("Videsk real (" + services.videskBaseUrl() + "), Zoom real (" + services.zoomBaseUrl()
                    + "), Carbonio real (" + services.carbonioBaseUrl() + ")"), out);
            assertTrue(out.contains("app version: skipped on a real account"), out);
            assertTrue(!out.contains("Sandbox  "), "no sandbox of its own:\n" + out);
            services.assertNoViolations();
            assertTrue(services.requests() > 20, "the calls went to the named services");
        }
    }

    /** A step that fails makes the walkthrough say so and exit 1; the other APIs still run. */
    @Test
    @Timeout(120)
    void walkthroughExitsOneWhenAStepFails() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Walkthrough.run(Map.of("VIDESK_BASE_URL", "http://127.0.0.1:" + closedPort, "VIDESK_TOKEN", "t"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, out);
        assertTrue(out.contains("Videsk   FAILED: "), out);
        assertTrue(out.contains("Carbonio left, stopped and deleted the meeting"), "the others ran:\n" + out);
        assertTrue(out.contains("walkthrough FAILED (1)"), out);
    }

    @Test
    @Timeout(60)
    void serverModePrintsWhereItServesAndStopsWhenTold() throws Exception {
        Walkthrough.Options options = Walkthrough.Options.parse(new String[] {"--serve-for=4", "--port=0"});
        assertTrue(options.serve);
        PipedLines lines = new PipedLines();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() ->
                Walkthrough.serve(options, lines.stream(), new PrintStream(err, true, StandardCharsets.UTF_8)));
        String videskUrl = lines.await(Pattern.compile("export VIDESK_BASE_URL=(\\S+)"), Duration.ofSeconds(30));
        try (Videsk videsk = Videsk.builder().baseUrl(videskUrl).apiToken(RoomSdkSandbox.VIDESK_API_TOKEN).build()) {
            assertEquals(250, videsk.listRooms(RoomQuery.all()).stream().count());
        }
        assertEquals(0, serving.get(30, TimeUnit.SECONDS), lines.text() + err);
        assertTrue(lines.text().contains("stopping after 3 requests, 0 contract violations"), lines.text());
    }

    @Test
    void flagsAndPropertiesAreRead() {
        Walkthrough.Options plain = Walkthrough.Options.parse(new String[] {""});
        assertTrue(!plain.serve && plain.serveForSeconds == 0 && plain.port == null);
        Walkthrough.Options serve = Walkthrough.Options.parse(new String[] {"--serve", "--port=13000"});
        assertTrue(serve.serve && serve.port == 13000);
    }

    /** Collects what server mode prints, so the test can wait for a line. */
    private static final class PipedLines {
        private final StringBuffer text = new StringBuffer();

        PrintStream stream() {
            return new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    text.append((char) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    text.append(new String(b, off, len, StandardCharsets.UTF_8));
                }
            }, true, StandardCharsets.UTF_8);
        }

        String await(Pattern pattern, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Matcher m = pattern.matcher(text);
                if (m.find()) {
                    return m.group(1);
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no " + pattern + " in:\n" + text);
        }

        String text() {
            return text.toString();
        }
    }
}
