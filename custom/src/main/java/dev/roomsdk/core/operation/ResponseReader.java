package dev.roomsdk.core.operation;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.roomsdk.core.error.ErrorMapper;
import dev.roomsdk.core.error.ResponseDecodeException;
import dev.roomsdk.core.error.RoomSdkException;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.core.transfer.ProgressListener;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Turns a response into the operation's result or the SDK's exception: an error status into
 * the typed service exception (reading at most what the exception keeps of the body), a
 * binary result into a {@link Download} left open for the caller, a JSON result decoded in
 * one pass from the stream. A 2xx whose body is empty, not JSON, JSON {@code null} or not
 * of the contract's shape is a {@link ResponseDecodeException} whose message never quotes the body.
 */
final class ResponseReader {

    /** At most this many bytes of an error body are read: enough for the characters an exception keeps. */
    private static final long MAX_ERROR_BYTES = 4L * ErrorMapper.MAX_BODY_CHARS;

    private ResponseReader() {
    }

    @SuppressWarnings("unchecked")
    static <T> ApiResponse<T> read(Operation op, Request request, Response response, Gson gson, ProgressListener progress) {
        int status = response.code();
        if (status < 200 || status > 299) {
            String body = errorBody(response);
            throw ErrorMapper.map(request, status, response.headers().toMultimap(), body, null);
        }
        switch (op.result) {
            case DOWNLOAD:
                return new ApiResponse<>(status, response.headers(), (T) new Download(response, progress));
            case JSON:
                return new ApiResponse<>(status, response.headers(), (T) json(op, request, response, gson));
            default:
                response.close();
                return new ApiResponse<>(status, response.headers(), null);
        }
    }

    private static Object json(Operation op, Request request, Response response, Gson gson) {
        try (ResponseBody body = response.body()) {
            MediaType type = body == null ? null : body.contentType();
            if (type == null && response.header("Content-Type") != null) {
                // present but no media type: nothing says this is JSON (the value is not quoted)
                throw decodeError(op, request, "a body whose Content-Type is no media type, where the contract says JSON");
            }
            if (type != null && !isJson(type)) {
                throw decodeError(op, request, "a " + type.type() + "/" + type.subtype() + " body where the contract says JSON");
            }
            if (body == null || body.contentLength() == 0) {
                throw decodeError(op, request, "an empty body where the contract requires " + describe(op));
            }
            Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
            JsonReader reader = new JsonReader(new java.io.InputStreamReader(body.byteStream(), charset));
            try {
                if (reader.peek() == JsonToken.END_DOCUMENT) {
                    throw decodeError(op, request, "an empty body where the contract requires " + describe(op));
                }
            } catch (EOFException empty) {
                throw decodeError(op, request, "an empty body where the contract requires " + describe(op));
            }
            Object value = adapter(op, gson).read(reader);
            if (value == null) {
                throw decodeError(op, request, "JSON null where the contract requires " + describe(op));
            }
            return value;
        } catch (RoomSdkException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // whatever the models' adapters throw (JsonParseException, IllegalStateException, ClassCastException,
            // UnsupportedOperationException, ...) is a body the contract does not describe
            throw ErrorMapper.decodeFailure(request, e);
        }
    }

    private static TypeAdapter<?> adapter(Operation op, Gson gson) {
        Operation.Adapter cached = op.adapter;
        if (cached == null || cached.gson != gson) {
            cached = new Operation.Adapter(gson, gson.getAdapter(com.google.gson.reflect.TypeToken.get(op.returnType)));
            op.adapter = cached;
        }
        return cached.adapter;
    }

    private static String describe(Operation op) {
        String name = op.returnType.getTypeName();
        int dot = name.lastIndexOf('.', name.indexOf('<') < 0 ? name.length() : name.indexOf('<'));
        return dot < 0 ? name : name.substring(dot + 1);
    }

    private static boolean isJson(MediaType type) {
        return type.subtype().equals("json") || type.subtype().endsWith("+json");
    }

    private static ResponseDecodeException decodeError(Operation op, Request request, String what) {
        return new ResponseDecodeException(request.method() + " " + request.url().encodedPath() + " (" + op.id
                + ") returned " + what, null);
    }

    /** The start of an error body, as text; never more than the exception keeps. */
    private static String errorBody(Response response) {
        try (ResponseBody body = response.body()) {
            if (body == null) {
                return "";
            }
            BufferedSource source = body.source();
            source.request(MAX_ERROR_BYTES);
            long n = Math.min(source.getBuffer().size(), MAX_ERROR_BYTES);
            MediaType type = body.contentType();
            Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
            return source.readString(n, charset);
        } catch (IOException e) {
            // the status is what matters; a body that broke off is reported empty
            return "";
        }
    }
}
