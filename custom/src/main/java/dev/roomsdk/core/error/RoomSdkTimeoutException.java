package dev.roomsdk.core.error;

/** A connect, read, write or whole-call timeout ran out. */
public class RoomSdkTimeoutException extends RoomSdkIoException {

    private static final long serialVersionUID = 1L;

    public RoomSdkTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
