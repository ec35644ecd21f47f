package dev.roomsdk.core.error;

import static dev.roomsdk.testing.Refusals.refusedArgument;
import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Checks}: each kind of value fails with its own SDK type, in its own message shape. */
class ChecksTest {

    @Test
    void callArgumentsFailAsInvalidRequestsNamingTheFieldAndTheRule() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Checks.argumentNotNull("op", "query", null));
        assertEquals(List.of("query: must not be null"), e.violations());
        assertEquals("op: invalid request: query: must not be null", e.getMessage());
        assertEquals(List.of("roomId: must not be null or empty"),
                refusedArgument(() -> Checks.argumentNotEmpty(null, "roomId", "")));
        assertSame("r1", Checks.argumentNotEmpty(null, "roomId", "r1"));
    }

    @Test
    void settingsFailAsInvalidConfigurationsNamingTheSettingAndTheRule() {
        assertEquals("apiToken must not be null or empty",
                refusedSetting(() -> Checks.settingNotEmpty("apiToken", null)));
        assertEquals("clock must not be null",
                refusedSetting(() -> Checks.settingNotNull("clock", null)));
        assertEquals("readTimeout must be positive, got PT0S",
                refusedSetting(() -> Checks.positiveSetting("readTimeout", Duration.ZERO)));
        assertEquals("margin must not be negative, got PT-1S",
                refusedSetting(() -> Checks.notNegativeSetting("margin", Duration.ofSeconds(-1))));
        assertSame(Duration.ZERO, Checks.notNegativeSetting("margin", Duration.ZERO));
    }
}
