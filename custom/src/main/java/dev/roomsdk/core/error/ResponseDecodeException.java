package dev.roomsdk.core.error;

/**
 * A successful response whose body does not match the contract: malformed JSON, a value of
 * the wrong JSON type, or a required field missing. Unknown fields and enum values never
 * cause it.
 */
public class ResponseDecodeException extends RoomSdkException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the operation and what did not match
     * @param cause the decoder's failure, or null
     */
    public ResponseDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
