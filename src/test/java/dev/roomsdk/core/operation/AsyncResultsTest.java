package dev.roomsdk.core.operation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.core.transfer.Download;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

/** A download nobody can receive, because its future was cancelled while it was read, is closed. */
class AsyncResultsTest {

    private final AtomicBoolean closed = new AtomicBoolean();

    private ApiResponse<Download> downloadResult() {
        Buffer bytes = new Buffer().writeUtf8("0123456789");
        ForwardingSource tracked = new ForwardingSource(bytes) {
            @Override
            public void close() throws IOException {
                closed.set(true);
                super.close();
            }
        };
        ResponseBody body = ResponseBody.create(Okio.buffer(tracked), MediaType.get("application/octet-stream"), 10);
        Response response = new Response.Builder().request(new Request.Builder().url("http://127.0.0.1/f").build())
                .protocol(Protocol.HTTP_1_1).code(200).message("OK").body(body).build();
        return new ApiResponse<>(200, response.headers(), new Download(response, null));
    }

    @Test
    void aResultForACancelledFutureIsClosed() {
        CompletableFuture<ApiResponse<Download>> future = new CompletableFuture<>();
        future.cancel(false);

        AsyncResults.complete(future, downloadResult());

        assertTrue(closed.get(), "the connection of a download nobody receives is released");
    }

    @Test
    void aResultForALiveFutureIsDeliveredOpen() {
        CompletableFuture<ApiResponse<Download>> future = new CompletableFuture<>();
        ApiResponse<Download> result = downloadResult();

        AsyncResults.complete(future, result);

        assertSame(result, future.join());
        assertFalse(closed.get());
    }

    @Test
    void cancellingTheValueFutureReleasesTheDownloadThatArrivesAfterwards() {
        CompletableFuture<ApiResponse<Download>> responses = new CompletableFuture<>();
        CompletableFuture<Download> value = AsyncResults.values(responses);

        assertTrue(value.cancel(false));
        assertTrue(responses.isCancelled(), "the cancellation reaches the call's own future");
        AsyncResults.complete(responses, downloadResult());

        assertTrue(closed.get());
    }

    @Test
    void theValueFutureDeliversTheDownloadOpen() {
        CompletableFuture<ApiResponse<Download>> responses = new CompletableFuture<>();
        CompletableFuture<Download> value = AsyncResults.values(responses);
        ApiResponse<Download> result = downloadResult();

        AsyncResults.complete(responses, result);

        assertSame(result.value(), value.join());
        assertFalse(closed.get());
    }
}
