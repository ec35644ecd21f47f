package dev.roomsdk.carbonio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomsdk.core.error.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A {@link Carbonio.Builder} given a value it cannot use fails at once with an
 * {@link InvalidConfigurationException} naming the setting and the rule; no client exists yet,
 * so nothing can be sent. The cookie value: CarbonioCookieRefreshTest; the API version:
 * Carbonio16ApiVersionContractTest; the environment variables: CarbonioFromEnvTest.
 */
class CarbonioConfigurationTest {

    static final String WSC = "https://mail.example.com/services/chats";

    static String refused(Executable configure) {
        return assertThrows(InvalidConfigurationException.class, configure).getMessage();
    }

    @Test
    void urlsThatAreNotAbsoluteHttpUrlsAreNamed() {
        assertEquals("baseUrl must be an absolute http or https URL, got mail.example.com",
                refused(() -> Carbonio.builder().baseUrl("mail.example.com")));
        assertEquals("authServiceUrl must be an absolute http or https URL, got mail.example.com",
                refused(() -> Carbonio.builder().authServiceUrl("mail.example.com")));
    }

    @Test
    void aClientNeedsItsBaseUrl() {
        assertEquals("Carbonio needs baseUrl(...): the WSC service of your Carbonio server",
                refused(() -> Carbonio.builder().authToken("t").build()));
    }

    @Test
    void nullSettingsAreNamed() {
        assertEquals("tokenProvider must not be null", refused(() -> Carbonio.builder().tokenProvider(null)));
        assertEquals("queueId must not be null", refused(() -> Carbonio.builder().queueId(null)));
        assertEquals("generation must not be null", refused(() -> Carbonio.builder().generation(null)));
        assertEquals("httpSettings must not be null", refused(() -> Carbonio.builder().baseUrl(WSC).httpSettings(null)));
        assertEquals("env must not be null", refused(() -> Carbonio.builder().fromEnv(null)));
    }
}
