package dev.roomsdk.core.error;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} value in every form the vendors send: delay seconds
 * ({@code 120}), an HTTP-date ({@code Wed, 21 Oct 2026 07:28:00 GMT}), or an ISO-8601
 * date-time (Zoom's daily-limit reset, {@code 2026-11-23T00:00:00Z}).
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * Parses a {@code Retry-After} value. A negative number of seconds counts as unreadable.
     *
     * @param value the header value, surrounding blanks allowed; null or blank for absent
     * @param clock what delay seconds count from; not null
     * @return the instant the header points at, or empty when it is absent or unreadable
     */
    public static Optional<Instant> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(clock.instant().plusSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            // try the date forms
        }
        try {
            return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notHttpDate) {
            // try ISO-8601
        }
        try {
            return Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
