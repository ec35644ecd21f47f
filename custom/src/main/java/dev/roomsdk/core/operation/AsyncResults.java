package dev.roomsdk.core.operation;

import dev.roomsdk.core.transfer.Download;
import java.util.concurrent.CompletableFuture;

/**
 * Hands async results to their futures without leaking a download: a future cancelled while
 * its response was being read never delivers the {@link Download} it produced, so whoever
 * loses that race closes it (it holds the connection).
 */
final class AsyncResults {

    private AsyncResults() {
    }

    /** Completes {@code future} with {@code result}; if the future was cancelled meanwhile, releases the result. */
    static <T> void complete(CompletableFuture<ApiResponse<T>> future, ApiResponse<T> result) {
        if (!future.complete(result)) {
            release(result);
        }
    }

    /**
     * The decoded value of {@code responses}. Cancelling it cancels {@code responses} (and so the
     * HTTP call); if the response had already arrived, its download is released.
     */
    static <T> CompletableFuture<T> values(CompletableFuture<ApiResponse<T>> responses) {
        CompletableFuture<T> value = responses.thenApply(ApiResponse::value);
        // a dependent future does not cancel its source: pass the cancellation on
        value.whenComplete((v, t) -> {
            if (value.isCancelled() && !responses.cancel(false)) {
                responses.thenAccept(AsyncResults::release);
            }
        });
        return value;
    }

    private static void release(ApiResponse<?> result) {
        if (result != null && result.value() instanceof Download) {
            ((Download) result.value()).close();
        }
    }
}
