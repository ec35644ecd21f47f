package dev.roomsdk.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The fast date-time path reads exactly what {@code OffsetDateTime.parse} reads, and fails where it fails. */
class IsoDatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-21T16:45:12.250Z", "2026-11-21T16:45:12Z", "2026-11-21T16:45Z",
        "2026-11-21T16:45:12.123456789+01:00", "2026-11-21T16:45:12.1-05:30", "2024-02-29T00:00:00+00:00",
        "2026-11-21T16:45:12-00:00", "0001-01-01T00:00:00+18:00", "9999-12-31T23:59:59.999999999-18:00",
        "2026-11-21t16:45:12z", "2026-11-21T16:45:12+01:00:30", "2026-11-21T16:45:12.000Z", "2026-11-21T16:45:12.Z"})
    void readsWhatTheFormatterReads(String text) {
        assertEquals(OffsetDateTime.parse(text), IsoDates.parseOffsetDateTime(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-11-21", "2026-11-21T16:45:12", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
        "2026-11-21T24:00:00Z", "2026-11-21T16:60:00Z", "2026-11-21T16:45:12.1234567890Z",
        "2026-11-21T16:45:12+19:00", "2026-11-21T16:45:12+1:00", "2026-11-21T16:45:12 Z", "2026-11-21T16:45:1aZ",
        "x026-11-21T16:45:12Z", "2026-11-21T16:45:12Zjunk"})
    void failsWhereTheFormatterFails(String text) {
        assertThrows(DateTimeParseException.class, () -> OffsetDateTime.parse(text));
        assertThrows(DateTimeParseException.class, () -> IsoDates.parseOffsetDateTime(text));
    }

    @Test
    void randomInstantsRoundTrip() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            long seconds = random.nextInt(2_000_000_000) * (random.nextBoolean() ? 1L : -1L);
            int nanos = List.of(0, 250_000_000, 123_456_789, 1).get(random.nextInt(4));
            int offsetMinutes = (random.nextInt(37) - 18) * 60 + List.of(0, 30, 45).get(random.nextInt(3))
                    * (random.nextBoolean() ? 1 : -1);
            offsetMinutes = Math.max(-18 * 60, Math.min(18 * 60, offsetMinutes));
            OffsetDateTime t = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds, nanos),
                    java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
            String text = t.toString();
            assertEquals(OffsetDateTime.parse(text), IsoDates.parseOffsetDateTime(text), text);
        }
    }
}
