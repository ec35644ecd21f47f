package dev.roomsdk.sandbox;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A WireMock exchange as swagger-request-validator reads it: the query decoded, headers as
 * sent, text bodies as UTF-8 strings and anything else as bytes. One translation for the
 * sandbox's own checks and for the project's contract tests, so both judge the same thing.
 */
public final class ValidatorMessages {

    private ValidatorMessages() {
    }

    /**
     * The query of a raw query string, decoded; names keep their order, values their repeats.
     *
     * @param rawQuery the URL's raw query, or null
     * @return a new mutable map
     */
    public static Map<String, List<String>> queryParams(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /**
     * The validator's request for {@code logged}, with {@code query} as its query parameters.
     *
     * @param logged the request WireMock received
     * @param uri its URL
     * @param query its query, possibly with parameters the caller checks itself taken out
     * @return the request to validate
     */
    public static Request request(com.github.tomakehurst.wiremock.http.Request logged, URI uri,
                                  Map<String, List<String>> query) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(logged.getMethod().getName(), uri.getRawPath());
        for (Map.Entry<String, List<String>> q : query.entrySet()) {
            b.withQueryParam(q.getKey(), q.getValue());
        }
        for (HttpHeader h : logged.getHeaders().all()) {
            b.withHeader(h.key(), h.values());
        }
        byte[] body = logged.getBody();
        if (body != null && body.length > 0) {
            if (isText(logged.getHeader("Content-Type"))) {
                b.withBody(new String(body, StandardCharsets.UTF_8));
            } else {
                b.withBody(body);
            }
        }
        return b.build();
    }

    /**
     * The validator's response.
     *
     * @param status the HTTP status
     * @param headers the response headers, or null
     * @param body the body, or null
     * @return the response to validate
     */
    public static Response response(int status, HttpHeaders headers, byte[] body) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
        String contentType = null;
        if (headers != null) {
            for (HttpHeader h : headers.all()) {
                b.withHeader(h.key(), h.values());
            }
            contentType = headers.getContentTypeHeader().isPresent() ? headers.getContentTypeHeader().firstValue() : null;
        }
        if (body != null && body.length > 0) {
            if (isText(contentType)) {
                b.withBody(new String(body, StandardCharsets.UTF_8));
            } else {
                b.withBody(body);
            }
        }
        return b.build();
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.contains("json") || ct.startsWith("text/") || ct.contains("x-www-form-urlencoded");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
