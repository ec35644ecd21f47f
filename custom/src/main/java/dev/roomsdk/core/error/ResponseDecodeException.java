package dev.roomsdk.core.error;

/**
 * A successful response whose body does not match the contract: malformed JSON, a value of
 * the wrong JSON type, or a required field missing. Unknown fields and enum values never
 * cause it.
 */
public class ResponseDecodeException extends RoomSdkException {

    private static final long serialVersionUID = 1L;

    public ResponseDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
