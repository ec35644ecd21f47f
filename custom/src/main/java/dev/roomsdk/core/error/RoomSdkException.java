package dev.roomsdk.core.error;

/**
 * Root of every exception the SDK throws for a failed call. Unchecked. Messages never
 * contain credentials.
 */
public class RoomSdkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RoomSdkException(String message) {
        super(message);
    }

    public RoomSdkException(String message, Throwable cause) {
        super(message, cause);
    }
}
