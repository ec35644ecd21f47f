package dev.roomsdk.carbonio;

import com.google.gson.JsonParseException;
import dev.roomsdk.core.error.ErrorMapper;
import dev.roomsdk.core.http.FormValues;
import dev.roomsdk.core.http.GeneratedClientHooks;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.json.UnknownEnumValues;
import dev.roomsdk.carbonio.invoker.ApiCallback;
import dev.roomsdk.carbonio.invoker.ApiClient;
import dev.roomsdk.carbonio.invoker.ApiException;
import dev.roomsdk.carbonio.invoker.ApiResponse;
import dev.roomsdk.carbonio.invoker.JSON;
import dev.roomsdk.carbonio.invoker.Pair;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The generated client with the SDK's corrections: requests are checked against the
 * contract before they are built (see {@link GeneratedClientHooks}); failures surface as
 * {@code dev.roomsdk.core.error} exceptions instead of the generated {@link ApiException}
 * (Carbonio sends error statuses with an empty body, so the exception names the operation
 * and the status);
 * multipart form fields go as plain text; unknown enum values stay readable
 * ({@link UnknownEnumValues}); {@link RequestOptions}, when given, ride on every request;
 * operations the contract marks {@code security: []} go without the cookie, and on a client
 * built without credentials the others are refused before any I/O;
 * request bodies are never read into memory to build a call.
 */
final class CarbonioApiClient extends ApiClient {

    static {
        JSON.setGson(UnknownEnumValues.install(JSON.getGson()));
    }

    private static final Pattern ATTACHMENT_UPLOAD = Pattern.compile("/rooms/[^/]+/attachments");

    private final RequestOptions options;
    private final String withoutCredentials;

    /**
     * @param options           ride on every request; null for none
     * @param withoutCredentials null when the client has credentials, else what to tell a
     *                          caller of an operation that needs them
     */
    CarbonioApiClient(OkHttpClient client, RequestOptions options, String withoutCredentials) {
        super(client);
        this.options = options;
        this.withoutCredentials = withoutCredentials;
    }

    @Override
    public Request buildRequest(String baseUrl, String path, String method, List<Pair> queryParams,
                                List<Pair> collectionQueryParams, Object body, Map<String, String> headerParams,
                                Map<String, String> cookieParams, Map<String, Object> formParams, String[] authNames,
                                ApiCallback callback) {
        GeneratedClientHooks.checkCredentials(method, path, authNames, withoutCredentials);
        GeneratedClientHooks.check(queryParams, collectionQueryParams, Pair::getName, Pair::getValue, headerParams, body);
        // a PUT, yet each one adds an attachment: a repeat would duplicate it
        RequestOptions effective = "PUT".equals(method) && ATTACHMENT_UPLOAD.matcher(path).matches()
                ? RequestOptions.withoutRetries(options) : options;
        return GeneratedClientHooks.tag(super.buildRequest(baseUrl, path, method, queryParams, collectionQueryParams,
                body, headerParams, cookieParams, formParams, authNames, callback), authNames, effective, false);
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
}
