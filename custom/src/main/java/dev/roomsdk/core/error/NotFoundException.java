package dev.roomsdk.core.error;

/** HTTP 404 Not Found: the resource does not exist (Zoom code 1001 or 2001, Videsk NotFound). */
public class NotFoundException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@link ErrorMapper} is the one caller.
     *
     * @param details what was gathered from the failed response; not null
     */
    protected NotFoundException(Details details) {
        super(details);
    }
}
