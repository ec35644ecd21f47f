package dev.roomsdk.core.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.testing.AdHocApi;
import dev.roomsdk.testing.StreamingServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Download#saveTo}: the permissions of a plain write, data on disk before the rename, nothing left behind. */
class DownloadSaveToTest {

    @TempDir
    Path dir;

    StreamingServer server;
    AdHocApi api;
    static final byte[] BODY = DownloadTest.PNG;

    @BeforeEach
    void start() throws IOException {
        server = new StreamingServer().handle("/ok", e -> {
            e.getResponseHeaders().add("Content-Type", "application/octet-stream");
            e.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = e.getResponseBody()) {
                out.write(BODY);
            }
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (api != null) {
            api.close();
        }
        server.close();
    }

    Download get() {
        if (api == null) {
            api = AdHocApi.withoutRetries(server.baseUrl(), HttpSettings.builder());
        }
        return api.download("/ok", null);
    }

    static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    List<String> filesIn() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void aNewFileGetsThePermissionsOfAPlainWrite() throws IOException {
        assumePosix();
        Path plain = Files.write(dir.resolve("plain.bin"), new byte[] {1});
        Path saved = dir.resolve("saved.bin");

        try (Download d = get()) {
            d.saveTo(saved);
        }

        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(PosixFilePermissions.toString(expected), PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)),
                "the process umask applies, not a temp file's owner-only mode");
        assertArrayEquals(BODY, Files.readAllBytes(saved));
    }

    @Test
    void aReplacedFileKeepsItsPermissionsAsAnOverwriteWould() throws IOException {
        assumePosix();
        Path target = Files.write(dir.resolve("shared.bin"), new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));

        try (Download d = get()) {
            assertEquals(BODY.length, d.saveTo(target));
        }

        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertArrayEquals(BODY, Files.readAllBytes(target));
        assertEquals(List.of("shared.bin"), filesIn());
    }

    @Test
    void theDataIsForcedToDiskBeforeTheRename() throws IOException {
        Path target = dir.resolve("durable.bin");
        List<String> events = new ArrayList<>();

        try (Download d = get()) {
            d.saveTo(target, path -> new Recording(FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), events, target));
        }

        assertEquals(List.of("force(true) size=" + BODY.length + " targetExists=false", "close"),
                events.stream().filter(e -> !e.startsWith("write")).collect(Collectors.toList()));
        assertTrue(events.indexOf("close") > 0 && events.get(0).startsWith("write"), events.toString());
        assertArrayEquals(BODY, Files.readAllBytes(target));
        assertEquals(List.of("durable.bin"), filesIn());
    }

    @Test
    void aFailingForceLeavesNeitherTargetNorTemporaryFile() throws IOException {
        Path target = dir.resolve("never.bin");
        IOException refused = new IOException("fsync refused");

        try (Download d = get()) {
            IOException e = assertThrows(IOException.class,
                    () -> d.saveTo(target, path -> new Recording(FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE), new ArrayList<>(), target) {
                        @Override
                        public void force(boolean metaData) throws IOException {
                            throw refused;
                        }
                    }));
            assertSame(refused, e);
        }

        assertFalse(Files.exists(target));
        assertEquals(List.of(), filesIn());
    }

    @Test
    void aTargetWithAVeryLongNameStillSaves() throws IOException {
        // 250 characters: a temporary name built from all of it would pass the usual 255-byte limit
        Path target = dir.resolve("a".repeat(246) + ".bin");

        try (Download d = get()) {
            assertEquals(BODY.length, d.saveTo(target));
        }

        assertArrayEquals(BODY, Files.readAllBytes(target));
        assertEquals(1, filesIn().size());
    }

    /** A file channel that logs writes, force and close; at force it notes the size and whether the target exists yet. */
    static class Recording extends FileChannel {
        private final FileChannel delegate;
        private final List<String> events;
        private final Path target;

        Recording(FileChannel delegate, List<String> events, Path target) {
            this.delegate = delegate;
            this.events = events;
            this.target = target;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            events.add("write");
            return delegate.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            events.add("write");
            return delegate.write(srcs, offset, length);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            events.add("write");
            return delegate.write(src, position);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            delegate.force(metaData);
            events.add("force(" + metaData + ") size=" + delegate.size() + " targetExists=" + Files.exists(target));
        }

        @Override
        protected void implCloseChannel() throws IOException {
            events.add("close");
            delegate.close();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return delegate.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return delegate.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return delegate.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            delegate.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return delegate.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return delegate.transferFrom(src, position, count);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return delegate.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return delegate.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return delegate.tryLock(position, size, shared);
        }
    }

    @Test
    void aTargetThatNamesNoFileIsRefusedBeforeAnythingIsWritten() throws IOException {
        try (Download d = get()) {
            InvalidRequestException none = assertThrows(InvalidRequestException.class, () -> d.saveTo(null));
            assertEquals(List.of("target: must not be null"), none.violations());
            Path root = dir.getRoot();
            InvalidRequestException atRoot = assertThrows(InvalidRequestException.class, () -> d.saveTo(root));
            assertEquals(List.of("target: must name a file, not a root"), atRoot.violations());
            assertEquals(List.of(), filesIn());

            assertEquals(BODY.length, d.saveTo(dir.resolve("after.bin")), "the refused calls did not consume the body");
        }
        assertEquals(List.of("after.bin"), filesIn());
    }
}
