package dev.roomsdk.core.error;

/** Any status the other types do not cover. */
public class UnexpectedStatusException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    protected UnexpectedStatusException(Details details) {
        super(details);
    }
}
