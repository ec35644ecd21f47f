package dev.roomsdk.core.auth;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable credential value with an optional expiry. Thread-safe.
 *
 * <p>{@link #toString()} never shows the value: tokens end up in logs through string
 * concatenation more often than through deliberate printing.
 */
public final class AccessToken {

    private final String value;
    private final Instant expiresAt;

    private AccessToken(String value, Instant expiresAt) {
        this.value = Checks.settingNotEmpty("token value", value);
        this.expiresAt = expiresAt;
    }

    /**
     * A token that does not expire as far as the SDK knows.
     *
     * @param value the credential; not null or empty
     * @return the token
     * @throws InvalidConfigurationException if {@code value} is null or empty
     */
    public static AccessToken of(String value) {
        return new AccessToken(value, null);
    }

    /**
     * A token that expires at {@code expiresAt}.
     *
     * @param value the credential; not null or empty
     * @param expiresAt when the token stops working; not null
     * @return the token
     * @throws InvalidConfigurationException if {@code value} is null or empty, or {@code expiresAt} is null
     */
    public static AccessToken of(String value, Instant expiresAt) {
        return new AccessToken(value, Checks.settingNotNull("expiresAt", expiresAt));
    }

    /** {@return the secret itself; never log it} Never null or empty. */
    public String value() {
        return value;
    }

    /** {@return when the token stops working, or empty when not known} */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessToken
                && value.equals(((AccessToken) o).value)
                && Objects.equals(expiresAt, ((AccessToken) o).expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken{value=<redacted>, expiresAt=" + (expiresAt == null ? "unknown" : expiresAt) + "}";
    }
}
