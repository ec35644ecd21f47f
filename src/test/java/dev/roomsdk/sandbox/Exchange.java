package dev.roomsdk.sandbox;

import com.github.tomakehurst.wiremock.http.Cookie;
import com.github.tomakehurst.wiremock.http.Request;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the sandbox answers, already routed to its operation and valid against the
 * contract: its path parameters, query, headers, cookies and body, read as a handler needs them.
 */
final class Exchange {

    final String operationId;
    final Request request;
    final String rawPath;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;

    Exchange(String operationId, Request request, String rawPath, Map<String, String> pathParams) {
        this.operationId = operationId;
        this.request = request;
        this.rawPath = rawPath;
        this.pathParams = pathParams;
        this.query = ValidatorMessages.queryParams(URI.create(request.getUrl()).getRawQuery());
    }

    /** A path parameter, decoded. */
    String path(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException(operationId + " has no path parameter " + name);
        }
        return value;
    }

    /** The first value of a query parameter, or null. */
    String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    Map<String, List<String>> queryMap() {
        return query;
    }

    Integer queryInt(String name, Integer otherwise) {
        String value = query(name);
        return value == null || value.isEmpty() ? otherwise : Integer.valueOf(value);
    }

    Boolean queryBool(String name) {
        String value = query(name);
        return value == null || value.isEmpty() ? null : Boolean.valueOf(value);
    }

    /** A header value, or null. */
    String header(String name) {
        return request.containsHeader(name) ? request.getHeader(name) : null;
    }

    Optional<String> cookie(String name) {
        Cookie cookie = request.getCookies().get(name);
        return cookie == null || cookie.isAbsent() ? Optional.empty() : Optional.ofNullable(cookie.getValue());
    }

    byte[] body() {
        byte[] body = request.getBody();
        return body == null ? new byte[0] : body;
    }

    /** The JSON body as an object (the contract already said it is one); empty when there is none. */
    JsonObject json() {
        byte[] body = body();
        if (body.length == 0) {
            return new JsonObject();
        }
        JsonElement parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        return parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
    }

    /** A multipart part by name, or null (no multipart body, or no such part). */
    Request.Part part(String name) {
        if (!request.isMultipart()) {
            return null;
        }
        Collection<Request.Part> parts = request.getParts();
        if (parts == null) {
            return null;
        }
        for (Request.Part part : parts) {
            if (name.equals(part.getName())) {
                return part;
            }
        }
        return null;
    }

    /** A multipart text part's value, or null. */
    String partText(String name) {
        Request.Part part = part(name);
        return part == null ? null : new String(part.getBody().asBytes(), StandardCharsets.UTF_8);
    }

    String clientIp() {
        return request.getClientIp();
    }
}
