package dev.roomsdk.core.error;

/** HTTP 409 Conflict: e.g. a Videsk room with that externalId already exists. */
public class ConflictException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    protected ConflictException(Details details) {
        super(details);
    }
}
