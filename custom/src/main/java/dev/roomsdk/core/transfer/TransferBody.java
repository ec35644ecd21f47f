package dev.roomsdk.core.transfer;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * An upload body that streams from a file, a byte array or an input stream in constant
 * memory, with a file name, a content type and optional progress. A file or byte array can
 * be sent again (retries, the 401 resend); a plain stream is one-shot
 * ({@link #isOneShot()}), so the SDK never replays it. Immutable apart from a one-shot
 * stream's consumption; {@link #withProgress} returns a copy.
 *
 * <p>A one-shot stream is closed exactly once, on every path: by {@link #writeTo} when the
 * upload has been written (or failed while writing), and otherwise by
 * {@link Transfers#release(okhttp3.Request)}, which the SDK's runtime calls when the call has
 * ended, so a stream whose call never reached {@code writeTo} (no connection could be made,
 * the call was refused or cancelled first) is closed too.
 */
public abstract class TransferBody extends RequestBody {

    private static final int CHUNK = 64 * 1024;

    final String fileName;
    final MediaType contentType;
    final ProgressListener progress;

    TransferBody(String fileName, MediaType contentType, ProgressListener progress) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.progress = progress;
    }

    /**
     * The file at {@code path}; name from the path, type guessed from its name (else octet-stream).
     * Read when the upload is sent, so it can be replayed on a retry.
     *
     * @param path a readable regular file; not null
     * @return the upload body
     * @throws InvalidRequestException if {@code path} is null or not a readable regular file
     */
    public static TransferBody of(Path path) {
        String name = requireFile(path).getFileName().toString();
        return new FileBody(path, name, guess(name), ProgressListener.NONE);
    }

    /**
     * The file at {@code path}, with the file name and content type given.
     *
     * @param path a readable regular file; not null
     * @param fileName the name the upload is sent as; not null or empty
     * @param contentType a media type, e.g. {@code image/png}; not null
     * @return the upload body
     * @throws InvalidRequestException if {@code path} is null or not a readable regular file, or a
     *         name or type is missing or malformed
     */
    public static TransferBody of(Path path, String fileName, String contentType) {
        return new FileBody(requireFile(path), requireName(fileName), media("contentType", contentType), ProgressListener.NONE);
    }

    /**
     * {@code bytes} (not copied: do not change them while the upload runs).
     *
     * @param bytes the content; not null
     * @param fileName the name the upload is sent as; not null or empty
     * @param contentType a media type, e.g. {@code image/png}; not null
     * @return the upload body
     * @throws InvalidRequestException if {@code bytes} is null, or a name or type is missing or malformed
     */
    public static TransferBody of(byte[] bytes, String fileName, String contentType) {
        Checks.argumentNotNull(null, "bytes", bytes);
        return new BytesBody(bytes, requireName(fileName), media("contentType", contentType), ProgressListener.NONE);
    }

    /**
     * A one-shot stream of {@code length} bytes, or -1 when unknown (sent chunked). The
     * stream is read once, never replayed, and closed when the upload ends, whether it was
     * sent or not (see the class comment); the caller hands it over and need not close it.
     *
     * @param stream the content; not null
     * @param length the number of bytes, or -1 when unknown
     * @param fileName the name the upload is sent as; not null or empty
     * @param contentType a media type, e.g. {@code image/png}; not null
     * @return a one-shot upload body
     * @throws InvalidRequestException if {@code stream} is null, {@code length} is less than -1, or
     *         a name or type is missing or malformed
     */
    public static TransferBody of(InputStream stream, long length, String fileName, String contentType) {
        Checks.argumentNotNull(null, "stream", stream);
        if (length < -1) {
            throw Checks.invalidArgument(null, "length", "must be -1 (unknown) or at least 0, got " + length);
        }
        return new StreamBody(stream, length, requireName(fileName), media("contentType", contentType), ProgressListener.NONE,
                new StreamState());
    }

    /**
     * A copy that reports progress to {@code listener}.
     *
     * @param listener told as bytes are written; not null
     * @return the copy; a one-shot stream body shares its stream with this one
     * @throws InvalidRequestException if {@code listener} is null
     */
    public abstract TransferBody withProgress(ProgressListener listener);

    /**
     * This body, failing its upload with the exception {@code tooLarge} makes once more than
     * {@code maxBytes} have been written: for limits a stream of unknown length can only be
     * held to while it is sent. A body of known length is returned as it is (check it first).
     *
     * @param maxBytes the most bytes allowed
     * @param tooLarge makes the exception the upload fails with; not null
     * @return this body, or a limited wrapper of it
     * @throws InvalidRequestException if {@code tooLarge} is null
     */
    public TransferBody limitedTo(long maxBytes, java.util.function.Supplier<IOException> tooLarge) {
        Checks.argumentNotNull(null, "tooLarge", tooLarge);
        try {
            if (contentLength() >= 0) {
                return this;
            }
        } catch (IOException e) {
            // an unreadable length is treated as unknown: the limit then holds while sending
        }
        return new LimitedBody(this, maxBytes, tooLarge);
    }

    /** {@return the file name the upload is sent as} */
    public String fileName() {
        return fileName;
    }

    @Override
    public MediaType contentType() {
        return contentType;
    }

    /**
     * Gives back what the body holds once its call has ended: closes a one-shot stream not
     * closed yet (once, whichever copy made by {@link #withProgress} it is called on); a file
     * or byte array holds nothing. Idempotent, thread-safe, never throws. Reached through
     * {@link Transfers#release(okhttp3.RequestBody)}.
     */
    void release() {
    }

    /** Copies {@code in} to {@code sink} in chunks, counting; fails if the length was promised and not kept. */
    static void copy(InputStream in, BufferedSink sink, long expected, ProgressListener listener) throws IOException {
        ProgressReporter reporter = new ProgressReporter(listener, expected);
        byte[] buffer = new byte[CHUNK];
        for (int n; (n = in.read(buffer)) != -1; ) {
            if (expected >= 0 && reporter.done() + n > expected) {
                throw new IOException("upload source is longer than its declared length of " + expected + " bytes");
            }
            sink.write(buffer, 0, n);
            reporter.add(n);
        }
        if (expected >= 0 && reporter.done() != expected) {
            throw new IOException("upload source ended after " + reporter.done() + " of " + expected + " declared bytes");
        }
        reporter.finish();
    }

    // the path is not shown: a caller's path can name a user or a customer
    private static Path requireFile(Path path) {
        if (!Files.isRegularFile(Checks.argumentNotNull(null, "path", path)) || !Files.isReadable(path)) {
            throw Checks.invalidArgument(null, "path", "must be a readable regular file");
        }
        return path;
    }

    private static String requireName(String fileName) {
        return Checks.argumentNotEmpty(null, "fileName", fileName);
    }

    /** {@code contentType} parsed, else an error naming {@code field} without quoting the value. */
    static MediaType media(String field, String contentType) {
        MediaType type = MediaType.parse(Checks.argumentNotNull(null, field, contentType));
        if (type == null) {
            throw Checks.invalidArgument(null, field, "must be a media type such as image/png");
        }
        return type;
    }

    private static MediaType guess(String name) {
        String guessed = URLConnection.guessContentTypeFromName(name);
        if (guessed == null) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            guessed = lower.endsWith(".mp4") ? "video/mp4" : lower.endsWith(".mov") ? "video/quicktime"
                    : lower.endsWith(".pdf") ? "application/pdf" : "application/octet-stream";
        }
        return MediaType.get(guessed);
    }

    private static final class FileBody extends TransferBody {
        private final Path path;

        FileBody(Path path, String fileName, MediaType type, ProgressListener progress) {
            super(fileName, type, progress);
            this.path = path;
        }

        @Override
        public long contentLength() throws IOException {
            return Files.size(path);
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try (InputStream in = Files.newInputStream(path)) {
                copy(in, sink, contentLength(), progress);
            }
        }

        @Override
        public TransferBody withProgress(ProgressListener listener) {
            return new FileBody(path, fileName, contentType, Checks.argumentNotNull(null, "listener", listener));
        }

        @Override
        public String toString() {
            return "TransferBody{file=" + path + ", name=" + fileName + ", type=" + contentType + "}";
        }
    }

    private static final class BytesBody extends TransferBody {
        private final byte[] bytes;

        BytesBody(byte[] bytes, String fileName, MediaType type, ProgressListener progress) {
            super(fileName, type, progress);
            this.bytes = bytes;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            copy(new java.io.ByteArrayInputStream(bytes), sink, bytes.length, progress);
        }

        @Override
        public TransferBody withProgress(ProgressListener listener) {
            return new BytesBody(bytes, fileName, contentType, Checks.argumentNotNull(null, "listener", listener));
        }

        @Override
        public String toString() {
            return "TransferBody{bytes=" + bytes.length + ", name=" + fileName + ", type=" + contentType + "}";
        }
    }

    /** What the copies of one stream body share: whether it was sent, and whether the stream was closed. */
    private static final class StreamState {
        final AtomicBoolean consumed = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();
    }

    private static final class StreamBody extends TransferBody {
        private final InputStream stream;
        private final long length;
        private final StreamState state;

        StreamBody(InputStream stream, long length, String fileName, MediaType type, ProgressListener progress,
                   StreamState state) {
            super(fileName, type, progress);
            this.stream = stream;
            this.length = length;
            this.state = state;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            if (!state.consumed.compareAndSet(false, true)) {
                throw new IOException("this upload streams from an InputStream, which was already sent once and cannot be replayed");
            }
            if (state.closed.get()) {
                throw new IOException("this upload streams from an InputStream that was released (its call had ended) "
                        + "before it was sent");
            }
            try {
                copy(stream, sink, length, progress);
            } catch (Throwable failure) {
                try {
                    closeOnce();
                } catch (IOException e) {
                    failure.addSuppressed(e);
                }
                throw failure;
            }
            closeOnce();
        }

        @Override
        void release() {
            try {
                closeOnce();
            } catch (IOException | RuntimeException e) {
                // the call is over and its outcome already decided; a failing close of the
                // caller's own stream must not replace it
            }
        }

        /** Closes the stream unless this body or a copy of it already did. */
        private void closeOnce() throws IOException {
            if (state.closed.compareAndSet(false, true)) {
                stream.close();
            }
        }

        @Override
        public TransferBody withProgress(ProgressListener listener) {
            return new StreamBody(stream, length, fileName, contentType, Checks.argumentNotNull(null, "listener", listener),
                    state);
        }

        @Override
        public String toString() {
            return "TransferBody{stream, length=" + length + ", name=" + fileName + ", type=" + contentType + "}";
        }
    }

    /** Another body, cut off with an error once past a byte limit. */
    private static final class LimitedBody extends TransferBody {
        private final TransferBody body;
        private final long maxBytes;
        private final java.util.function.Supplier<IOException> tooLarge;

        LimitedBody(TransferBody body, long maxBytes, java.util.function.Supplier<IOException> tooLarge) {
            super(body.fileName, body.contentType, body.progress);
            this.body = body;
            this.maxBytes = maxBytes;
            this.tooLarge = tooLarge;
        }

        @Override
        public long contentLength() throws IOException {
            return body.contentLength();
        }

        @Override
        public boolean isOneShot() {
            return body.isOneShot();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            BufferedSink limited = okio.Okio.buffer(new okio.ForwardingSink(sink) {
                private long written;

                @Override
                public void write(okio.Buffer source, long byteCount) throws IOException {
                    written += byteCount;
                    if (written > maxBytes) {
                        throw tooLarge.get();
                    }
                    super.write(source, byteCount);
                }
            });
            body.writeTo(limited);
            // hand the tail to the real sink without closing it: OkHttp owns that
            limited.emit();
        }

        @Override
        void release() {
            body.release();
        }

        @Override
        public TransferBody withProgress(ProgressListener listener) {
            return new LimitedBody(body.withProgress(listener), maxBytes, tooLarge);
        }

        @Override
        public String toString() {
            return body + " (at most " + maxBytes + " bytes)";
        }
    }
}
