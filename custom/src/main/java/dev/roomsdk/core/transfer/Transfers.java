package dev.roomsdk.core.transfer;

import dev.roomsdk.core.error.ErrorMapper;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Glue between the generated clients and streaming bodies. The generated okhttp-gson code
 * uploads only a {@code java.io.File} (and reads it whole to compute auth) and downloads
 * into temp files; entry points instead build the request with the generated
 * {@code ...Call} method and use these to stream.
 */
public final class Transfers {

    private Transfers() {
    }

    /** {@code prepared} (method, URL, headers as generated) sending {@code body} instead. */
    public static Request withBody(Request prepared, RequestBody body) {
        Objects.requireNonNull(body, "body");
        Request.Builder b = prepared.newBuilder().method(prepared.method(), body);
        if (body.contentType() != null) {
            b.header("Content-Type", body.contentType().toString());
        }
        return b.build();
    }

    /**
     * A {@code multipart/form-data} body of one file part {@code partName} named
     * {@code fileName}, streaming from {@code part} (its content type becomes the part's).
     * It knows its length when the part does, and is one-shot when the part is: OkHttp's
     * own multipart body never says so, and then the 401 resend and retries would try to
     * replay a stream that is gone.
     */
    public static RequestBody multipartFile(String partName, String fileName, RequestBody part) {
        Objects.requireNonNull(part, "part");
        MultipartBody multipart = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart(partName, fileName, part).build();
        if (!part.isOneShot()) {
            return multipart;
        }
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return multipart.contentType();
            }

            @Override
            public long contentLength() throws IOException {
                return multipart.contentLength();
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                multipart.writeTo(sink);
            }
        };
    }

    /**
     * Sends {@code request} and returns its body as a {@link Download}, unread. A non-2xx
     * answer or a transport failure becomes the SDK's exception; nothing is left open.
     */
    public static Download download(OkHttpClient http, Request request, ProgressListener progress) {
        Call call = http.newCall(request);
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw ErrorMapper.map(request, 0, null, null, e);
        }
        if (!response.isSuccessful()) {
            try (Response failed = response) {
                String body;
                try {
                    body = failed.peekBody(ErrorMapper.MAX_BODY_CHARS).string();
                } catch (IOException e) {
                    body = "";
                }
                throw ErrorMapper.map(request, failed.code(), failed.headers().toMultimap(), body, null);
            }
        }
        return new Download(response, progress);
    }
}
