package dev.roomsdk.bench;

import dev.roomsdk.core.auth.AuthScheme;
import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.core.http.Transport;
import dev.roomsdk.core.json.JsonCodec;
import dev.roomsdk.core.operation.Operation;
import dev.roomsdk.core.operation.OperationCall;
import dev.roomsdk.core.operation.OperationRuntime;
import dev.roomsdk.core.operation.Parameter;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.testing.StreamingServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Memory check for streaming transfers (run with {@code -Xmx64m}): uploads 1 GiB from a
 * generated one-shot stream to a loopback server that discards it while hashing, and
 * downloads 1 GiB that the server generates while hashing, through the SDK's
 * {@link TransferBody} and {@link Download}, both sent by the one runtime every generated
 * operation runs on ({@link OperationRuntime}, over the SDK's OkHttp client and its
 * policies). SHA-256 is compared on both sides; peak heap and throughput are printed.
 */
public final class TransferMemoryBenchmark {

    static final long SIZE = 1L << 30;

    /** A raw upload, as the generated code declares one (a file body). */
    static final Operation UPLOAD = Operation.builder("benchUpload", "PUT", "/upload")
            .parameter(Parameter.body("body").required().file())
            .consumes("application/octet-stream")
            .build();

    /** A binary result, streamed as a {@link Download}. */
    static final Operation DOWNLOAD = Operation.builder("benchDownload", "GET", "/download")
            .accepts("application/octet-stream")
            .returnsDownload()
            .build();

    /** One call of an operation, the way the generated call classes make one. */
    static final class BenchCall<T> extends OperationCall<T> {
        BenchCall(OperationRuntime runtime, Operation operation, Object... values) {
            super(runtime, operation);
            for (int i = 0; i < values.length; i++) {
                set(i + 1, values[i]);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        long size = args.length > 0 ? Long.parseLong(args[0]) : SIZE;
        AtomicReference<String> serverUploadHash = new AtomicReference<>();
        AtomicReference<String> serverDownloadHash = new AtomicReference<>();
        try (StreamingServer server = new StreamingServer()
                .handle("/upload", e -> {
                    MessageDigest sha = sha256();
                    byte[] buf = new byte[64 * 1024];
                    try (InputStream in = e.getRequestBody()) {
                        for (int n; (n = in.read(buf)) != -1; ) {
                            sha.update(buf, 0, n);
                        }
                    }
                    serverUploadHash.set(HexFormat.of().formatHex(sha.digest()));
                    e.sendResponseHeaders(204, -1);
                })
                .handle("/download", e -> {
                    e.getResponseHeaders().add("Content-Type", "application/octet-stream");
                    e.sendResponseHeaders(200, size);
                    DigestOutputStream out = new DigestOutputStream(e.getResponseBody(), sha256());
                    try (InputStream in = new PatternStream(size)) {
                        in.transferTo(out);
                    }
                    out.close();
                    serverDownloadHash.set(HexFormat.of().formatHex(out.getMessageDigest().digest()));
                })) {
            HttpSettings settings = HttpSettings.builder().readTimeout(Duration.ofMinutes(5))
                    .writeTimeout(Duration.ofMinutes(5)).retryPolicy(RetryPolicy.none()).build();
            try (Transport transport = Transport.create("bench", settings, TokenProvider.of("bench"), AuthScheme.bearer())) {
                OperationRuntime runtime = OperationRuntime.create(transport, server.baseUrl(), JsonCodec.builder().build(),
                        Map.of(), null);

                long upPeak;
                long upNanos;
                String clientUploadHash;
                try (HeapWatcher heap = new HeapWatcher()) {
                    HashingStream source = new HashingStream(new PatternStream(size));
                    TransferBody body = TransferBody.of(source, size, "big.bin", "application/octet-stream");
                    long start = System.nanoTime();
                    int status = new BenchCall<Void>(runtime, UPLOAD, body).executeWithResponse().status();
                    if (status != 204) {
                        throw new AssertionError("upload answered " + status);
                    }
                    upNanos = System.nanoTime() - start;
                    clientUploadHash = source.hex();
                    upPeak = heap.peakBytes();
                }

                long downPeak;
                long downNanos;
                String clientDownloadHash;
                try (HeapWatcher heap = new HeapWatcher()) {
                    long start = System.nanoTime();
                    DigestOutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha256());
                    try (Download d = new BenchCall<Download>(runtime, DOWNLOAD).execute()) {
                        long n = d.writeTo(sink);
                        if (n != size) {
                            throw new AssertionError("downloaded " + n + " of " + size);
                        }
                    }
                    downNanos = System.nanoTime() - start;
                    clientDownloadHash = HexFormat.of().formatHex(sink.getMessageDigest().digest());
                    downPeak = heap.peakBytes();
                }
                Thread.sleep(200); // the server records its download hash after the last byte is flushed

                boolean upOk = clientUploadHash.equals(serverUploadHash.get());
                boolean downOk = clientDownloadHash.equals(serverDownloadHash.get());
                System.out.printf("transfer memory check: -Xmx%s, %s each way%n", HeapWatcher.mib(HeapWatcher.maxHeap()), HeapWatcher.mib(size));
                System.out.printf("  upload   (one-shot stream): peak heap %s, %.0f MiB/s, sha256 match %s%n",
                        HeapWatcher.mib(upPeak), size / 1048576.0 / (upNanos / 1e9), upOk);
                System.out.printf("  download (Download.writeTo): peak heap %s, %.0f MiB/s, sha256 match %s%n",
                        HeapWatcher.mib(downPeak), size / 1048576.0 / (downNanos / 1e9), downOk);
                System.out.printf("  ratio bytes moved / peak heap: upload %.0fx, download %.0fx%n",
                        (double) size / upPeak, (double) size / downPeak);
                if (!upOk || !downOk) {
                    throw new AssertionError("hash mismatch");
                }
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code size} deterministic, non-repeating-looking bytes, generated on the fly. */
    static final class PatternStream extends InputStream {
        private final long size;
        private long pos;
        private final byte[] seed = "rooms-sdk transfer benchmark ".getBytes(StandardCharsets.UTF_8);

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return pos >= size ? -1 : next();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) next();
            }
            return n;
        }

        private int next() {
            int v = (seed[(int) (pos % seed.length)] ^ (int) (pos >>> 7)) & 0xff;
            pos++;
            return v;
        }
    }

    /** Hashes what passes through. */
    static final class HashingStream extends java.io.FilterInputStream {
        private final MessageDigest sha = sha256();

        HashingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                sha.update(b, off, n);
            }
            return n;
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
