package dev.roomsdk.core.auth;

/**
 * Request tag saying the operation takes no credentials (its contract says
 * {@code security: []}, as health checks and public reads do): {@link AuthInterceptor} puts
 * none on it and {@link TokenAuthenticator} never answers its 401 with one, so a session
 * token is never sent where the contract does not ask for it.
 */
public final class Anonymous {

    /** The tag value: {@code request.newBuilder().tag(Anonymous.class, Anonymous.YES)}. */
    public static final Anonymous YES = new Anonymous();

    private Anonymous() {
    }

    /** Whether {@code request} is tagged as taking no credentials. */
    static boolean is(okhttp3.Request request) {
        return request.tag(Anonymous.class) != null;
    }
}
