package dev.roomsdk.core.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A successful binary response, not yet read: stream it to an {@link OutputStream}, save it
 * to a file atomically, or read it as an {@link InputStream}. Exactly one of those, once.
 * Memory use is constant whatever the size. Close it (try-with-resources) if you end up
 * reading none of it, to free the connection. Not thread-safe.
 */
public final class Download implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;
    private static final Pattern FILENAME = Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private final Response response;
    private final ResponseBody body;
    private final ProgressListener progress;
    private boolean used;

    /** Wraps a successful {@code response}; the SDK's entry points build these. */
    public Download(Response response, ProgressListener progress) {
        this.response = Objects.requireNonNull(response, "response");
        this.body = Objects.requireNonNull(response.body(), "response has no body");
        this.progress = progress == null ? ProgressListener.NONE : progress;
    }

    /** The response's content type, e.g. {@code image/png}. */
    public Optional<String> contentType() {
        return Optional.ofNullable(response.header("Content-Type"));
    }

    /** The length the server announced, or -1 when unknown (chunked). */
    public long contentLength() {
        return body.contentLength();
    }

    /** The file name from {@code Content-Disposition}, when the server sent one. */
    public Optional<String> fileName() {
        String disposition = response.header("Content-Disposition");
        if (disposition == null) {
            return Optional.empty();
        }
        Matcher m = FILENAME.matcher(disposition);
        return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }

    /** Copies the whole body to {@code out} (not closed); returns the number of bytes. */
    public long writeTo(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        try (InputStream in = claim()) {
            ProgressReporter reporter = new ProgressReporter(progress, contentLength());
            byte[] buffer = new byte[CHUNK];
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
                reporter.add(n);
            }
            reporter.finish();
            return reporter.done();
        }
    }

    /**
     * Saves the body to {@code target}: written to a temporary file beside it and moved into
     * place only when complete, so a failure never leaves a partial file at {@code target}.
     * Replaces an existing file. Returns the number of bytes.
     */
    public long saveTo(Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            long n;
            try (OutputStream out = Files.newOutputStream(temp)) {
                n = writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return n;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The body as a stream the caller must close; progress is reported as it is read. */
    public InputStream inputStream() {
        InputStream in = claim();
        ProgressReporter reporter = new ProgressReporter(progress, contentLength());
        return new FilterInputStream(in) {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b == -1 ? -1 : 1);
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                count(n);
                return n;
            }

            private void count(int n) {
                if (n > 0) {
                    reporter.add(n);
                } else if (n == -1 && !finished) {
                    finished = true;
                    reporter.finish();
                }
            }
        };
    }

    private InputStream claim() {
        if (used) {
            throw new IllegalStateException("this download was already read; a response body can be read once");
        }
        used = true;
        return body.byteStream();
    }

    @Override
    public void close() {
        response.close();
    }

    @Override
    public String toString() {
        return "Download{" + response.request().method() + " " + response.request().url().encodedPath()
                + ", type=" + contentType().orElse("?") + ", length=" + contentLength() + "}";
    }

}
