package dev.roomsdk.core.error;

/** The call never got an HTTP response: connection refused or reset, DNS, TLS, or an I/O error mid-body. */
public class RoomSdkIoException extends RoomSdkException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the operation and the failure
     * @param cause the transport's {@code IOException} or other cause, or null
     */
    public RoomSdkIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
