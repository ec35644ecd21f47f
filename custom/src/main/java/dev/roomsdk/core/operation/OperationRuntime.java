package dev.roomsdk.core.operation;

import com.google.gson.Gson;
import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.ErrorMapper;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.RoomSdkException;
import dev.roomsdk.core.http.BaseUrls;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.http.Transport;
import dev.roomsdk.core.transfer.ProgressListener;
import dev.roomsdk.core.transfer.Transfers;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one place where any operation of the three APIs runs: it builds the request from the
 * operation's metadata and the call's values, checks it against the contract before any I/O,
 * sends it through the client's policies (user agent, retry, credentials, logging: see
 * {@link dev.roomsdk.core.http.RoomHttpClients}), maps every failure to a
 * {@link RoomSdkException} subtype exactly once, and decodes the result. Generated API classes
 * hold one; entry points create it. Immutable and thread-safe; {@link #withOptions} derives a
 * runtime sharing the connection pool and dispatcher.
 */
public final class OperationRuntime {

    final OkHttpClient http;
    final String userAgent;
    final HttpUrl baseUrl;
    /** The base URL's encoded path without its trailing slash, to which operation paths are appended. */
    final String basePath;
    final Gson gson;
    final RequestOptions options;
    final Map<String, Object> clientDefaults;
    /** Null when the client has credentials; else the sentence saying how to give it some. */
    final String missingCredentials;
    /** The contract version the client speaks, or null: operations of any version are sent. */
    final ContractVersion speaks;

    private OperationRuntime(OkHttpClient http, String userAgent, HttpUrl baseUrl, Gson gson, RequestOptions options,
                             Map<String, Object> clientDefaults, String missingCredentials, ContractVersion speaks) {
        this.http = http;
        this.userAgent = userAgent;
        this.baseUrl = baseUrl;
        String path = baseUrl.encodedPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.gson = gson;
        this.options = options;
        this.clientDefaults = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(clientDefaults));
        this.missingCredentials = missingCredentials;
        this.speaks = speaks;
    }

    /**
     * A runtime sending to {@code baseUrl} through {@code transport}'s client, decoding with the
     * API's {@code gson}. {@code clientDefaults} are the values of parameters the contract marks
     * {@code x-sdk-client-default} (by their key); {@code missingCredentials} is null when the
     * client has credentials, else the sentence telling a caller of a secured operation how to
     * build a client that has them. Operations of every contract version are sent (see
     * {@link #create(Transport, String, Gson, Map, String, ContractVersion)}). No I/O.
     *
     * @param transport the client to send through; not null, not owned by the runtime
     * @param baseUrl absolute http(s) URL operation paths are appended to; not null
     * @param gson the API's Gson; not null
     * @param clientDefaults values by {@code x-sdk-client-default} key; not null, copied
     * @param missingCredentials null when the client has credentials, else how to get some
     * @return a thread-safe runtime
     * @throws InvalidConfigurationException if {@code baseUrl} is not an absolute http(s) URL, or
     *         {@code transport}, {@code gson} or {@code clientDefaults} is null
     */
    public static OperationRuntime create(Transport transport, String baseUrl, Gson gson,
                                          Map<String, Object> clientDefaults, String missingCredentials) {
        return create(transport, baseUrl, gson, clientDefaults, missingCredentials, null);
    }

    /**
     * As {@link #create(Transport, String, Gson, Map, String)}, for a client that speaks one
     * version of its API's contract: an operation generated from another version
     * ({@link Operation#contractVersion()}) is refused before any I/O with an
     * {@link dev.roomsdk.core.error.OperationVersionException}. No I/O.
     *
     * @param transport the client to send through; not null, not owned by the runtime
     * @param baseUrl absolute http(s) URL operation paths are appended to; not null
     * @param gson the API's Gson; not null
     * @param clientDefaults values by {@code x-sdk-client-default} key; not null, copied
     * @param missingCredentials null when the client has credentials, else how to get some
     * @param speaks the contract version the client speaks; null for no check
     * @return a thread-safe runtime
     * @throws InvalidConfigurationException if {@code baseUrl} is not an absolute http(s) URL, or
     *         {@code transport}, {@code gson} or {@code clientDefaults} is null
     */
    public static OperationRuntime create(Transport transport, String baseUrl, Gson gson,
                                          Map<String, Object> clientDefaults, String missingCredentials,
                                          ContractVersion speaks) {
        Checks.settingNotNull("transport", transport);
        HttpUrl url = BaseUrls.parse("baseUrl", baseUrl);
        return new OperationRuntime(transport.client(), transport.userAgent(), url, Checks.settingNotNull("gson", gson), null,
                Checks.settingNotNull("clientDefaults", clientDefaults), missingCredentials, speaks);
    }

    /**
     * This runtime with per-call overrides: its client is derived with {@link OkHttpClient#newBuilder()}
     * (same pool, dispatcher and policies) carrying the options' timeouts, and every request carries
     * the options for the retry policy. {@code options} replace any this runtime had. No I/O.
     *
     * @param options the overrides; not null
     * @return a new runtime sharing this one's connection pool and dispatcher
     * @throws InvalidRequestException if {@code options} is null
     */
    public OperationRuntime withOptions(RequestOptions options) {
        Checks.argumentNotNull(null, "options", options);
        OkHttpClient.Builder b = http.newBuilder();
        options.connectTimeout().ifPresent(d -> b.connectTimeout(d.toMillis(), TimeUnit.MILLISECONDS));
        options.readTimeout().ifPresent(d -> b.readTimeout(d.toMillis(), TimeUnit.MILLISECONDS));
        options.writeTimeout().ifPresent(d -> b.writeTimeout(d.toMillis(), TimeUnit.MILLISECONDS));
        options.callTimeout().ifPresent(d -> b.callTimeout(d.toMillis(), TimeUnit.MILLISECONDS));
        return new OperationRuntime(b.build(), userAgent, baseUrl, gson, options, clientDefaults, missingCredentials, speaks);
    }

    /** {@return the base URL requests go to} */
    public String baseUrl() {
        return baseUrl.toString();
    }

    /** {@return the contract version this runtime's client speaks, or null when it sends operations of any} */
    public ContractVersion speaks() {
        return speaks;
    }

    /** {@return whether calls that need credentials can be made (the client was built with some)} */
    public boolean hasCredentials() {
        return missingCredentials == null;
    }

    /** {@return the per-call options this runtime carries, or null} */
    public RequestOptions options() {
        return options;
    }

    Object clientDefault(String key) {
        return clientDefaults.get(key);
    }

    <T> ApiResponse<T> execute(Operation op, Object[] values, ProgressListener progress) {
        Request request = write(op, values);
        Call call = newCall(op, request);
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw ErrorMapper.map(request, 0, null, null, e);
        } finally {
            Transfers.release(request);
        }
        return ResponseReader.read(op, request, response, gson, progress);
    }

    <T> CompletableFuture<ApiResponse<T>> executeAsync(Operation op, Object[] values, ProgressListener progress) {
        CompletableFuture<ApiResponse<T>> future = new CompletableFuture<>();
        Request request;
        try {
            request = write(op, values);
        } catch (RoomSdkException e) {
            future.completeExceptionally(e);
            return future;
        }
        Call call = newCall(op, request);
        future.whenComplete((r, t) -> {
            if (future.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                Transfers.release(request);
                future.completeExceptionally(ErrorMapper.map(request, 0, null, null, e));
            }

            @Override
            public void onResponse(Call c, Response response) {
                Transfers.release(request);
                try {
                    AsyncResults.complete(future, ResponseReader.read(op, request, response, gson, progress));
                } catch (RoomSdkException e) {
                    future.completeExceptionally(e);
                }
            }
        });
        return future;
    }

    /**
     * The request, or the refusal; a refused call never sends its bodies, so their one-shot
     * streams are released here (see {@link dev.roomsdk.core.transfer.TransferBody}).
     */
    private Request write(Operation op, Object[] values) {
        try {
            return RequestWriter.write(this, op, values);
        } catch (RuntimeException e) {
            for (Object v : values) {
                if (v instanceof okhttp3.RequestBody) {
                    Transfers.release((okhttp3.RequestBody) v);
                }
            }
            throw e;
        }
    }

    private Call newCall(Operation op, Request request) {
        Call call = http.newCall(request);
        if (op.transfer && (options == null || options.callTimeout().isEmpty())) {
            // a transfer's length grows with the file: only the read and write timeouts bound it
            call.timeout().timeout(0, TimeUnit.MILLISECONDS);
        }
        return call;
    }

    @Override
    public String toString() {
        return "OperationRuntime{baseUrl=" + baseUrl + (options == null ? "" : ", options=" + options) + "}";
    }
}
