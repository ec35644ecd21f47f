package dev.roomsdk.core.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.testing.StreamingServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * A one-shot {@code InputStream} body is closed on every path: by {@code writeTo} when sent,
 * and by {@link Transfers#release} when its call ended without sending it. The same through the
 * SDK's runtime: {@code dev.roomsdk.core.operation.UploadReleaseTest}.
 */
class TransferBodyReleaseTest {

    /** Counts close() and read() calls of the caller's stream. */
    static final class Watched extends InputStream {
        final AtomicInteger closes = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        private final ByteArrayInputStream in;

        Watched(byte[] bytes) {
            in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            reads.incrementAndGet();
            return in.read();
        }

        @Override
        public int read(byte[] b) {
            return read(b, 0, b.length);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            reads.incrementAndGet();
            return in.read(b, off, len);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    static TransferBody streamOf(Watched in) {
        return TransferBody.of(in, 3, "a.bin", "application/octet-stream");
    }

    /** A loopback port nothing listens on: bound, then closed again. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code prepared} with {@code body} instead of its own. */
    static Request withBody(Request prepared, RequestBody body) {
        return prepared.newBuilder().method(prepared.method(), body).build();
    }

    @Test
    void aStreamSentToAPortWhereNothingListensIsClosedByTheRelease() throws IOException {
        Watched in = new Watched(new byte[] {1, 2, 3});
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS)
                .retryOnConnectionFailure(false).build();
        Request prepared = new Request.Builder().url("http://127.0.0.1:" + closedPort() + "/upload")
                .post(RequestBody.create(new byte[0])).build();
        Call call = http.newCall(withBody(prepared, Transfers.sentAs(streamOf(in), "application/octet-stream")));

        // what the runtime does: execute, and release once the call is over, whatever its outcome
        try {
            assertThrows(IOException.class, call::execute, "no connection could be made");
        } finally {
            Transfers.release(call.request());
        }

        assertEquals(0, in.reads.get(), "writeTo never ran: nothing was read");
        assertEquals(1, in.closes.get(), "closed although it was never sent");
    }

    @Test
    void anAsyncCallThatFailsToConnectIsReleasedInItsCallback() throws Exception {
        Watched in = new Watched(new byte[] {1, 2, 3});
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS).build();
        Request request = new Request.Builder().url("http://127.0.0.1:" + closedPort() + "/upload")
                .post(Transfers.formData("file", streamOf(in), Map.of("k", "v"))).build();
        CompletableFuture<IOException> failed = new CompletableFuture<>();

        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                Transfers.release(call.request());
                failed.complete(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                response.close();
                Transfers.release(call.request());
                failed.completeExceptionally(new AssertionError("a response from a closed port"));
            }
        });

        failed.get(10, TimeUnit.SECONDS);
        http.dispatcher().executorService().shutdown();
        assertEquals(1, in.closes.get());
        assertEquals(0, in.reads.get());
    }

    @Test
    void aSentStreamIsClosedOnceAndTheReleaseAfterwardsDoesNothing() throws Exception {
        Watched in = new Watched(new byte[] {1, 2, 3});
        byte[][] received = new byte[1][];
        try (StreamingServer server = new StreamingServer().handle("/upload", e -> {
            received[0] = e.getRequestBody().readAllBytes();
            e.sendResponseHeaders(204, -1);
        })) {
            Call call = new OkHttpClient().newCall(new Request.Builder().url(server.baseUrl() + "/upload")
                    .post(Transfers.sentAs(streamOf(in), "application/octet-stream")).build());
            try (Response response = call.execute()) {
                assertEquals(204, response.code());
            } finally {
                Transfers.release(call.request());
            }
        }

        assertArrayEquals(new byte[] {1, 2, 3}, received[0]);
        assertEquals(1, in.closes.get(), "closed by writeTo, not again by the release");
    }

    @Test
    void theReleaseSeesThroughEveryWrapperOfThisPackage() throws IOException {
        Watched raw = new Watched(new byte[3]);
        Watched form = new Watched(new byte[3]);
        Watched multipart = new Watched(new byte[3]);
        Watched plain = new Watched(new byte[3]);
        Request prepared = new Request.Builder().url("http://127.0.0.1:1/x").post(RequestBody.create(new byte[0])).build();

        Transfers.release(withBody(prepared, Transfers.sentAs(streamOf(raw), "application/octet-stream")));
        Transfers.release(withBody(prepared, Transfers.formData("file", streamOf(form), Map.of("a", "b"))));
        // OkHttp's own multipart body, as a caller or another runtime might build it: the release looks into its parts
        Transfers.release(withBody(prepared, new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", "a.bin", streamOf(multipart)).build()));
        Transfers.release(streamOf(plain));

        assertEquals(1, raw.closes.get(), "sentAs");
        assertEquals(1, form.closes.get(), "formData");
        assertEquals(1, multipart.closes.get(), "a part of a MultipartBody");
        assertEquals(1, plain.closes.get(), "the body itself");
    }

    @Test
    void aReleasedStreamIsClosedOnceAndRefusesToBeSentAfterwards() throws IOException {
        Watched in = new Watched(new byte[] {1, 2, 3});
        TransferBody body = streamOf(in);
        TransferBody withProgress = body.withProgress((done, total) -> { });

        Transfers.release(body);
        Transfers.release(withProgress);
        Transfers.release(body);

        assertEquals(1, in.closes.get(), "once, whichever copy is released");
        IOException e = assertThrows(IOException.class, () -> withProgress.writeTo(new Buffer()));
        assertTrue(e.getMessage().contains("released"), e.getMessage());
        assertEquals(0, in.reads.get());
    }

    @Test
    void aStreamThatFailsWhileSentIsClosedByWriteTo() {
        Watched in = new Watched(new byte[] {1, 2});
        TransferBody promisedThree = streamOf(in);

        assertThrows(IOException.class, () -> promisedThree.writeTo(new Buffer()), "2 of 3 declared bytes");
        Transfers.release(promisedThree);

        assertEquals(1, in.closes.get());
    }

    @Test
    void replayableBodiesAndNullsAreLeftAlone() throws IOException {
        TransferBody bytes = TransferBody.of(new byte[] {7, 8}, "b.bin", "application/octet-stream");
        Transfers.release(bytes);
        Transfers.release((Request) null);
        Transfers.release((RequestBody) null);
        Transfers.release(new Request.Builder().url("http://127.0.0.1:1/x").build());

        Buffer sink = new Buffer();
        bytes.writeTo(sink);
        assertArrayEquals(new byte[] {7, 8}, sink.readByteArray(), "still sendable after a release");
    }
}
