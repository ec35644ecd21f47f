package dev.roomsdk.core.error;

/**
 * An upload that streamed from a one-shot {@code InputStream} failed in transit. The SDK
 * does not retry it, because the stream cannot be read again; send a file or byte array
 * for uploads that should survive a flaky network.
 */
public class NotReplayableBodyException extends RoomSdkIoException {

    private static final long serialVersionUID = 1L;

    public NotReplayableBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
