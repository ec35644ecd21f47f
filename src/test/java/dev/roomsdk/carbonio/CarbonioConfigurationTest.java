package dev.roomsdk.carbonio;

import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomsdk.core.error.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

/**
 * A {@link Carbonio.Builder} given a value it cannot use fails at once with an
 * {@link InvalidConfigurationException} naming the setting and the rule; no client exists yet,
 * so nothing can be sent. Base URLs: BaseUrlsTest; the cookie value: CarbonioCookieRefreshTest;
 * the API version: Carbonio16ApiVersionContractTest; the environment variables: CarbonioFromEnvTest.
 */
class CarbonioConfigurationTest {

    static final String WSC = "https://mail.example.com/services/chats";

    @Test
    void aClientNeedsItsBaseUrl() {
        assertEquals("Carbonio needs baseUrl(...): the WSC service of your Carbonio server",
                refusedSetting(() -> Carbonio.builder().authToken("t").build()));
    }

    @Test
    void nullSettingsAreNamed() {
        assertEquals("tokenProvider must not be null", refusedSetting(() -> Carbonio.builder().tokenProvider(null)));
        assertEquals("queueId must not be null", refusedSetting(() -> Carbonio.builder().queueId(null)));
        assertEquals("generation must not be null", refusedSetting(() -> Carbonio.builder().generation(null)));
        assertEquals("httpSettings must not be null", refusedSetting(() -> Carbonio.builder().baseUrl(WSC).httpSettings(null)));
        assertEquals("env must not be null", refusedSetting(() -> Carbonio.builder().fromEnv(null)));
    }
}
