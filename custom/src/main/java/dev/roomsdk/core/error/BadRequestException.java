package dev.roomsdk.core.error;

/** HTTP 400 Bad Request: the request broke a rule of the API (Zoom codes such as 120, 300, 8001). */
public class BadRequestException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@link ErrorMapper} is the one caller.
     *
     * @param details what was gathered from the failed response; not null
     */
    protected BadRequestException(Details details) {
        super(details);
    }
}
