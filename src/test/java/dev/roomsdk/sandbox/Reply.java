package dev.roomsdk.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the sandbox answers: a status, headers and a body (JSON, bytes or none). Immutable once built. */
final class Reply {

    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final byte[] body;

    private Reply(int status, byte[] body, String contentType) {
        this.status = status;
        this.body = body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    /** {@code value} (maps, lists, strings, numbers, booleans; nulls left out) as JSON. */
    static Reply json(int status, Object value) {
        return new Reply(status, GSON.toJson(value).getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** JSON text as it is. */
    static Reply rawJson(int status, String json) {
        return new Reply(status, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    static Reply bytes(int status, byte[] body, String contentType) {
        return new Reply(status, body, contentType);
    }

    /** A status without a body (Carbonio's errors, 204s). */
    static Reply empty(int status) {
        return new Reply(status, null, null);
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    ResponseDefinition toDefinition() {
        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(status);
        headers.forEach(b::withHeader);
        if (body != null) {
            b.withBody(body);
        }
        return b.build();
    }

    /** A map literal keeping order and leaving out null values: {@code obj("id", id, "name", name)}. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
