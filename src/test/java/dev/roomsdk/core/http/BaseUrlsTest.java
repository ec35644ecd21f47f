package dev.roomsdk.core.http;

import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.zoom.ZoomOAuth;
import dev.roomsdk.zoom.ZoomRooms;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link BaseUrls}: every builder that takes a URL refuses one that is not an absolute http(s)
 * URL with an {@link InvalidConfigurationException} naming its setting, before any client exists.
 */
class BaseUrlsTest {

    /** Each URL setting of the SDK, by the name its message gives it. */
    static Map<String, Consumer<String>> urlSettings() {
        Map<String, Consumer<String>> settings = new LinkedHashMap<>();
        settings.put("Videsk baseUrl", url -> Videsk.builder().baseUrl(url));
        settings.put("ZoomRooms baseUrl", url -> ZoomRooms.builder().baseUrl(url));
        settings.put("ZoomOAuth oauthBaseUrl", url -> ZoomOAuth.serverToServer("acc", "id", "secret").oauthBaseUrl(url));
        settings.put("Carbonio baseUrl", url -> Carbonio.builder().baseUrl(url));
        settings.put("Carbonio authServiceUrl", url -> Carbonio.builder().authServiceUrl(url));
        return settings;
    }

    @Test
    void everyUrlSettingRefusesARelativeOrMissingUrlNamingItself() {
        urlSettings().forEach((name, setting) -> {
            String field = name.substring(name.indexOf(' ') + 1);
            assertEquals(field + " must be an absolute http or https URL, got mail.example.com",
                    refusedSetting(() -> setting.accept("mail.example.com")), name);
            assertEquals(field + " must be an absolute http or https URL, got null", refusedSetting(() -> setting.accept(null)), name);
            setting.accept("https://mail.example.com/");
        });
    }

    @Test
    void aUserNameOrPasswordInAUrlIsRefusedAndNeverShown() {
        urlSettings().forEach((name, setting) -> {
            String field = name.substring(name.indexOf(' ') + 1);
            assertEquals(field + " must not hold a user name or password, got https://***@mail.example.com/",
                    refusedSetting(() -> setting.accept("https://admin:s3cr3t-pw@mail.example.com/")), name);
            assertEquals(field + " must be an absolute http or https URL, got ***@mail.example.com",
                    refusedSetting(() -> setting.accept("admin:s3cr3t-pw@mail.example.com")), name);
        });
    }

    @Test
    void aTrailingSlashIsDropped() {
        assertEquals("https://api.videsk.io", BaseUrls.require("baseUrl", "https://api.videsk.io/"));
        assertEquals("ftpUrl must be an absolute http or https URL, got ftp://x", refusedSetting(() -> BaseUrls.parse("ftpUrl", "ftp://x")));
    }
}
