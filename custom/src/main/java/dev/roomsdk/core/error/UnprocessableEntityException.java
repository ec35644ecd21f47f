package dev.roomsdk.core.error;

/** HTTP 422 Unprocessable Entity: e.g. Carbonio asked for an API version newer than it speaks. */
public class UnprocessableEntityException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@link ErrorMapper} is the one caller.
     *
     * @param details what was gathered from the failed response; not null
     */
    protected UnprocessableEntityException(Details details) {
        super(details);
    }
}
