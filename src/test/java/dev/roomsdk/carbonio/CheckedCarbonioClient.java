package dev.roomsdk.carbonio;

import dev.roomsdk.carbonio.invoker.ApiCallback;
import dev.roomsdk.carbonio.invoker.ApiClient;
import dev.roomsdk.carbonio.invoker.Pair;
import dev.roomsdk.core.auth.AuthScheme;
import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RequestValidator;
import dev.roomsdk.core.http.RoomHttpClients;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Until the Carbonio entry point exists: the generated Carbonio client on an OkHttpClient
 * from {@link RoomHttpClients}, with the one hook every API's {@code ApiClient} subclass
 * carries (see {@code VideskApiClient}): {@link RequestValidator#check} in {@code buildRequest}.
 */
final class CheckedCarbonioClient extends ApiClient implements AutoCloseable {

    private final OkHttpClient http;
    private final HttpSettings settings;

    private CheckedCarbonioClient(OkHttpClient http, HttpSettings settings) {
        super(http);
        this.http = http;
        this.settings = settings;
    }

    static CheckedCarbonioClient create(String baseUrl) {
        HttpSettings settings = HttpSettings.defaults();
        OkHttpClient http = RoomHttpClients.create("carbonio", settings, TokenProvider.of("zm-token"),
                AuthScheme.cookie("ZM_AUTH_TOKEN"));
        CheckedCarbonioClient client = new CheckedCarbonioClient(http, settings);
        client.setBasePath(baseUrl);
        return client;
    }

    @Override
    public Request buildRequest(String baseUrl, String path, String method, List<Pair> queryParams,
                                List<Pair> collectionQueryParams, Object body, Map<String, String> headerParams,
                                Map<String, String> cookieParams, Map<String, Object> formParams, String[] authNames,
                                ApiCallback callback) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        queryParams.forEach(p -> pairs.add(new SimpleImmutableEntry<>(p.getName(), p.getValue())));
        collectionQueryParams.forEach(p -> pairs.add(new SimpleImmutableEntry<>(p.getName(), p.getValue())));
        RequestValidator.check(path, pairs, headerParams, body);
        return super.buildRequest(baseUrl, path, method, queryParams, collectionQueryParams, body, headerParams,
                cookieParams, formParams, authNames, callback);
    }

    @Override
    public void close() {
        RoomHttpClients.close(http, settings);
    }
}
