package dev.roomsdk.core.error;

/** Any status the other types do not cover. */
public class UnexpectedStatusException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@link ErrorMapper} is the one caller.
     *
     * @param details what was gathered from the failed response; not null
     */
    protected UnexpectedStatusException(Details details) {
        super(details);
    }
}
