package dev.roomsdk.carbonio;

/**
 * Carbonio's "encoded to unicode" header values ({@code fileName}, {@code description} of
 * uploads): every UTF-16 character written as a Java escape, so {@code snoopy.jpg} is sent
 * as {@code \u0073\u006e\u006f\u006f\u0070\u0079\u002e\u006a\u0070\u0067}. The server
 * rejects anything else. HTTP headers are Latin-1 at best, so this also carries any name
 * through intact.
 */
public final class UnicodeEscapes {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private UnicodeEscapes() {
    }

    /** {@code text} with every character as {@code \}{@code uXXXX} (surrogate pairs as two escapes). */
    public static String encode(String text) {
        StringBuilder b = new StringBuilder(text.length() * 6);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append('\\').append('u')
                    .append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                    .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
        }
        return b.toString();
    }

    /** The text an encoded value stands for; fails naming the position of anything not an escape. */
    public static String decode(String encoded) {
        if (encoded.length() % 6 != 0) {
            throw new IllegalArgumentException("not a sequence of \\uXXXX escapes (length " + encoded.length() + ")");
        }
        StringBuilder b = new StringBuilder(encoded.length() / 6);
        for (int i = 0; i < encoded.length(); i += 6) {
            if (encoded.charAt(i) != '\\' || (encoded.charAt(i + 1) != 'u' && encoded.charAt(i + 1) != 'U')) {
                throw new IllegalArgumentException("expected \\uXXXX at position " + i);
            }
            b.append((char) Integer.parseInt(encoded.substring(i + 2, i + 6), 16));
        }
        return b.toString();
    }
}
