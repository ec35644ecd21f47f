package dev.roomsdk.core.http;

import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.error.InvalidConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpSettings}: a value the client cannot use fails while it is set, with an
 * {@link InvalidConfigurationException} naming the setting and the rule; so do the transports
 * built from the settings when a part is missing. No client exists yet, so nothing is sent.
 */
class HttpSettingsTest {

    @Test
    void timeoutsMustBePositiveAndTheCallTimeoutNotNegative() {
        HttpSettings.Builder b = HttpSettings.builder();
        assertEquals("connectTimeout must be positive, got PT0S", refusedSetting(() -> b.connectTimeout(Duration.ZERO)));
        assertEquals("readTimeout must be positive, got PT-1S", refusedSetting(() -> b.readTimeout(Duration.ofSeconds(-1))));
        assertEquals("writeTimeout must be positive, got PT0S", refusedSetting(() -> b.writeTimeout(Duration.ZERO)));
        assertEquals("callTimeout must not be negative, got PT-1S",
                refusedSetting(() -> b.callTimeout(Duration.ofSeconds(-1))));
        assertEquals("readTimeout must not be null", refusedSetting(() -> b.readTimeout(null)));
        assertEquals(Duration.ZERO, b.callTimeout(Duration.ZERO).build().callTimeout(), "zero means no whole-call bound");
    }

    @Test
    void nullPartsAreNamed() {
        assertEquals("retryPolicy must not be null", refusedSetting(() -> HttpSettings.builder().retryPolicy(null)));
        assertEquals("baseClient must not be null", refusedSetting(() -> HttpSettings.builder().baseClient(null)));
    }

    @Test
    void aTransportNeedsSettingsAndASchemeForItsCredentials() {
        assertEquals("settings must not be null", refusedSetting(() -> Transport.create("videsk", null, null, null)));
        assertEquals("scheme must not be null",
                refusedSetting(() -> Transport.create("videsk", HttpSettings.defaults(), TokenProvider.of("t"), null)));
    }
}
