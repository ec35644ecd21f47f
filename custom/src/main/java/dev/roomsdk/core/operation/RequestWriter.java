package dev.roomsdk.core.operation;

import com.google.gson.Gson;
import dev.roomsdk.core.auth.Anonymous;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.MissingCredentialsException;
import dev.roomsdk.core.error.OperationVersionException;
import dev.roomsdk.core.http.BufferedResponse;
import dev.roomsdk.core.http.Idempotent;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.core.transfer.Transfers;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Turns an operation and the values of one call into the OkHttp request: client defaults and
 * body-derived values filled in, every value checked against the contract (all violations at
 * once), then the URL, headers and body written in the contract's styles. Nothing here does
 * I/O; one request is built per call.
 */
final class RequestWriter {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

    private RequestWriter() {
    }

    static Request write(OperationRuntime runtime, Operation op, Object[] values) {
        ContractVersion speaks = runtime.speaks;
        if (speaks != null && !speaks.version().equals(op.contractVersion)) {
            throw new OperationVersionException(op.label, op.id, speaks.api(), op.contractVersion, speaks.version(),
                    speaks.howToChoose());
        }
        Parameter[] params = op.parameters;
        Object body = op.bodyIndex < 0 ? null : values[op.bodyIndex];
        List<String> violations = new ArrayList<>(0);
        for (int i = 0; i < params.length; i++) {
            Parameter p = params[i];
            if (values[i] == null && p.clientDefault != null) {
                values[i] = runtime.clientDefault(p.clientDefault);
            }
            if (p.fromBody == Parameter.FromBody.CONTENT_LENGTH) {
                values[i] = lengthOf(body);
            }
            if (p.unicodeEscaped && values[i] instanceof String) {
                values[i] = Wire.unicodeEscape((String) values[i]);
            }
            p.check(values[i], violations);
            if (p.location == Parameter.Location.BODY && !(values[i] instanceof RequestBody)) {
                ModelConstraints.check(values[i], "", violations);
            }
        }
        if (body != null) {
            for (Operation.ItemsRule rule : op.itemsRules) {
                rule.check(body, violations);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(op.label, violations);
        }
        if (!op.anonymous && runtime.missingCredentials != null) {
            throw new MissingCredentialsException(op.label + " needs credentials, but " + runtime.missingCredentials);
        }

        HttpUrl.Builder url = runtime.baseUrl.newBuilder().encodedPath(path(runtime.basePath, op, values));
        Request.Builder request = new Request.Builder();
        StringBuilder cookies = null;
        for (int i = 0; i < params.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Parameter p = params[i];
            switch (p.location) {
                case QUERY:
                    addQuery(url, p, v);
                    break;
                case HEADER:
                    request.header(p.name, joined(v));
                    break;
                case COOKIE:
                    cookies = (cookies == null ? new StringBuilder() : cookies.append("; ")).append(p.name).append('=')
                            .append(joined(v));
                    break;
                default:
                    break;
            }
        }
        if (cookies != null) {
            request.header("Cookie", cookies.toString());
        }
        request.header("User-Agent", runtime.userAgent);
        if (op.accept != null) {
            request.header("Accept", op.accept);
        }
        if (op.result == Operation.Result.DOWNLOAD) {
            // OkHttp drops the length of a body it unzips, and files rarely shrink anyway
            request.header("Accept-Encoding", "identity");
        }
        RequestBody requestBody = body(runtime.gson, op, values, body);
        if (requestBody == null && op.emptyBodyType != null) {
            requestBody = RequestBody.create(new byte[0], op.emptyBodyType);
        } else if (requestBody == null && (op.method.equals("POST") || op.method.equals("PUT") || op.method.equals("PATCH"))) {
            requestBody = EMPTY;
        }
        request.url(url.build()).method(op.method, requestBody).tag(Operation.class, op);
        if (runtime.options != null) {
            request.tag(RequestOptions.class, runtime.options);
        }
        if (op.mayRetry(body)) {
            request.tag(Idempotent.class, Idempotent.YES);
            if (op.result == Operation.Result.JSON) {
                request.tag(BufferedResponse.class, BufferedResponse.YES);
            }
        }
        if (op.anonymous) {
            request.tag(Anonymous.class, Anonymous.YES);
        }
        return request.build();
    }

    private static Long lengthOf(Object body) {
        try {
            long n = body instanceof RequestBody ? ((RequestBody) body).contentLength() : -1;
            return n < 0 ? null : n;
        } catch (IOException e) {
            return null;
        }
    }

    private static String path(String basePath, Operation op, Object[] values) {
        StringBuilder path = new StringBuilder(basePath.length() + op.pathTemplate.length() + 40).append(basePath);
        for (Object piece : op.pathPieces) {
            if (piece instanceof String) {
                path.append((String) piece);
            } else {
                Wire.appendSegment(path, Wire.text(values[(Integer) piece]));
            }
        }
        return path.toString();
    }

    private static void addQuery(HttpUrl.Builder url, Parameter p, Object v) {
        if (v instanceof Map && p.deepObject) {
            ((Map<?, ?>) v).forEach((k, item) -> url.addQueryParameter(p.name + "[" + k + "]", Wire.text(item)));
        } else if (v instanceof Collection && !p.commaSeparated) {
            for (Object item : (Collection<?>) v) {
                url.addQueryParameter(p.name, Wire.text(item));
            }
        } else {
            url.addQueryParameter(p.name, joined(v));
        }
    }

    private static String joined(Object v) {
        if (!(v instanceof Collection)) {
            return Wire.text(v);
        }
        StringBuilder b = new StringBuilder();
        for (Object item : (Collection<?>) v) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(Wire.text(item));
        }
        return b.toString();
    }

    private static RequestBody body(Gson gson, Operation op, Object[] values, Object body) {
        if (op.multipart || op.formUrlEncoded) {
            return form(op, values);
        }
        if (body == null) {
            return null;
        }
        if (body instanceof TransferBody) {
            // raw uploads go as the contract's media type; the file's own type travels elsewhere
            return op.bodyType == null ? (TransferBody) body : Transfers.sentAs((TransferBody) body, op.bodyType.toString());
        }
        return json(gson, body, op.bodyType == null ? JSON : op.bodyType);
    }

    /** JSON bodies are small models: written once into memory, so the body has a length and can be resent. */
    private static RequestBody json(Gson gson, Object body, MediaType type) {
        Buffer buffer = new Buffer();
        try (Writer writer = new OutputStreamWriter(buffer.outputStream(), StandardCharsets.UTF_8)) {
            gson.toJson(body, body.getClass(), writer);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return RequestBody.create(buffer.readByteString(), type);
    }

    private static RequestBody form(Operation op, Object[] values) {
        String fileField = null;
        TransferBody file = null;
        Map<String, String> text = new LinkedHashMap<>();
        for (int i = 0; i < op.parameters.length; i++) {
            Parameter p = op.parameters[i];
            if (p.location != Parameter.Location.FORM || values[i] == null) {
                continue;
            }
            if (values[i] instanceof TransferBody) {
                fileField = p.name;
                file = (TransferBody) values[i];
            } else {
                text.put(p.name, joined(values[i]));
            }
        }
        if (op.formUrlEncoded) {
            FormBody.Builder b = new FormBody.Builder(StandardCharsets.UTF_8);
            text.forEach(b::add);
            return b.build();
        }
        // OkHttp refuses a multipart body without parts; the contract's required checks ran already
        return file == null && text.isEmpty() ? null : Transfers.formData(fileField, file, text);
    }
}
