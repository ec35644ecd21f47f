package dev.roomsdk.zoom;

import com.google.gson.JsonParseException;
import dev.roomsdk.core.error.ErrorMapper;
import dev.roomsdk.core.http.FormValues;
import dev.roomsdk.core.http.GeneratedClientHooks;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.json.UnknownEnumValues;
import dev.roomsdk.zoom.invoker.ApiCallback;
import dev.roomsdk.zoom.invoker.ApiClient;
import dev.roomsdk.zoom.invoker.ApiException;
import dev.roomsdk.zoom.invoker.ApiResponse;
import dev.roomsdk.zoom.invoker.JSON;
import dev.roomsdk.zoom.invoker.Pair;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The generated client with the SDK's corrections: requests are checked against the
 * contract before they are built (see {@link GeneratedClientHooks}); failures surface as
 * {@code dev.roomsdk.core.error} exceptions (Zoom's {@code {code, message}} parsed into
 * {@link dev.roomsdk.core.error.VendorError}) instead of the generated {@link ApiException};
 * multipart form fields go as plain text; unknown enum values stay readable
 * ({@link UnknownEnumValues}); {@link RequestOptions}, when given, ride on every request;
 * request bodies are never read into memory to build a call; a
 * multipart request may be prepared without its parts so {@link ZoomRooms} can attach a
 * streaming body.
 */
final class ZoomApiClient extends ApiClient {

    static {
        JSON.setGson(UnknownEnumValues.install(JSON.getGson()));
    }

    private final RequestOptions options;

    /** {@code options} ride on every request; null for none. */
    ZoomApiClient(OkHttpClient client, RequestOptions options) {
        super(client);
        this.options = options;
    }

    @Override
    public Request buildRequest(String baseUrl, String path, String method, List<Pair> queryParams,
                                List<Pair> collectionQueryParams, Object body, Map<String, String> headerParams,
                                Map<String, String> cookieParams, Map<String, Object> formParams, String[] authNames,
                                ApiCallback callback) {
        GeneratedClientHooks.check(queryParams, collectionQueryParams, Pair::getName, Pair::getValue, headerParams, body);
        return GeneratedClientHooks.tag(super.buildRequest(baseUrl, path, method, queryParams, collectionQueryParams,
                body, headerParams, cookieParams, formParams, authNames, callback), authNames, options, false);
    }

    @Override
    public Call buildCall(String baseUrl, String path, String method, List<Pair> queryParams,
                          List<Pair> collectionQueryParams, Object body, Map<String, String> headerParams,
                          Map<String, String> cookieParams, Map<String, Object> formParams, String[] authNames,
                          ApiCallback callback) {
        return RequestOptions.applyCallTimeout(super.buildCall(baseUrl, path, method, queryParams,
                collectionQueryParams, body, headerParams, cookieParams, formParams, authNames, callback));
    }

    /** Every path parameter passes here (query values too, from inside the generated client). */
    @Override
    public String escapeString(String str) {
        GeneratedClientHooks.checkEscaped(str);
        return super.escapeString(str);
    }

    @Override
    public <T> ApiResponse<T> execute(Call call, Type returnType) {
        try {
            return super.execute(call, returnType);
        } catch (ApiException e) {
            throw ErrorMapper.map(call.request(), e.getCode(), e.getResponseHeaders(), e.getResponseBody(), e.getCause());
        }
    }

    /** Only a body that does not match the contract is a decode failure; other errors pass unchanged. */
    @Override
    public <T> T deserialize(Response response, Type returnType) {
        try {
            return super.deserialize(response, returnType);
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            throw ErrorMapper.decodeFailure(response.request(), e);
        }
    }

    /**
     * The generated client reads every request body into memory here, only to offer it to
     * signing auth schemes; the SDK's credentials need no body, and reading would defeat
     * streaming uploads.
     */
    @Override
    protected String requestBodyToString(RequestBody requestBody) {
        return "";
    }

    @Override
    protected void addPartToMultiPartBuilder(MultipartBody.Builder builder, String key, Object value) {
        super.addPartToMultiPartBuilder(builder, key, FormValues.asPlainText(value));
    }

    /**
     * An empty placeholder when no part is given: the generated upload method only takes a
     * {@code java.io.File} (which it would read whole), so the upload is prepared without
     * it and its streaming body attached afterwards (OkHttp refuses a multipart body with
     * no parts).
     */
    @Override
    public RequestBody buildRequestBodyMultipart(Map<String, Object> formParams) {
        if (formParams.isEmpty()) {
            return RequestBody.create(new byte[0], null);
        }
        return super.buildRequestBodyMultipart(formParams);
    }
}
