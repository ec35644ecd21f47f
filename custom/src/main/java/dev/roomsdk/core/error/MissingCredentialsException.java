package dev.roomsdk.core.error;

/**
 * A call that needs credentials was refused before any I/O because its client was built
 * without any (allowed for clients that only make the contract's {@code security: []} calls,
 * such as health checks and public reads). The message names the operation and how to build
 * a client that has credentials.
 */
public class MissingCredentialsException extends RoomSdkException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the operation and how to build a client with credentials
     */
    public MissingCredentialsException(String message) {
        super(message);
    }
}
