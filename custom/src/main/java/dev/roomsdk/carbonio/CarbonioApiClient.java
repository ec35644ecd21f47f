package dev.roomsdk.carbonio;

import com.google.gson.JsonParseException;
import dev.roomsdk.carbonio.invoker.ApiClient;
import dev.roomsdk.carbonio.invoker.ApiException;
import dev.roomsdk.carbonio.invoker.ApiResponse;
import dev.roomsdk.core.error.ErrorMapper;
import dev.roomsdk.core.http.FormValues;
import java.lang.reflect.Type;
import okhttp3.Call;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * The generated client with the SDK's corrections: failures surface as
 * {@code dev.roomsdk.core.error} exceptions instead of the generated {@link ApiException}
 * (Carbonio sends error statuses with an empty body, so the exception names the operation
 * and status), and multipart form fields go as plain text. Request bodies are never read
 * into memory to build a call.
 */
final class CarbonioApiClient extends ApiClient {

    CarbonioApiClient(OkHttpClient client) {
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

    /**
     * The generated client reads every request body into memory here, only to offer it to
     * signing auth schemes; Carbonio's cookie needs no body, and reading would defeat the
     * streaming uploads (and pull in a whole file for the {@code File} bodies of the
     * generated upload methods).
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
