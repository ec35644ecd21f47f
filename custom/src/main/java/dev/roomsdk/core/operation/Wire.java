package dev.roomsdk.core.operation;

import java.nio.charset.StandardCharsets;

/** How parameter values are written as text on the wire, and percent-encoding of path segments. */
final class Wire {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] UNICODE_HEX = "0123456789abcdef".toCharArray();

    private Wire() {
    }

    /**
     * {@code value} as the contract writes it: strings as they are, generated enums as their
     * contract value (their {@code toString()}), numbers, booleans, UUIDs and dates in their
     * standard text form.
     */
    static String text(Object value) {
        return value instanceof String ? (String) value : String.valueOf(value);
    }

    /** {@code text} with every character as a Java escape {@code \}{@code uXXXX} (Carbonio's header encoding). */
    static String unicodeEscape(String text) {
        StringBuilder b = new StringBuilder(text.length() * 6);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append('\\').append('u')
                    .append(UNICODE_HEX[(c >> 12) & 0xf]).append(UNICODE_HEX[(c >> 8) & 0xf])
                    .append(UNICODE_HEX[(c >> 4) & 0xf]).append(UNICODE_HEX[c & 0xf]);
        }
        return b.toString();
    }

    /**
     * Appends {@code value} to a path as one segment: everything but RFC 3986's unreserved
     * characters is percent-encoded, so {@code /}, {@code ?}, {@code #} and {@code %} stay
     * inside the segment.
     */
    static void appendSegment(StringBuilder path, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isUnreserved(c)) {
                path.append(c);
            } else {
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < value.length()) {
                    end++;
                }
                for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    path.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                }
                i = end - 1;
            }
        }
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
