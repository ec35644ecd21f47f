package dev.roomsdk.bench;

import dev.roomsdk.bench.TransferMemoryBenchmark.HashingStream;
import dev.roomsdk.bench.TransferMemoryBenchmark.PatternStream;
import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.testing.StreamingServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Memory check of Carbonio's binary operations end to end (run with {@code -Xmx64m}): 1 GiB
 * through {@code files().uploadAttachment} (octet-stream), 1 GiB through
 * {@code uploadAttachmentMultipart} and 1 GiB through {@code attachments().getAttachment}, against a
 * loopback server that hashes what it receives and generates what it sends. It proves the
 * typed operations' path (the call objects, run by the one {@code core.operation} runtime)
 * never buffers a file. SHA-256 is compared on both sides; peak heap and throughput are printed.
 */
public final class CarbonioTransferMemoryBenchmark {

    static final UUID ROOM = UUID.fromString("7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a");
    static final UUID FILE = UUID.fromString("9d1e4b7a-2c5f-4a8d-b3e6-1f7c0a9d2e58");

    public static void main(String[] args) throws Exception {
        long size = args.length > 0 ? Long.parseLong(args[0]) : TransferMemoryBenchmark.SIZE;
        AtomicReference<String> rawHash = new AtomicReference<>();
        AtomicReference<String> multipartHash = new AtomicReference<>();
        AtomicReference<String> downloadHash = new AtomicReference<>();
        String created = "{\"id\":\"" + FILE + "\"}";
        try (StreamingServer server = new StreamingServer()
                .handle("/rooms/", e -> {
                    try (InputStream in = e.getRequestBody()) {
                        if (e.getRequestMethod().equals("POST")) {
                            rawHash.set(hash(in, Long.MAX_VALUE));
                        } else {
                            // the file is the first part: skip its headers, hash its bytes, drain the rest
                            skipPartHeaders(in);
                            multipartHash.set(hash(in, size));
                            in.transferTo(OutputStream.nullOutputStream());
                        }
                    }
                    byte[] body = created.getBytes(StandardCharsets.UTF_8);
                    e.getResponseHeaders().add("Content-Type", "application/json");
                    e.sendResponseHeaders(201, body.length);
                    try (OutputStream out = e.getResponseBody()) {
                        out.write(body);
                    }
                })
                .handle("/attachments/", e -> {
                    e.getResponseHeaders().add("Content-Type", "application/octet-stream");
                    e.sendResponseHeaders(200, size);
                    DigestOutputStream out = new DigestOutputStream(e.getResponseBody(), TransferMemoryBenchmark.sha256());
                    try (InputStream in = new PatternStream(size)) {
                        in.transferTo(out);
                    }
                    out.close();
                    downloadHash.set(HexFormat.of().formatHex(out.getMessageDigest().digest()));
                });
             Carbonio carbonio = Carbonio.builder().baseUrl(server.baseUrl()).authToken("bench-token")
                     .httpSettings(HttpSettings.builder().retryPolicy(RetryPolicy.none())
                             .readTimeout(Duration.ofMinutes(5)).writeTimeout(Duration.ofMinutes(5))
                             .callTimeout(Duration.ofMinutes(30)).build())
                     .build()) {

            long[] raw = upload(size, rawHash, source -> carbonio.files().uploadAttachment(ROOM,
                    TransferBody.of(source, size, "big.bin", "application/octet-stream")).execute());
            long[] multipart = upload(size, multipartHash, source -> carbonio.files().uploadAttachmentMultipart(ROOM,
                    TransferBody.of(source, size, "big.bin", "application/octet-stream")).execute());

            long downPeak;
            long downNanos;
            String clientDownloadHash;
            try (HeapWatcher heap = new HeapWatcher()) {
                long start = System.nanoTime();
                DigestOutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(),
                        TransferMemoryBenchmark.sha256());
                try (Download d = carbonio.attachments().getAttachment(FILE).execute()) {
                    if (d.writeTo(sink) != size) {
                        throw new AssertionError("short download");
                    }
                }
                downNanos = System.nanoTime() - start;
                clientDownloadHash = HexFormat.of().formatHex(sink.getMessageDigest().digest());
                downPeak = heap.peakBytes();
            }
            Thread.sleep(200); // the server records its hash after the last byte is flushed
            boolean downOk = clientDownloadHash.equals(downloadHash.get());

            System.out.printf("carbonio transfer memory check: -Xmx%s, %s per transfer%n",
                    HeapWatcher.mib(HeapWatcher.maxHeap()), HeapWatcher.mib(size));
            report("uploadAttachment (octet-stream)", size, raw);
            report("uploadAttachmentMultipart      ", size, multipart);
            System.out.printf("  %s: peak heap %s, %.0f MiB/s, sha256 match %s%n", "getAttachment (download)       ",
                    HeapWatcher.mib(downPeak), size / 1048576.0 / (downNanos / 1e9), downOk);
            if (raw[2] == 0 || multipart[2] == 0 || !downOk) {
                throw new AssertionError("hash mismatch");
            }
        }
    }

    interface Upload {
        void send(InputStream source) throws IOException;
    }

    /** Returns peak heap, nanos and 1 when the server's hash matched the client's. */
    static long[] upload(long size, AtomicReference<String> serverHash, Upload upload) throws Exception {
        try (HeapWatcher heap = new HeapWatcher()) {
            HashingStream source = new HashingStream(new PatternStream(size));
            long start = System.nanoTime();
            upload.send(source);
            long nanos = System.nanoTime() - start;
            boolean match = source.hex().equals(serverHash.get());
            return new long[] {heap.peakBytes(), nanos, match ? 1 : 0};
        }
    }

    static void report(String what, long size, long[] r) {
        System.out.printf("  %s: peak heap %s, %.0f MiB/s, sha256 match %s%n", what, HeapWatcher.mib(r[0]),
                size / 1048576.0 / (r[1] / 1e9), r[2] == 1);
    }

    static String hash(InputStream in, long limit) throws IOException {
        MessageDigest sha = TransferMemoryBenchmark.sha256();
        byte[] buf = new byte[64 * 1024];
        long left = limit;
        for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) != -1; ) {
            sha.update(buf, 0, n);
            left -= n;
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Reads up to and including the blank line that ends the first part's headers. */
    static void skipPartHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; (b = in.read()) != -1; ) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
        throw new IOException("no part headers");
    }
}
