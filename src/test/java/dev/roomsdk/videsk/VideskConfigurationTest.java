package dev.roomsdk.videsk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.error.RoomSdkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A {@link Videsk.Builder} given a value it cannot use fails at once with an
 * {@link InvalidConfigurationException} naming the setting and the rule, never the secret; no
 * client exists yet, so nothing can be sent. The environment variables: VideskFromEnvTest.
 */
class VideskConfigurationTest {

    static final String TOKEN = "videsk-secret-token-1";

    static String refused(Executable configure) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, configure);
        assertInstanceOf(RoomSdkException.class, e);
        return e.getMessage();
    }

    @Test
    void aBaseUrlThatIsNotAnAbsoluteHttpUrlIsNamed() {
        assertEquals("baseUrl must be an absolute http or https URL, got api.videsk.io",
                refused(() -> Videsk.builder().baseUrl("api.videsk.io")));
        assertEquals("baseUrl must be an absolute http or https URL, got null", refused(() -> Videsk.builder().baseUrl(null)));
    }

    @Test
    void credentialsMustBeGivenAndUsable() {
        assertEquals("apiToken must not be null or empty", refused(() -> Videsk.builder().apiToken("")));
        assertEquals("apiToken must not be null or empty", refused(() -> Videsk.builder().apiToken(null)));
        assertEquals("tokenProvider must not be null", refused(() -> Videsk.builder().tokenProvider(null)));
        String missing = refused(() -> Videsk.builder().baseUrl("http://127.0.0.1:1").build());
        assertEquals("Videsk needs credentials: call apiToken(...) or tokenProvider(...)", missing);
    }

    @Test
    void nullSettingsAreNamed() {
        assertEquals("httpSettings must not be null", refused(() -> Videsk.builder().apiToken(TOKEN).httpSettings(null)));
        String env = refused(() -> Videsk.builder().apiToken(TOKEN).fromEnv(null));
        assertEquals("env must not be null", env);
        assertFalse(env.contains(TOKEN));
    }
}
