package dev.roomsdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomsdk.core.error.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Header values with CR or LF (which would let a value start a new header or end the head)
 * or other non-printable characters are refused, naming the header and never echoing the
 * value. The wire-level proof through a generated client is in
 * {@code CarbonioHeaderInjectionTest}.
 */
class HeaderInjectionTest {

    @Test
    void crAndLfAreRefusedWithoutEchoingTheValue() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("messageId", "m1\r\nAuthorization: Bearer stolen");
        headers.put("replyId", "m0\nX-Evil: 1");
        headers.put("area", "640x480");
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> RequestValidator.checkHeaders(headers));
        assertEquals(List.of("header messageId: must not contain CR or LF", "header replyId: must not contain CR or LF"),
                e.violations());
        assertFalse(e.getMessage().contains("stolen"));
    }

    @Test
    void otherControlAndNonAsciiCharactersAreRefused() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> RequestValidator.checkHeaders(Map.of("description", "caf\u00e9")));
        assertEquals(List.of("header description: must contain only printable ASCII, got U+00E9 at index 3"), e.violations());
        assertThrows(InvalidRequestException.class, () -> RequestValidator.checkHeaders(Map.of("x", "a\u0000b")));
    }

    @Test
    void printableAsciiAndTabsPass() {
        RequestValidator.checkHeaders(Map.of("fileName", "\\u0073\\u006e", "area", "640x480\t"));
    }
}
