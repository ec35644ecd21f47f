package dev.roomsdk.testing;

import com.google.gson.Gson;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.core.http.Transport;
import dev.roomsdk.core.operation.Operation;
import dev.roomsdk.core.operation.OperationCall;
import dev.roomsdk.core.operation.OperationRuntime;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.core.transfer.ProgressListener;
import java.util.Map;
import java.util.Objects;

/**
 * The SDK's one runtime ({@link OperationRuntime}) with operations written in the test rather
 * than generated from a spec: for core tests of mechanisms that no contract exercises on its
 * own (a download from an arbitrary path, an upload to a closed port). It goes through the
 * same client policies as the entry points (user agent, retry, logging; no credentials).
 * Close it to release the client's threads.
 */
public final class AdHocApi implements AutoCloseable {

    private final Transport transport;
    private final OperationRuntime runtime;

    private AdHocApi(Transport transport, OperationRuntime runtime) {
        this.transport = transport;
        this.runtime = runtime;
    }

    /** A runtime sending to {@code baseUrl} with {@code settings}, without credentials. */
    public static AdHocApi of(String baseUrl, HttpSettings settings) {
        Transport transport = Transport.create("adhoc", settings, null, null);
        return new AdHocApi(transport, OperationRuntime.create(transport, baseUrl, new Gson(), Map.of(), null));
    }

    /** {@link #of(String, HttpSettings)} without retries, so a failure shows at once and nothing sleeps. */
    public static AdHocApi withoutRetries(String baseUrl, HttpSettings.Builder settings) {
        return of(baseUrl, settings.retryPolicy(RetryPolicy.none()).build());
    }

    public OperationRuntime runtime() {
        return runtime;
    }

    /** This API with per-call options (see {@link OperationRuntime#withOptions}); closing it releases nothing. */
    public AdHocApi withOptions(RequestOptions options) {
        return new AdHocApi(transport.shared(), runtime.withOptions(options));
    }

    /** A call of {@code op} with its parameters set to {@code values}, in the operation's order. */
    public <T> Call<T> call(Operation op, Object... values) {
        Call<T> call = new Call<>(runtime, op);
        for (int i = 0; i < values.length; i++) {
            call.with(i + 1, values[i]);
        }
        return call;
    }

    /** A GET of the literal path {@code path} whose result is a {@link Download}. */
    public static Operation downloadOperation(String path) {
        return Operation.builder("download", "GET", path).returnsDownload().build();
    }

    /** Sends a GET of {@code path} (literal, no template) as a binary download. */
    public Download download(String path, ProgressListener progress) {
        Call<Download> call = call(downloadOperation(path));
        if (progress != null) {
            call.progress(progress);
        }
        return call.execute();
    }

    @Override
    public void close() {
        transport.close();
    }

    /** A call object like the generated ones, with its setters public. */
    public static final class Call<T> extends OperationCall<T> {

        Call(OperationRuntime runtime, Operation operation) {
            super(runtime, operation);
        }

        /** Sets the parameter at {@code position} (1-based). */
        public Call<T> with(int position, Object value) {
            set(position, value);
            return this;
        }

        public Call<T> progress(ProgressListener listener) {
            progressListener(Objects.requireNonNull(listener, "listener"));
            return this;
        }
    }
}
