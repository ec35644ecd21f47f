package dev.roomsdk.core.error;

/** HTTP 403 Forbidden: authenticated but not allowed (Videsk answers every DELETE with it). */
public class PermissionDeniedException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@link ErrorMapper} is the one caller.
     *
     * @param details what was gathered from the failed response; not null
     */
    protected PermissionDeniedException(Details details) {
        super(details);
    }
}
