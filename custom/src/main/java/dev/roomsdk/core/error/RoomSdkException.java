package dev.roomsdk.core.error;

/**
 * Root of every exception the SDK throws: for a failed call, and for a client or setting
 * configured with a value it cannot use ({@link InvalidConfigurationException}). Unchecked.
 * Messages never contain credentials.
 */
public class RoomSdkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed; must not contain a credential
     */
    public RoomSdkException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what failed; must not contain a credential
     * @param cause the underlying failure, or null
     */
    public RoomSdkException(String message, Throwable cause) {
        super(message, cause);
    }
}
