package dev.roomsdk.core.http;

/**
 * Request tag saying a POST or PATCH may be sent again safely (the SDK knows repeating it
 * cannot duplicate anything). GET, HEAD, PUT, DELETE and OPTIONS need no tag.
 */
public final class Idempotent {

    /** The tag value: {@code request.newBuilder().tag(Idempotent.class, Idempotent.YES)}. */
    public static final Idempotent YES = new Idempotent();

    private Idempotent() {
    }
}
