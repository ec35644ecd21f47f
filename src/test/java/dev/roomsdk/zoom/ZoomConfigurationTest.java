package dev.roomsdk.zoom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomsdk.core.error.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A {@link ZoomRooms.Builder} given a value it cannot use fails at once with an
 * {@link InvalidConfigurationException} naming the setting and the rule, never the secret; no
 * client exists yet, so nothing can be sent. OAuth credentials: ZoomTokenRefreshTest; the
 * environment variables: ZoomFromEnvTest.
 */
class ZoomConfigurationTest {

    static final String TOKEN = "zoom-secret-access-token-1";

    static String refused(Executable configure) {
        return assertThrows(InvalidConfigurationException.class, configure).getMessage();
    }

    @Test
    void aBaseUrlThatIsNotAnAbsoluteHttpUrlIsNamed() {
        assertEquals("baseUrl must be an absolute http or https URL, got api.zoom.us/v2",
                refused(() -> ZoomRooms.builder().baseUrl("api.zoom.us/v2")));
    }

    @Test
    void credentialsMustBeGivenAndUsable() {
        assertEquals("accessToken must not be null or empty", refused(() -> ZoomRooms.builder().accessToken("")));
        assertEquals("accessToken must not be null or empty", refused(() -> ZoomRooms.builder().accessToken(null)));
        assertEquals("credentials must not be null", refused(() -> ZoomRooms.builder().credentials(null)));
        assertEquals("ZoomRooms needs credentials: call credentials(...) or accessToken(...)",
                refused(() -> ZoomRooms.builder().build()));
    }

    @Test
    void nullSettingsAreNamed() {
        String settings = refused(() -> ZoomRooms.builder().accessToken(TOKEN).httpSettings(null));
        assertEquals("httpSettings must not be null", settings);
        assertFalse(settings.contains(TOKEN));
        assertEquals("env must not be null", refused(() -> ZoomRooms.builder().fromEnv(null)));
    }
}
