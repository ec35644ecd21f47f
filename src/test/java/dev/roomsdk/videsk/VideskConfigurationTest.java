package dev.roomsdk.videsk;

import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.roomsdk.core.error.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

/**
 * A {@link Videsk.Builder} given a value it cannot use fails at once with an
 * {@link InvalidConfigurationException} naming the setting and the rule, never the secret; no
 * client exists yet, so nothing can be sent. Base URLs: BaseUrlsTest; the environment variables:
 * VideskFromEnvTest.
 */
class VideskConfigurationTest {

    static final String TOKEN = "videsk-secret-token-1";

    @Test
    void credentialsMustBeGivenAndUsable() {
        String missing = refusedSetting(() -> Videsk.builder().baseUrl("http://127.0.0.1:1").build());
        assertEquals("Videsk needs credentials: call apiToken(...) or tokenProvider(...)", missing);
        for (String unusable : new String[] {null, ""}) {
            assertEquals("apiToken must not be null or empty", refusedSetting(() -> Videsk.builder().apiToken(unusable)));
        }
        assertEquals("tokenProvider must not be null", refusedSetting(() -> Videsk.builder().tokenProvider(null)));
    }

    @Test
    void nullSettingsAreNamed() {
        assertEquals("httpSettings must not be null",
                refusedSetting(() -> Videsk.builder().apiToken(TOKEN).httpSettings(null)));
        String env = refusedSetting(() -> Videsk.builder().apiToken(TOKEN).fromEnv(null));
        assertEquals("env must not be null", env);
        assertFalse(env.contains(TOKEN));
    }
}
