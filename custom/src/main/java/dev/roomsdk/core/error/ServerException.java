package dev.roomsdk.core.error;

/** HTTP 5xx: the server failed; retried where safe before this is thrown. */
public class ServerException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    protected ServerException(Details details) {
        super(details);
    }
}
