package dev.roomsdk.core.error;

import java.io.IOException;

/**
 * The response body broke off (a reset, a malformed chunk, a timeout) after its status line
 * arrived and before the SDK delivered anything to the caller. Inside OkHttp's chain it is an
 * {@link IOException} like any transport failure, so an idempotent call is retried per its
 * policy; the caller gets it as the cause of a {@link RoomSdkIoException} (or
 * {@link RoomSdkTimeoutException}) whose message says the body failed.
 */
public final class ResponseBodyFailure extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * A body that failed while being read.
     *
     * @param status the HTTP status of the response whose body failed
     * @param cause the I/O failure; its text is part of the message
     */
    public ResponseBodyFailure(int status, IOException cause) {
        super("the body of a " + status + " response failed: " + cause, cause);
    }

    /**
     * A body that failed while being decoded, its status already passed on.
     *
     * @param cause the I/O failure; its text is part of the message
     */
    public ResponseBodyFailure(IOException cause) {
        super("the response body failed: " + cause, cause);
    }
}
