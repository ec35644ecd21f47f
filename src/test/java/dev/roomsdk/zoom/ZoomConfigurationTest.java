package dev.roomsdk.zoom;

import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.roomsdk.core.error.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

/**
 * A {@link ZoomRooms.Builder} given a value it cannot use fails at once with an
 * {@link InvalidConfigurationException} naming the setting and the rule, never the secret; no
 * client exists yet, so nothing can be sent. Base URLs: BaseUrlsTest; OAuth credentials:
 * ZoomTokenRefreshTest; the environment variables: ZoomFromEnvTest.
 */
class ZoomConfigurationTest {

    static final String TOKEN = "zoom-secret-access-token-1";

    @Test
    void credentialsMustBeGivenAndUsable() {
        assertEquals("accessToken must not be null or empty", refusedSetting(() -> ZoomRooms.builder().accessToken("")));
        assertEquals("accessToken must not be null or empty", refusedSetting(() -> ZoomRooms.builder().accessToken(null)));
        assertEquals("credentials must not be null", refusedSetting(() -> ZoomRooms.builder().credentials(null)));
        assertEquals("ZoomRooms needs credentials: call credentials(...) or accessToken(...)",
                refusedSetting(() -> ZoomRooms.builder().build()));
    }

    @Test
    void nullSettingsAreNamed() {
        String settings = refusedSetting(() -> ZoomRooms.builder().accessToken(TOKEN).httpSettings(null));
        assertEquals("httpSettings must not be null", settings);
        assertFalse(settings.contains(TOKEN));
        assertEquals("env must not be null", refusedSetting(() -> ZoomRooms.builder().fromEnv(null)));
    }
}
