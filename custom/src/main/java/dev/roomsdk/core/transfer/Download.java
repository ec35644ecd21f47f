package dev.roomsdk.core.transfer;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.ErrorMapper;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.RoomSdkIoException;
import dev.roomsdk.core.error.RoomSdkTimeoutException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A successful binary response, not yet read: stream it to an {@link OutputStream}, save it
 * to a file atomically, or read it as an {@link InputStream}. Exactly one of those, once.
 * Memory use is constant whatever the size. Close it (try-with-resources) if you end up
 * reading none of it, to free the connection. Not thread-safe.
 *
 * <p>Failures are told apart by side. When the <em>response body</em> fails while it is read
 * (connection reset, body cut short, read or whole-call timeout), every way of reading it
 * throws the SDK's unchecked {@link RoomSdkTimeoutException} (a timeout) or
 * {@link RoomSdkIoException} (any other I/O failure), never a raw {@code IOException}; the
 * message names the operation ({@code GET /path}) and how many bytes arrived before the body
 * failed, and the cause is the original exception. A checked {@code IOException} from
 * {@link #writeTo} or {@link #saveTo} is always about the caller's side: the
 * {@code OutputStream} it passed, or the file system under the target path.
 */
public final class Download implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;
    /** Keeps the temporary name within the usual 255-byte limit whatever the target's name. */
    private static final int MAX_TEMP_PREFIX = 100;
    private static final int TEMP_NAME_ATTEMPTS = 10;
    private static final TempOpener NEW_FILE = path -> FileChannel.open(path, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);

    private final Response response;
    private final ResponseBody body;
    private final ProgressListener progress;
    private boolean used;

    /**
     * Wraps a successful {@code response}; the SDK's entry points build these. No I/O.
     *
     * @param response the response whose body is the download; not null, must have a body
     * @param progress told as the body is read; null for none
     * @throws InvalidRequestException if {@code response} is null or has no body
     */
    public Download(Response response, ProgressListener progress) {
        this.response = Checks.argumentNotNull(null, "response", response);
        this.body = Checks.argumentNotNull(null, "response body", response.body());
        this.progress = progress == null ? ProgressListener.NONE : progress;
    }

    /** {@return the response's content type, e.g. {@code image/png}, or empty when not sent} */
    public Optional<String> contentType() {
        return Optional.ofNullable(response.header("Content-Type"));
    }

    /** {@return the length the server announced, or -1 when unknown (chunked)} */
    public long contentLength() {
        return body.contentLength();
    }

    /**
     * The file name from {@code Content-Disposition}, when the server sent a usable one, read
     * per RFC 6266: {@code filename*} (RFC 8187, {@code UTF-8''R%C3%A9sum%C3%A9.pdf}) is
     * percent-decoded and preferred over {@code filename}; quoted names keep their {@code ;}
     * and lose their {@code \} escapes. Safe to resolve against a directory: only the last
     * path segment is kept (of {@code ../../x} or {@code C:\dir\x}, {@code x}), control
     * characters are dropped, and {@code .}, {@code ..} or an empty name give empty. No I/O.
     *
     * @return the safe file name, or empty
     */
    public Optional<String> fileName() {
        return ContentDisposition.fileName(response.header("Content-Disposition"));
    }

    /**
     * Copies the whole body to {@code out} (flushed by the caller, not closed); returns the
     * number of bytes. Blocking I/O on the calling thread.
     *
     * @param out where the bytes go; not null
     * @return the number of bytes copied
     * @throws IOException              only when {@code out} itself fails to take the bytes
     * @throws RoomSdkTimeoutException  when the body stalls past the read timeout or the call's
     *                                  whole-call timeout runs out while it is read
     * @throws RoomSdkIoException       when the body fails otherwise (reset, cut short)
     * @throws InvalidRequestException  when {@code out} is null, or this download was already read
     */
    public long writeTo(OutputStream out) throws IOException {
        Checks.argumentNotNull(null, "out", out);
        try (BodyStream in = claim()) {
            // whole okio segments from the body to the caller's stream: no byte-array hop, one progress report per chunk
            okio.Buffer chunk = new okio.Buffer();
            while (in.readChunk(chunk)) {
                chunk.writeTo(out);
            }
            return in.count;
        }
    }

    /**
     * Saves the body to {@code target}: written to a temporary file beside it, flushed to disk
     * ({@link FileChannel#force}), then moved into place (atomically where the file system can),
     * so a failure never leaves a partial file at {@code target} and leaves an existing one
     * untouched; the temporary file is removed on every failure. The saved file gets the
     * permissions a plain write would give it: those of the file it replaces, else the
     * defaults of the process (its umask, on POSIX), not the owner-only ones of a
     * {@link Files#createTempFile} file. Replaces an existing file. Blocking I/O.
     *
     * @param target the file to write; not null; its directory must exist
     * @return the number of bytes saved
     * @throws InvalidRequestException when {@code target} is null or names no file (e.g. a root), or
     *                                 this download was already read; nothing is written then
     * @throws IOException             only when the file system fails (directory missing or
     *                                 not writable, disk full, the move refused)
     * @throws RoomSdkTimeoutException when the body times out while it is read
     * @throws RoomSdkIoException      when the body fails otherwise
     */
    public long saveTo(Path target) throws IOException {
        return saveTo(target, NEW_FILE);
    }

    /** {@link #saveTo(Path)} creating its temporary file through {@code opener} (tests watch the channel). */
    long saveTo(Path target, TempOpener opener) throws IOException {
        Path absolute = Checks.argumentNotNull(null, "target", target).toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw Checks.invalidArgument(null, "target", "must name a file, not a root");
        }
        Set<PosixFilePermission> replaced = posixPermissions(absolute);
        Path temp = null;
        try {
            String prefix = "." + absolute.getFileName();
            prefix = prefix.length() > MAX_TEMP_PREFIX ? prefix.substring(0, MAX_TEMP_PREFIX) : prefix;
            FileChannel channel = null;
            for (int attempt = 1; channel == null; attempt++) {
                Path candidate = dir.resolve(prefix + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                        + ".part");
                try {
                    // opened like any new file, so it gets the umask's permissions, not createTempFile's 0600
                    channel = opener.open(candidate);
                    temp = candidate;
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= TEMP_NAME_ATTEMPTS) {
                        throw e;
                    }
                }
            }
            long n;
            try (FileChannel file = channel) {
                if (replaced != null) {
                    Files.setPosixFilePermissions(temp, replaced);
                }
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(file), CHUNK);
                n = writeTo(out);
                out.flush();
                // the rename may reach the disk before the data does; a crash would then leave
                // target empty or short, which the temp file exists to rule out
                file.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncDirectory(dir);
            return n;
        } catch (Throwable failure) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    failure.addSuppressed(e);
                }
            }
            throw failure;
        }
    }

    /**
     * The body as a stream the caller must close; progress is reported as it is read. Its
     * {@code read} methods throw the unchecked {@link RoomSdkTimeoutException} or
     * {@link RoomSdkIoException} when the body fails (see the class comment), not a checked
     * {@code IOException}, so code that reads it should catch those.
     *
     * @return the body's stream; closing it releases the connection
     * @throws InvalidRequestException when this download was already read
     */
    public InputStream inputStream() {
        return claim();
    }

    private BodyStream claim() {
        if (used) {
            throw Checks.invalidArgument(null, "download", "already read; a response body can be read once");
        }
        used = true;
        return new BodyStream(body.source());
    }

    @Override
    public void close() {
        response.close();
    }

    @Override
    public String toString() {
        return "Download{" + operation() + ", type=" + contentType().orElse("?") + ", length=" + contentLength() + "}";
    }

    private String operation() {
        return response.request().method() + " " + response.request().url().encodedPath();
    }

    /** The permissions of the file {@code target} would replace, or null when there is none or no POSIX view. */
    private static Set<PosixFilePermission> posixPermissions(Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view == null) {
            return null;
        }
        try {
            return view.readAttributes().permissions();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Makes the rename itself durable where the platform allows it (Linux, macOS). Best effort:
     * Windows cannot open a directory, and the file's data is already on disk either way.
     */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // nothing to do: see above
        }
    }

    /** Creates a file that must not exist yet and opens it for writing. */
    @FunctionalInterface
    interface TempOpener {
        FileChannel open(Path path) throws IOException;
    }

    /**
     * The response body, counting bytes, reporting progress and turning a failure of the
     * connection into the SDK's exception. Shared by the three ways of reading so they fail
     * alike.
     */
    private final class BodyStream extends InputStream {
        private final okio.BufferedSource source;
        private final InputStream in;
        private final ProgressReporter reporter = new ProgressReporter(progress, contentLength());
        private long count;
        private boolean finished;

        BodyStream(okio.BufferedSource source) {
            this.source = source;
            this.in = source.inputStream();
        }

        /** Moves up to {@link #CHUNK} bytes of the body into {@code chunk}; false at the end. */
        boolean readChunk(okio.Buffer chunk) {
            long n;
            try {
                n = source.read(chunk, CHUNK);
            } catch (IOException e) {
                throw failure(e);
            }
            if (n > 0) {
                count += n;
                reporter.add(n);
                return true;
            }
            if (!finished) {
                finished = true;
                reporter.finish();
            }
            return false;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            int n;
            try {
                n = in.read(buf, off, len);
            } catch (IOException e) {
                throw failure(e);
            }
            if (n > 0) {
                count += n;
                reporter.add(n);
            } else if (n == -1 && !finished) {
                finished = true;
                reporter.finish();
            }
            return n;
        }

        @Override
        public int available() {
            try {
                return in.available();
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // closing only gives the connection back (or drops it); whatever the body
                // delivered was already reported by read, so there is nothing to tell the caller
            }
        }

        private RoomSdkIoException failure(IOException e) {
            String operation = operation();
            long total = contentLength();
            String message = operation + ": the response body failed after " + count
                    + (total >= 0 ? " of " + total : "") + " bytes";
            // ErrorMapper is the one place that knows what a timeout looks like (socket, okio, whole call)
            if (ErrorMapper.transportFailure(operation, e) instanceof RoomSdkTimeoutException) {
                return new RoomSdkTimeoutException(message + ": timed out (" + describe(e) + ")", e);
            }
            return new RoomSdkIoException(message + " (" + describe(e) + ")", e);
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
