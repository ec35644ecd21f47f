package dev.roomsdk.core.auth;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import okhttp3.Request;

/**
 * Where a credential goes on a request: a bearer {@code Authorization} header (Zoom,
 * Videsk) or a named cookie (Carbonio's {@code ZM_AUTH_TOKEN}).
 */
public abstract class AuthScheme {

    private AuthScheme() {
    }

    /** {@return the scheme that sends {@code Authorization: Bearer <token>}} Shared and immutable. */
    public static AuthScheme bearer() {
        return Bearer.INSTANCE;
    }

    /**
     * {@code Cookie: <name>=<token>}, keeping any other cookie the request carries and
     * replacing a pair of the same name (the rejected one, on a resend after 401).
     *
     * @param name the cookie's name, e.g. {@code ZM_AUTH_TOKEN}; not null
     * @return an immutable scheme
     * @throws InvalidConfigurationException if {@code name} is null
     */
    public static AuthScheme cookie(String name) {
        return new CookieScheme(name);
    }

    /** A copy of {@code request} carrying {@code token}. */
    final Request apply(Request request, AccessToken token) {
        Request.Builder b = request.newBuilder();
        apply(b, request, token);
        return b.build();
    }

    /** Puts {@code token} on {@code builder}, a builder of {@code request}: one rebuild per attempt. */
    abstract void apply(Request.Builder builder, Request request, AccessToken token);

    /** Whether {@code request} already carries exactly {@code token}. */
    abstract boolean carries(Request request, AccessToken token);

    /** A copy of {@code request} carrying no credential of this scheme. */
    abstract Request remove(Request request);

    private static final class Bearer extends AuthScheme {
        static final Bearer INSTANCE = new Bearer();

        @Override
        void apply(Request.Builder builder, Request request, AccessToken token) {
            builder.header("Authorization", "Bearer " + token.value());
        }

        @Override
        boolean carries(Request request, AccessToken token) {
            String h = request.header("Authorization");
            String v = token.value();
            return h != null && h.length() == 7 + v.length() && h.startsWith("Bearer ") && h.endsWith(v);
        }

        @Override
        Request remove(Request request) {
            return request.newBuilder().removeHeader("Authorization").build();
        }

        @Override
        public String toString() {
            return "AuthScheme.bearer()";
        }
    }

    private static final class CookieScheme extends AuthScheme {
        private final String name;

        CookieScheme(String name) {
            this.name = Checks.settingNotNull("cookie name", name);
        }

        // The 401 resend starts from the rejected request, which already carries the old pair:
        // servers read the first of two same-named cookies, so the old pair must go, not just
        // be followed by the new one. Other cookies (one or several Cookie headers) are kept.
        @Override
        void apply(Request.Builder builder, Request request, AccessToken token) {
            String others = otherCookies(request);
            String pair = name + "=" + token.value();
            builder.header("Cookie", others.isEmpty() ? pair : others + "; " + pair);
        }

        @Override
        boolean carries(Request request, AccessToken token) {
            String pair = name + "=" + token.value();
            for (String header : request.headers("Cookie")) {
                for (String p : header.split(";")) {
                    if (p.trim().equals(pair)) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        Request remove(Request request) {
            String others = otherCookies(request);
            Request.Builder b = request.newBuilder();
            return (others.isEmpty() ? b.removeHeader("Cookie") : b.header("Cookie", others)).build();
        }

        private String otherCookies(Request request) {
            StringBuilder cookie = new StringBuilder();
            for (String header : request.headers("Cookie")) {
                for (String pair : header.split(";")) {
                    String trimmed = pair.trim();
                    if (!trimmed.isEmpty() && !isOwnPair(trimmed)) {
                        cookie.append(cookie.length() == 0 ? "" : "; ").append(trimmed);
                    }
                }
            }
            return cookie.toString();
        }

        private boolean isOwnPair(String pair) {
            int eq = pair.indexOf('=');
            return (eq < 0 ? pair : pair.substring(0, eq)).trim().equals(name);
        }

        @Override
        public String toString() {
            return "AuthScheme.cookie(" + name + ")";
        }
    }
}
