package dev.roomsdk.core.error;

/** HTTP 403 Forbidden: authenticated but not allowed (Videsk answers every DELETE with it). */
public class PermissionDeniedException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    protected PermissionDeniedException(Details details) {
        super(details);
    }
}
