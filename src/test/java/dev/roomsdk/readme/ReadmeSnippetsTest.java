package dev.roomsdk.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.roomsdk.sandbox.RoomSdkSandbox;
import dev.roomsdk.sandbox.SampleFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block of README.md is compiled by the build: it must be, line for line (leading
 * indentation and blank lines aside), the text of a {@code // README: name} ... {@code // END}
 * region of a source file of this package, its {@code import} lines among that file's imports;
 * and every region must be in the README. The snippets that can run, run here against the sandbox.
 */
class ReadmeSnippetsTest {

    static final Path README = Path.of("README.md");
    static final Path SNIPPETS = Path.of("src/test/java/dev/roomsdk/readme");
    static final Pattern JAVA_BLOCK = Pattern.compile("^```java\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);
    static final Pattern REGION = Pattern.compile("^[ \\t]*// README: ([a-z0-9.-]+)[ \\t]*\\n(.*?)^[ \\t]*// END[ \\t]*$",
            Pattern.MULTILINE | Pattern.DOTALL);

    static RoomSdkSandbox sandbox;

    /** A compiled region: its code lines (trimmed, no blanks, no imports) and the imports of its file. */
    record Region(String name, Path file, List<String> code, List<String> fileImports) {
    }

    @BeforeAll
    static void startSandbox() {
        sandbox = RoomSdkSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static List<String> code(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("import ")).collect(Collectors.toList());
    }

    static List<String> imports(String text) {
        return text.lines().map(String::strip).filter(l -> l.startsWith("import ")).collect(Collectors.toList());
    }

    static List<String> readmeBlocks() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(readme);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    static Map<String, Region> regions() throws IOException {
        Map<String, Region> regions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SNIPPETS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                if (file.getFileName().toString().equals("ReadmeSnippetsTest.java")) {
                    continue;
                }
                Matcher m = REGION.matcher(source);
                while (m.find()) {
                    Region previous = regions.put(m.group(1), new Region(m.group(1), file, code(m.group(2)), imports(source)));
                    assertTrue(previous == null, "two regions named " + m.group(1));
                }
            }
        }
        return regions;
    }

    @Test
    void everyJavaBlockOfTheReadmeIsCompiledByTheBuild() throws IOException {
        List<String> blocks = readmeBlocks();
        assertTrue(blocks.size() >= 10, "README.md has " + blocks.size() + " java blocks");
        Map<String, Region> regions = regions();
        for (String block : blocks) {
            List<String> code = code(block);
            Region region = regions.values().stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
            if (region == null) {
                fail("this README snippet is not the text of any // README: region in " + SNIPPETS
                        + ", so the build does not compile it:\n" + block);
            }
            for (String imported : imports(block)) {
                assertTrue(region.fileImports().contains(imported), "README snippet " + region.name() + " shows '" + imported
                        + "', which " + region.file() + " does not import");
            }
        }
    }

    @Test
    void everyCompiledSnippetIsInTheReadme() throws IOException {
        List<List<String>> blocks = readmeBlocks().stream().map(ReadmeSnippetsTest::code).collect(Collectors.toList());
        for (Region region : regions().values()) {
            assertFalse(region.code().isEmpty(), region.name() + " is empty");
            assertTrue(blocks.contains(region.code()), "region " + region.name() + " of " + region.file()
                    + " is not (or no longer) a README snippet");
        }
    }

    // ---- the snippets that can run, against the sandbox ------------------------------------------

    @Test
    void videskSnippetsRun() {
        ReadmeVideskSnippets.quickstart(sandbox.videskBaseUrl(), RoomSdkSandbox.VIDESK_API_TOKEN);
        ReadmeVideskSnippets.pagination(sandbox.videsk());
        ReadmeVideskSnippets.retries(sandbox.videskBaseUrl(), RoomSdkSandbox.VIDESK_API_TOKEN);
        ReadmeVideskSnippets.errors(sandbox.videsk(), "no-such-room");
        ReadmeVideskSnippets.errors(sandbox.videsk(), sandbox.videsk().listRooms(dev.roomsdk.videsk.RoomQuery.all())
                .firstPage().items().get(0).getId());
        sandbox.assertNoViolations();
    }

    @Test
    void zoomSnippetsRun(@TempDir Path dir) throws IOException {
        String roomId = sandbox.zoom().listRooms(dev.roomsdk.zoom.ZoomRoomQuery.all()).firstPage().items().get(0).getId();
        ReadmeZoomSnippets.callShape(sandbox.zoom(), roomId);
        ReadmeZoomSnippets.pagination(sandbox.zoom());
        Path picture = dir.resolve("background.png");
        Files.write(picture, SampleFiles.png(320, 200, 7));
        ReadmeZoomSnippets.upload(sandbox.zoom(), picture);
        // building the providers sends nothing
        ReadmeZoomSnippets.credentials(RoomSdkSandbox.ZOOM_ACCOUNT_ID, RoomSdkSandbox.ZOOM_CLIENT_ID,
                RoomSdkSandbox.ZOOM_CLIENT_SECRET, "stored-refresh-token", token -> { });
        sandbox.assertNoViolations();
    }

    @Test
    void carbonioSnippetsRun(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report.pdf");
        Path copy = dir.resolve("copy.pdf");
        Files.write(report, "%PDF-1.4 figures".getBytes(StandardCharsets.US_ASCII));
        ReadmeCarbonioSnippets.quickstart(sandbox.carbonioBaseUrl(), () -> RoomSdkSandbox.CARBONIO_AUTH_TOKEN,
                RoomSdkSandbox.CARBONIO_QUEUE_ID, report, copy);
        assertEquals(Files.size(report), Files.size(copy));
        UUID fileId = sandbox.carbonio().listAttachments(sandbox.carbonioAttachmentRoomId()).firstPage().items().get(0).getId();
        ReadmeCarbonioSnippets.downloads(sandbox.carbonio(), fileId);
        sandbox.assertNoViolations();
    }
}
