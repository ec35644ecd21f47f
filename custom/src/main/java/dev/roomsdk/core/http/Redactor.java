package dev.roomsdk.core.http;

import dev.roomsdk.core.auth.AccessToken;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.Request;

/**
 * Masks secrets where they really occur: credential headers by name, and the request's
 * own token value wherever it appears (a URL, another header). Thread-safe, stateless.
 */
final class Redactor {

    static final String MASK = "<redacted>";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "www-authenticate");

    private Redactor() {
    }

    /** {@code text} with the request's token value masked. */
    static String redact(String text, Request request) {
        AccessToken token = request.tag(AccessToken.class);
        return token == null ? text : text.replace(token.value(), MASK);
    }

    /** One line per header, credential headers masked by name, the token masked anywhere. */
    static String headers(Headers headers, Request request) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? MASK : redact(headers.value(i), request);
            b.append("\n  ").append(name).append(": ").append(value);
        }
        return b.toString();
    }
}
