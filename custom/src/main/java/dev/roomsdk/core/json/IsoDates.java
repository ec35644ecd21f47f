package dev.roomsdk.core.json;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 date-times as the contracts send them ({@code 2026-11-21T16:45:12.250Z},
 * {@code ...+01:00}), read without {@link DateTimeFormatter}'s general machinery, which a
 * profile of a large listing showed to be more than half of decoding. Anything this fast path
 * does not recognise goes to {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, so what is
 * accepted and every error are exactly the formatter's. Stateless, thread-safe.
 */
final class IsoDates {

    private IsoDates() {
    }

    /** {@code text} as an {@link OffsetDateTime}, as {@code OffsetDateTime.parse(text)} reads it. */
    static OffsetDateTime parseOffsetDateTime(CharSequence text) {
        OffsetDateTime fast = fast(text);
        return fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The common shapes {@code yyyy-MM-ddTHH:mm[:ss[.f{1,9}]](Z|±HH:MM)}; null for anything else. */
    private static OffsetDateTime fast(CharSequence s) {
        int n = s.length();
        if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) {
            return null;
        }
        int i = 16;
        int second = 0;
        int nano = 0;
        if (s.charAt(i) == ':') {
            second = n >= 19 ? digits(s, 17, 2) : -1;
            if (second < 0) {
                return null;
            }
            i = 19;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                    nano = nano * 10 + (s.charAt(i++) - '0');
                }
                if (i == start || (i < n && isDigit(s.charAt(i)))) {
                    return null;
                }
                for (int k = i - start; k < 9; k++) {
                    nano *= 10;
                }
            }
        }
        ZoneOffset offset = offset(s, i);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException outOfRange) {
            return null; // the formatter reports it
        }
    }

    private static ZoneOffset offset(CharSequence s, int i) {
        int n = s.length();
        if (i == n - 1 && s.charAt(i) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = i < n ? s.charAt(i) : 0;
        if ((sign != '+' && sign != '-') || i + 6 != n || s.charAt(i + 3) != ':') {
            return null;
        }
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        int seconds = hours * 3600 + minutes * 60;
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
    }

    private static int digits(CharSequence s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
