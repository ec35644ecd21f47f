package dev.roomsdk.core.error;

/** The call never got an HTTP response: connection refused or reset, DNS, TLS, or an I/O error mid-body. */
public class RoomSdkIoException extends RoomSdkException {

    private static final long serialVersionUID = 1L;

    public RoomSdkIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
