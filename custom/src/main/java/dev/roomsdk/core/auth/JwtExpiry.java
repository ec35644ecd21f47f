package dev.roomsdk.core.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the {@code exp} claim of a JWT without verifying it: the SDK only needs to know
 * when to ask for a new one; the server still verifies the signature.
 */
public final class JwtExpiry {

    private JwtExpiry() {
    }

    /**
     * Reads the {@code exp} claim (seconds since the epoch) of a JWT's payload.
     *
     * @param jwt the token text; may be null
     * @return the token's {@code exp} claim, or empty when it has none, is null or is not a JWT
     */
    public static Optional<Instant> of(String jwt) {
        if (jwt == null) {
            return Optional.empty();
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            JsonElement payload = JsonParser.parseString(json);
            if (!payload.isJsonObject()) {
                return Optional.empty();
            }
            JsonObject claims = payload.getAsJsonObject();
            JsonElement exp = claims.get("exp");
            return exp == null || !exp.isJsonPrimitive() || !exp.getAsJsonPrimitive().isNumber()
                    ? Optional.empty() : Optional.of(Instant.ofEpochSecond(exp.getAsLong()));
        } catch (RuntimeException notAJwt) {
            return Optional.empty();
        }
    }

    /**
     * Wraps a JWT as an {@link AccessToken}.
     *
     * @param jwt the token text; not null or empty
     * @return {@code jwt} as an {@link AccessToken} expiring at its {@code exp} claim, or
     *         non-expiring when it has none
     * @throws dev.roomsdk.core.error.InvalidConfigurationException if {@code jwt} is null or empty
     */
    public static AccessToken token(String jwt) {
        return of(jwt).map(exp -> AccessToken.of(jwt, exp)).orElseGet(() -> AccessToken.of(jwt));
    }
}
