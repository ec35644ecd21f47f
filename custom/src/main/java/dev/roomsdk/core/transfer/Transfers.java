package dev.roomsdk.core.transfer;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidRequestException;
import java.io.IOException;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Streaming request bodies as the contracts send them (raw under the contract's media type,
 * multipart form data) and the release of one-shot streams once a call has ended. Used by
 * the SDK's runtime; stateless and thread-safe.
 */
public final class Transfers {

    private static final MediaType PLAIN_TEXT = MediaType.get("text/plain; charset=utf-8");
    private static final int MAX_WRAPPING = 16;

    private Transfers() {
    }

    /**
     * Releases what the body of {@code request} holds, now that its call has ended: closes
     * every one-shot {@link TransferBody#of(java.io.InputStream, long, String, String) stream}
     * in it that is not closed yet, looking through this class's own wrappers
     * ({@link #sentAs}, {@link #formData}) and the parts of any
     * {@link MultipartBody}. The runtime that executes an upload calls it once the call is
     * over, successful or not (after {@code execute} returns or throws; in an async callback's
     * {@code onResponse} or {@code onFailure}): a body OkHttp never wrote, because no
     * connection could be made or the call was cancelled first, is closed only here. Calling
     * it while the call may still write its body would cut the upload short. Idempotent,
     * thread-safe, no network I/O, never throws; a request without a body is left alone.
     *
     * @param request the ended call's request; null is ignored
     */
    public static void release(Request request) {
        if (request != null) {
            release(request.body());
        }
    }

    /**
     * {@link #release(Request)} for a body on its own: for a runtime that only holds the body,
     * or that wrapped it in a {@code RequestBody} of its own, which this method cannot see
     * through (release the {@link TransferBody} itself then). A null body is left alone.
     *
     * @param body the ended call's body; null is ignored
     */
    public static void release(RequestBody body) {
        release(body, 0);
    }

    private static void release(RequestBody body, int depth) {
        // wrappers nest two or three deep; the bound only guards against a pathological chain
        if (body == null || depth > MAX_WRAPPING) {
            return;
        }
        if (body instanceof TransferBody) {
            ((TransferBody) body).release();
        } else if (body instanceof Forwarding) {
            release(((Forwarding) body).delegate, depth + 1);
        } else if (body instanceof MultipartBody) {
            for (MultipartBody.Part part : ((MultipartBody) body).parts()) {
                release(part.body(), depth + 1);
            }
        }
    }

    /**
     * {@code body}'s bytes sent as {@code contentType}: for APIs that want a raw upload as
     * {@code application/octet-stream} and carry the file's own type elsewhere (a header).
     * Length, one-shot-ness and progress are {@code body}'s.
     *
     * @param body the upload; not null
     * @param contentType the media type to send, e.g. {@code application/octet-stream}
     * @return a body forwarding to {@code body}
     * @throws InvalidRequestException if {@code body} is null or {@code contentType} is not a media type
     */
    public static RequestBody sentAs(TransferBody body, String contentType) {
        Checks.argumentNotNull(null, "body", body);
        return new Forwarding(body, TransferBody.media("contentType", contentType));
    }

    /**
     * A {@code multipart/form-data} body: {@code file} (when not null) as part {@code fileField}
     * (with its file name and content type), then each of {@code textFields} as a
     * {@code text/plain; charset=utf-8} part, in the map's order; null values are left out.
     * It streams like {@code file} and is one-shot
     * when {@code file} is (OkHttp's own multipart body never says so, which would let a
     * retry re-read a consumed stream).
     *
     * @param fileField the file part's form name
     * @param file the upload, or null for a form of text fields only
     * @param textFields other form fields, by name; not null
     * @return the multipart body
     * @throws InvalidRequestException if {@code textFields} is null, or {@code fileField} is while {@code file} is not
     */
    public static RequestBody formData(String fileField, TransferBody file, Map<String, String> textFields) {
        MultipartBody.Builder b = new MultipartBody.Builder().setType(MultipartBody.FORM);
        if (file != null) {
            b.addFormDataPart(Checks.argumentNotNull(null, "fileField", fileField), file.fileName(), file);
        }
        Checks.argumentNotNull(null, "textFields", textFields).forEach((name, value) -> {
            if (value != null) {
                b.addFormDataPart(name, null, RequestBody.create(value, PLAIN_TEXT));
            }
        });
        MultipartBody multipart = b.build();
        if (file == null) {
            return multipart;
        }
        return new Forwarding(multipart, multipart.contentType()) {
            @Override
            public boolean isOneShot() {
                return file.isOneShot();
            }
        };
    }

    /** Forwards to another body, under a content type of its own. */
    private static class Forwarding extends RequestBody {
        private final RequestBody delegate;
        private final MediaType type;

        Forwarding(RequestBody delegate, MediaType type) {
            this.delegate = delegate;
            this.type = type;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() throws IOException {
            return delegate.contentLength();
        }

        @Override
        public boolean isOneShot() {
            return delegate.isOneShot();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            delegate.writeTo(sink);
        }

        @Override
        public String toString() {
            return delegate + " as " + type;
        }
    }
}
