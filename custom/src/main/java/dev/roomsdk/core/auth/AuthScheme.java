package dev.roomsdk.core.auth;

import java.util.Objects;
import okhttp3.Request;

/**
 * Where a credential goes on a request: a bearer {@code Authorization} header (Zoom,
 * Videsk) or a named cookie (Carbonio's {@code ZM_AUTH_TOKEN}).
 */
public abstract class AuthScheme {

    private AuthScheme() {
    }

    /** {@code Authorization: Bearer <token>}. */
    public static AuthScheme bearer() {
        return Bearer.INSTANCE;
    }

    /** {@code Cookie: <name>=<token>}, keeping any other cookie the request carries. */
    public static AuthScheme cookie(String name) {
        return new CookieScheme(name);
    }

    /** A copy of {@code request} carrying {@code token}. */
    abstract Request apply(Request request, AccessToken token);

    private static final class Bearer extends AuthScheme {
        static final Bearer INSTANCE = new Bearer();

        @Override
        Request apply(Request request, AccessToken token) {
            return request.newBuilder().header("Authorization", "Bearer " + token.value()).build();
        }

        @Override
        public String toString() {
            return "AuthScheme.bearer()";
        }
    }

    private static final class CookieScheme extends AuthScheme {
        private final String name;

        CookieScheme(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        @Override
        Request apply(Request request, AccessToken token) {
            String pair = name + "=" + token.value();
            String existing = request.header("Cookie");
            String cookie = existing == null || existing.isEmpty() ? pair : existing + "; " + pair;
            return request.newBuilder().header("Cookie", cookie).build();
        }

        @Override
        public String toString() {
            return "AuthScheme.cookie(" + name + ")";
        }
    }
}
