package dev.roomsdk.core.error;

/** HTTP 401 Unauthorized: the credential is missing, invalid or expired, and one refresh did not help. */
public class AuthenticationException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    protected AuthenticationException(Details details) {
        super(details);
    }
}
