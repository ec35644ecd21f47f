package dev.roomsdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.error.InvalidConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link HttpSettings}: a value the client cannot use fails while it is set, with an
 * {@link InvalidConfigurationException} naming the setting and the rule; so do the transports
 * built from the settings when a part is missing. No client exists yet, so nothing is sent.
 */
class HttpSettingsTest {

    static String refused(Executable configure) {
        return assertThrows(InvalidConfigurationException.class, configure).getMessage();
    }

    @Test
    void timeoutsMustBePositiveAndTheCallTimeoutNotNegative() {
        HttpSettings.Builder b = HttpSettings.builder();
        assertEquals("connectTimeout must be positive, got PT0S", refused(() -> b.connectTimeout(Duration.ZERO)));
        assertEquals("readTimeout must be positive, got PT-1S", refused(() -> b.readTimeout(Duration.ofSeconds(-1))));
        assertEquals("writeTimeout must be positive, got PT0S", refused(() -> b.writeTimeout(Duration.ZERO)));
        assertEquals("callTimeout must not be negative, got PT-1S", refused(() -> b.callTimeout(Duration.ofSeconds(-1))));
        assertEquals("readTimeout must not be null", refused(() -> b.readTimeout(null)));
        assertEquals(Duration.ZERO, b.callTimeout(Duration.ZERO).build().callTimeout(), "zero means no whole-call bound");
    }

    @Test
    void nullPartsAreNamed() {
        assertEquals("retryPolicy must not be null", refused(() -> HttpSettings.builder().retryPolicy(null)));
        assertEquals("baseClient must not be null", refused(() -> HttpSettings.builder().baseClient(null)));
    }

    @Test
    void aTransportNeedsSettingsAndASchemeForItsCredentials() {
        assertEquals("settings must not be null", refused(() -> Transport.create("videsk", null, null, null)));
        assertEquals("scheme must not be null",
                refused(() -> Transport.create("videsk", HttpSettings.defaults(), TokenProvider.of("t"), null)));
    }
}
