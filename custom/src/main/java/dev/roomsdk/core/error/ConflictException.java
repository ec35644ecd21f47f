package dev.roomsdk.core.error;

/** HTTP 409 Conflict: e.g. a Videsk room with that externalId already exists. */
public class ConflictException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@link ErrorMapper} is the one caller.
     *
     * @param details what was gathered from the failed response; not null
     */
    protected ConflictException(Details details) {
        super(details);
    }
}
