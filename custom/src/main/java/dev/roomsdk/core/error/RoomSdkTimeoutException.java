package dev.roomsdk.core.error;

/** A connect, read, write or whole-call timeout ran out. */
public class RoomSdkTimeoutException extends RoomSdkIoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the operation and which timeout ran out
     * @param cause the transport's timeout exception, or null
     */
    public RoomSdkTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
