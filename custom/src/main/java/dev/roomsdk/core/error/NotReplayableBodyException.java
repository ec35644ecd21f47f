package dev.roomsdk.core.error;

/**
 * A call that its retry policy would have sent again was not, because its upload streams from
 * a one-shot {@code InputStream} that cannot be read twice (e.g. a 503 to a PUT). The cause is
 * the server's answer as the SDK's typed exception. Send a file or byte array for uploads that
 * should survive a flaky network. Transport failures and timeouts keep their own types.
 */
public class NotReplayableBodyException extends RoomSdkIoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message says why the call was not sent again
     * @param cause the server's answer as the SDK's typed exception
     */
    public NotReplayableBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
