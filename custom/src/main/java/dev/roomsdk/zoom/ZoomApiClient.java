package dev.roomsdk.zoom;

import com.google.gson.JsonParseException;
import dev.roomsdk.core.error.ErrorMapper;
import dev.roomsdk.core.http.FormValues;
import dev.roomsdk.zoom.invoker.ApiClient;
import dev.roomsdk.zoom.invoker.ApiException;
import dev.roomsdk.zoom.invoker.ApiResponse;
import java.lang.reflect.Type;
import java.util.Map;
import okhttp3.Call;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * The generated client with the SDK's corrections: failures surface as
 * {@code dev.roomsdk.core.error} exceptions (Zoom's {@code {code, message}} parsed into
 * {@link dev.roomsdk.core.error.VendorError}) instead of the generated {@link ApiException},
 * multipart form fields such as the app-version {@code action} go as plain text, and a
 * multipart request may be prepared without its parts so {@link ZoomRooms} can attach a
 * streaming body.
 */
final class ZoomApiClient extends ApiClient {

    ZoomApiClient(OkHttpClient client) {
        super(client);
    }

    @Override
    public <T> ApiResponse<T> execute(Call call, Type returnType) {
        try {
            return super.execute(call, returnType);
        } catch (ApiException e) {
            throw ErrorMapper.map(call.request(), e.getCode(), e.getResponseHeaders(), e.getResponseBody(), e.getCause());
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            throw ErrorMapper.decodeFailure(call.request(), e);
        }
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
