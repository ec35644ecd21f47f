package dev.roomsdk.core.operation;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.transfer.ProgressListener;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One call of an operation, as the generated API classes hand it out: the required arguments
 * are given when it is made, optional ones set on it, then it is sent. Every way of sending
 * keeps the same promises: the arguments are checked against the contract before any I/O
 * ({@link dev.roomsdk.core.error.InvalidRequestException} naming the field and the rule), and
 * every failure is a {@link dev.roomsdk.core.error.RoomSdkException} subtype, thrown by the
 * sync forms and completing the future of the async ones.
 *
 * <p>Not thread-safe: build and send it on one thread. Each send uses the values set so far,
 * so one call object may be sent several times. Its {@code toString()} names the operation and
 * never prints argument values.
 *
 * @param <T> what a successful response decodes to: a model, a list of them, a
 *            {@link dev.roomsdk.core.transfer.Download} for binary results (close it), or
 *            {@link Void} when the contract returns no body
 */
public abstract class OperationCall<T> {

    private final OperationRuntime runtime;
    private final Operation operation;
    private final Object[] values;
    private ProgressListener progress = ProgressListener.NONE;

    /**
     * A call with no argument set yet; generated subclasses set the required ones next.
     *
     * @param runtime sends the call; not null
     * @param operation what the call sends; not null
     */
    protected OperationCall(OperationRuntime runtime, Operation operation) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.values = new Object[operation.parameterCount()];
    }

    /**
     * Sets a parameter; checked only when the call is sent.
     *
     * @param position 1-based, in the operation's order
     * @param value the value; null unsets it
     */
    protected final void set(int position, Object value) {
        values[position - 1] = value;
    }

    /**
     * Progress of a transfer's body (upload or download).
     *
     * @param listener told as bytes go; not null
     * @throws dev.roomsdk.core.error.InvalidRequestException if {@code listener} is null
     */
    protected final void progressListener(ProgressListener listener) {
        this.progress = Checks.argumentNotNull(operation.toString(), "progress", listener);
    }

    /**
     * Sends the call and waits for its result. Blocking I/O.
     *
     * @return the decoded result, or null for operations without one
     * @throws dev.roomsdk.core.error.RoomSdkException (a subtype) when the call fails or an argument is invalid
     */
    public final T execute() {
        return executeWithResponse().value();
    }

    /**
     * Sends the call and waits. Blocking I/O.
     *
     * @return the result with the response's status and headers
     * @throws dev.roomsdk.core.error.RoomSdkException (a subtype) when the call fails or an argument is invalid
     */
    public final ApiResponse<T> executeWithResponse() {
        return runtime.<T>execute(operation, values.clone(), progress);
    }

    /**
     * Sends the call on the client's dispatcher. The future fails with a
     * {@link dev.roomsdk.core.error.RoomSdkException} subtype (an invalid argument too, without any
     * I/O); cancelling it cancels the HTTP call.
     *
     * @return a future of the decoded result (null for operations without one)
     */
    public final CompletableFuture<T> executeAsync() {
        return AsyncResults.values(runtime.executeAsync(operation, values.clone(), progress));
    }

    /** {@return a future of the result with the response's status and headers; otherwise as {@link #executeAsync()}} */
    public final CompletableFuture<ApiResponse<T>> executeWithResponseAsync() {
        return runtime.executeAsync(operation, values.clone(), progress);
    }

    /** The request {@code execute()} would send now (checked, written, not sent); for tests and benchmarks. */
    okhttp3.Request toRequest() {
        return RequestWriter.write(runtime, operation, values.clone());
    }

    /** {@return the operation this call sends} */
    public final Operation operation() {
        return operation;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + operation.label + "}";
    }
}
