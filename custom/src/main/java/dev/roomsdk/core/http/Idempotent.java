package dev.roomsdk.core.http;

/**
 * Request tag saying the request may be sent again after a failure. The SDK's runtime puts it
 * on every request whose operation allows it (by method, or the spec's {@code x-sdk-retry}
 * hint); {@code RetryInterceptor} retries nothing without it.
 */
public final class Idempotent {

    /** The tag value: {@code request.newBuilder().tag(Idempotent.class, Idempotent.YES)}. */
    public static final Idempotent YES = new Idempotent();

    private Idempotent() {
    }
}
