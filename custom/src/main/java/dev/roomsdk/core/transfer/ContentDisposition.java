package dev.roomsdk.core.transfer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;

/**
 * The file name of a {@code Content-Disposition} header, read as RFC 6266 says: parameters
 * are {@code name=token} or {@code name="quoted string"} (RFC 9110, with {@code \}-escapes),
 * so a {@code ;} inside quotes belongs to the name; {@code filename*} is an RFC 8187 (formerly
 * 5987) extended value, {@code charset'language'percent-encoded}, in UTF-8 or ISO-8859-1, and
 * wins over {@code filename} when both are usable, since servers send {@code filename} as the
 * ASCII fallback for old clients. The result is meant to be joined to a directory by callers
 * of {@link Download#saveTo}, so it is reduced to its last path segment (either separator),
 * stripped of control characters, and refused when nothing, {@code .} or {@code ..} is left.
 * Lenient where servers are sloppy (unquoted names with spaces, a missing closing quote).
 * Stateless.
 */
final class ContentDisposition {

    private ContentDisposition() {
    }

    /** The safe file name {@code header} carries, or empty; {@code header} may be null. */
    static Optional<String> fileName(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String plain = null;
        String extended = null;
        // i is the ';' before the next parameter; -1 when there is no disposition type, only
        // parameters (sloppy, but the name is still meant)
        int i = header.indexOf(';');
        int firstEq = header.indexOf('=');
        if (firstEq >= 0 && (i < 0 || firstEq < i)) {
            i = -1;
        }
        while (i < header.length()) {
            int start = i + 1;
            int eq = header.indexOf('=', start);
            int semi = header.indexOf(';', start);
            if (eq < 0) {
                break;
            }
            if (semi >= 0 && semi < eq) {
                // a parameter without a value; skip it
                i = semi;
                continue;
            }
            String name = header.substring(start, eq).trim().toLowerCase(Locale.ROOT);
            int[] end = new int[1];
            String value = value(header, eq + 1, end);
            if (name.equals("filename") && plain == null) {
                plain = value;
            } else if (name.equals("filename*") && extended == null) {
                extended = value;
            }
            i = end[0];
        }
        Optional<String> fromExtended = extended == null ? Optional.empty() : decodeExtended(extended).flatMap(ContentDisposition::safe);
        return fromExtended.isPresent() ? fromExtended : plain == null ? Optional.empty() : safe(plain);
    }

    /**
     * The value starting at {@code from}: a quoted string with its escapes undone, or a token
     * up to the next {@code ;}. {@code end[0]} is set to the index of the {@code ;} after the
     * value, or the header's length.
     */
    private static String value(String header, int from, int[] end) {
        int i = from;
        while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
            i++;
        }
        if (i < header.length() && header.charAt(i) == '"') {
            StringBuilder out = new StringBuilder();
            i++;
            while (i < header.length() && header.charAt(i) != '"') {
                char c = header.charAt(i);
                if (c == '\\' && i + 1 < header.length()) {
                    i++;
                    c = header.charAt(i);
                }
                out.append(c);
                i++;
            }
            int semi = header.indexOf(';', i);
            end[0] = semi < 0 ? header.length() : semi;
            return out.toString();
        }
        int semi = header.indexOf(';', i);
        end[0] = semi < 0 ? header.length() : semi;
        return header.substring(i, end[0]).trim();
    }

    /** {@code charset'language'pct-encoded}, decoded; empty when malformed or in another charset. */
    private static Optional<String> decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return Optional.empty();
        }
        String charsetName = value.substring(0, first).trim().toUpperCase(Locale.ROOT);
        Charset charset;
        // RFC 8187 requires these two and allows others; others are too rare to trust
        if (charsetName.equals("UTF-8")) {
            charset = StandardCharsets.UTF_8;
        } else if (charsetName.equals("ISO-8859-1")) {
            charset = StandardCharsets.ISO_8859_1;
        } else {
            return Optional.empty();
        }
        String encoded = value.substring(second + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7e || c < 0x21) {
                // attr-char is printable ASCII only; anything else means a broken value
                return Optional.empty();
            } else {
                bytes.write(c);
            }
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(decoder.decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The last path segment of {@code name} without control characters, or empty when none is left. */
    private static Optional<String> safe(String name) {
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String last = name.substring(cut + 1);
        StringBuilder out = new StringBuilder(last.length());
        last.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(out::appendCodePoint);
        String kept = out.toString().trim();
        if (kept.isEmpty() || kept.equals(".") || kept.equals("..")) {
            return Optional.empty();
        }
        return Optional.of(kept);
    }
}
