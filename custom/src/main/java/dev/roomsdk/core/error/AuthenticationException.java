package dev.roomsdk.core.error;

/** HTTP 401 Unauthorized: the credential is missing, invalid or expired, and one refresh did not help. */
public class AuthenticationException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@link ErrorMapper} is the one caller.
     *
     * @param details what was gathered from the failed response; not null
     */
    protected AuthenticationException(Details details) {
        super(details);
    }
}
