package dev.roomsdk.core.error;

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
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Checks.argumentNotNull("op", "query", null));
        assertEquals(List.of("query: must not be null"), e.violations());
        assertEquals("op: invalid request: query: must not be null", e.getMessage());
        assertEquals(List.of("roomId: must not be null or empty"),
                assertThrows(InvalidRequestException.class, () -> Checks.argumentNotEmpty(null, "roomId", "")).violations());
        assertSame("r1", Checks.argumentNotEmpty(null, "roomId", "r1"));
    }

    @Test
    void settingsFailAsInvalidConfigurationsNamingTheSettingAndTheRule() {
        assertEquals("apiToken must not be null or empty",
                assertThrows(InvalidConfigurationException.class, () -> Checks.settingNotEmpty("apiToken", null)).getMessage());
        assertEquals("clock must not be null",
                assertThrows(InvalidConfigurationException.class, () -> Checks.settingNotNull("clock", null)).getMessage());
        assertEquals("readTimeout must be positive, got PT0S", assertThrows(InvalidConfigurationException.class,
                () -> Checks.positiveSetting("readTimeout", Duration.ZERO)).getMessage());
        assertEquals("margin must not be negative, got PT-1S", assertThrows(InvalidConfigurationException.class,
                () -> Checks.notNegativeSetting("margin", Duration.ofSeconds(-1))).getMessage());
        assertSame(Duration.ZERO, Checks.notNegativeSetting("margin", Duration.ZERO));
    }
}
