package dev.roomsdk.readme;

import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.core.auth.CachingTokenProvider;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.zoom.ZoomOAuth;
import dev.roomsdk.zoom.ZoomRooms;
import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.OkHttpClient;

/** The README's configuration snippets (compiled only: they read the environment or need a proxy). */
final class ReadmeConfigurationSnippets {

    private ReadmeConfigurationSnippets() {
    }

    static void fromEnv() {
        // README: from-env
        Videsk videsk = Videsk.builder().fromEnv().build();           // VIDESK_TOKEN, VIDESK_BASE_URL
        ZoomRooms zoom = ZoomRooms.builder().fromEnv().build();       // ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET, ...
        Carbonio carbonio = Carbonio.builder().fromEnv().build();     // CARBONIO_BASE_URL, CARBONIO_AUTH_TOKEN, ...
        // END
        videsk.close();
        zoom.close();
        carbonio.close();
    }

    static void ownClient(String apiToken, String accountId, String clientId, String clientSecret) {
        // README: own-okhttp
        OkHttpClient shared = new OkHttpClient.Builder()
                .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy.example.com", 3128)))
                .build();
        HttpSettings settings = HttpSettings.builder().baseClient(shared).build();   // pool and dispatcher shared
        Videsk videsk = Videsk.builder().apiToken(apiToken).httpSettings(settings).build();
        CachingTokenProvider oauth = ZoomOAuth.serverToServer(accountId, clientId, clientSecret)
                .httpClient(shared)                                      // token requests through the proxy too
                .build();
        ZoomRooms zoom = ZoomRooms.builder().credentials(oauth).httpSettings(settings).build();
        // END
        videsk.close();
        zoom.close();
    }
}
