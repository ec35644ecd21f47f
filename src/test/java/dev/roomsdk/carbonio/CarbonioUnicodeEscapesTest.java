package dev.roomsdk.carbonio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fileName/description header encoding Carbonio's server checks with (\\[uU][0-9a-fA-F]{4})*. */
class CarbonioUnicodeEscapesTest {

    @Test
    void encodesEveryCharacterAsAnEscape() {
        assertEquals("\\u0073\\u006e\\u006f\\u006f\\u0070\\u0079\\u002e\\u006a\\u0070\\u0067", UnicodeEscapes.encode("snoopy.jpg"));
        assertEquals("", UnicodeEscapes.encode(""));
    }

    @Test
    void nonAsciiAndSurrogatePairsRoundTrip() {
        String name = "r\u00e9sum\u00e9 \u65e5\u672c \ud83d\ude00.pdf";
        String encoded = UnicodeEscapes.encode(name);
        assertTrue(encoded.matches("(\\\\[uU][0-9a-fA-F]{4})*"), encoded);
        assertTrue(encoded.contains("\\ud83d\\ude00"), "emoji as its two UTF-16 escapes");
        assertEquals(name, UnicodeEscapes.decode(encoded));
    }

    @Test
    void decodeRejectsAnythingElse() {
        assertThrows(IllegalArgumentException.class, () -> UnicodeEscapes.decode("snoopy.jpg"));
        assertThrows(IllegalArgumentException.class, () -> UnicodeEscapes.decode("\\x0073"));
    }
}
