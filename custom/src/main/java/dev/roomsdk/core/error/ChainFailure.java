package dev.roomsdk.core.error;

import java.io.IOException;
import java.util.Objects;

/**
 * An {@link IOException} carrying a {@link RoomSdkException} across OkHttp's interceptor
 * chain, whose contract allows only {@code IOException}s: an unchecked exception thrown there
 * escapes on the dispatcher thread of an asynchronous call, and its callback only sees
 * {@code IOException("canceled due to ...")}. The SDK's interceptors and authenticator throw
 * this instead, and the SDK's runtime unwraps it, so the caller gets the typed error
 * ({@link #failure()}), sync or async.
 *
 * <p>Immutable and thread-safe. Its message is the failure's, which never contains a
 * credential. The transport retry policy never resends a call that failed with it: the
 * failure was already decided (a token endpoint has its own retries).
 */
public final class ChainFailure extends IOException {

    private static final long serialVersionUID = 1L;

    /** The wrapped typed error; never null. */
    private final RoomSdkException failure;

    /**
     * Wraps {@code failure}, which becomes the cause.
     *
     * @param failure the typed error to carry through the chain; not null
     * @throws NullPointerException if {@code failure} is null
     */
    public ChainFailure(RoomSdkException failure) {
        super(Objects.requireNonNull(failure, "failure").getMessage(), failure);
        this.failure = failure;
    }

    /** {@return the typed error the caller should get} Never null. */
    public RoomSdkException failure() {
        return failure;
    }
}
