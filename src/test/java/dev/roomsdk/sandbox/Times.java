package dev.roomsdk.sandbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** RFC 3339 date-times as the contracts declare them ({@code format: date-time}), to the millisecond. */
final class Times {

    private Times() {
    }

    static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A date-time with any offset (the request was validated, so it is one). */
    static Instant parse(String value) {
        return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
