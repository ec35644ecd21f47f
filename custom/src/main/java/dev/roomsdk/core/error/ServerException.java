package dev.roomsdk.core.error;

/** HTTP 5xx: the server failed; retried where safe before this is thrown. */
public class ServerException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@link ErrorMapper} is the one caller.
     *
     * @param details what was gathered from the failed response; not null
     */
    protected ServerException(Details details) {
        super(details);
    }
}
