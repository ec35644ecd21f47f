package dev.roomsdk.core.error;

/** HTTP 413 Payload Too Large: an upload over the server's limit. */
public class PayloadTooLargeException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@link ErrorMapper} is the one caller.
     *
     * @param details what was gathered from the failed response; not null
     */
    protected PayloadTooLargeException(Details details) {
        super(details);
    }
}
