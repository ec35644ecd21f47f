package dev.roomsdk.core.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An OAuth 2 token endpoint that takes HTTP Basic client credentials and a form body, and
 * answers {@code {access_token, token_type, expires_in, scope, refresh_token?}}. Every
 * failure becomes a {@link TokenRefreshException} whose message names the endpoint, the
 * status and the server's {@code error}/{@code reason}, with any known secret scrubbed out.
 * Thread-safe; {@link #request} does blocking I/O.
 */
public final class OAuthTokenEndpoint {

    private static final int MAX_ERROR_CHARS = 500;

    private final HttpUrl url;
    private final String basicAuth;
    private final String clientSecret;
    private final OkHttpClient http;
    private final Clock clock;

    public OAuthTokenEndpoint(HttpUrl url, String clientId, String clientSecret, OkHttpClient http, Clock clock) {
        this.url = Objects.requireNonNull(url, "url");
        this.basicAuth = Credentials.basic(Objects.requireNonNull(clientId, "clientId"),
                Objects.requireNonNull(clientSecret, "clientSecret"));
        this.clientSecret = clientSecret;
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a successful answer held. {@code refreshToken} is null when the server sent none. */
    public static final class Grant {
        public final AccessToken accessToken;
        public final String refreshToken;

        Grant(AccessToken accessToken, String refreshToken) {
            this.accessToken = accessToken;
            this.refreshToken = refreshToken;
        }

        @Override
        public String toString() {
            return "Grant{" + accessToken + ", refreshToken=" + (refreshToken == null ? "none" : "<redacted>") + "}";
        }
    }

    /**
     * Posts {@code form} (in order) and reads the grant.
     *
     * @param secrets values besides the client secret that must never reach a message (e.g. a refresh token)
     */
    public Grant request(Map<String, String> form, String... secrets) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        Request request = new Request.Builder().url(url).header("Authorization", basicAuth)
                .header("Accept", "application/json").post(body.build()).build();
        List<String> hidden = new ArrayList<>(List.of(secrets));
        hidden.add(clientSecret);
        String what = "token request to " + url.newBuilder().query(null).build();
        Instant sentAt = clock.instant();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            if (!response.isSuccessful()) {
                throw new TokenRefreshException(scrub(what + " answered HTTP " + response.code() + errorDetail(text), hidden),
                        response.code(), null);
            }
            return parse(text, what, response.code(), sentAt, hidden);
        } catch (IOException e) {
            throw new TokenRefreshException(scrub(what + " failed: " + e, hidden), 0, null);
        }
    }

    private Grant parse(String text, String what, int status, Instant sentAt, List<String> hidden) {
        JsonObject json;
        try {
            JsonElement e = JsonParser.parseString(text);
            json = e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            json = null;
        }
        if (json == null || !json.has("access_token") || !json.get("access_token").isJsonPrimitive()) {
            throw new TokenRefreshException(what + " answered HTTP " + status
                    + " without a readable access_token (malformed or unexpected JSON)", status, null);
        }
        String token = json.get("access_token").getAsString();
        AccessToken accessToken;
        if (json.has("expires_in") && json.get("expires_in").isJsonPrimitive()) {
            long seconds;
            try {
                seconds = json.get("expires_in").getAsLong();
            } catch (NumberFormatException e) {
                throw new TokenRefreshException(what + " answered an expires_in that is not a number", status, null);
            }
            // count from when the request left, so a slow answer cannot stretch the lifetime
            accessToken = AccessToken.of(token, sentAt.plusSeconds(seconds));
        } else {
            accessToken = AccessToken.of(token);
        }
        JsonElement refresh = json.get("refresh_token");
        return new Grant(accessToken, refresh != null && refresh.isJsonPrimitive() ? refresh.getAsString() : null);
    }

    private static String errorDetail(String body) {
        try {
            JsonObject o = JsonParser.parseString(body).getAsJsonObject();
            StringBuilder b = new StringBuilder();
            for (String field : new String[] {"error", "reason", "error_description", "message"}) {
                if (o.has(field) && o.get(field).isJsonPrimitive()) {
                    b.append(b.length() == 0 ? ": " : ", ").append(field).append('=').append(o.get(field).getAsString());
                }
            }
            return b.toString();
        } catch (RuntimeException notJson) {
            String t = body.strip();
            return t.isEmpty() ? " (empty body)" : ": " + (t.length() > MAX_ERROR_CHARS ? t.substring(0, MAX_ERROR_CHARS) + "..." : t);
        }
    }

    private static String scrub(String message, List<String> secrets) {
        String m = message;
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) {
                m = m.replace(s, "<redacted>");
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return "OAuthTokenEndpoint{" + url + "}";
    }
}
