package dev.roomsdk.core.auth;

import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomsdk.core.error.InvalidConfigurationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link AccessToken} and the factories that wrap one: a value they cannot use is a configuration error. */
class AccessTokenTest {

    @Test
    void aTokenNeedsAValue() {
        for (String bad : new String[] {null, ""}) {
            assertEquals("token value must not be null or empty",
                    refusedSetting(() -> AccessToken.of(bad)));
            assertThrows(InvalidConfigurationException.class, () -> AccessToken.of(bad, Instant.EPOCH));
            assertThrows(InvalidConfigurationException.class, () -> TokenProvider.of(bad));
            assertThrows(InvalidConfigurationException.class, () -> JwtExpiry.token(bad));
        }
    }

    @Test
    void anExpiringTokenNeedsItsExpiry() {
        assertEquals("expiresAt must not be null",
                refusedSetting(() -> AccessToken.of("t", null)));
        assertEquals(Instant.EPOCH, AccessToken.of("t", Instant.EPOCH).expiresAt().orElseThrow());
    }
}
