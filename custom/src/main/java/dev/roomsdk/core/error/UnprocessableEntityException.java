package dev.roomsdk.core.error;

/** HTTP 422 Unprocessable Entity: e.g. Carbonio asked for an API version newer than it speaks. */
public class UnprocessableEntityException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    protected UnprocessableEntityException(Details details) {
        super(details);
    }
}
