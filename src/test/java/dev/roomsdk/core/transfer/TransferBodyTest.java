package dev.roomsdk.core.transfer;

import static dev.roomsdk.testing.Refusals.refusedArgument;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.core.error.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferBodyTest {

    @TempDir
    Path dir;

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }

    @Test
    void fileBodyIsReplayableWithNameTypeAndLengthFromThePath() throws IOException {
        Path file = dir.resolve("background.png");
        Files.write(file, bytes(200_000));
        TransferBody body = TransferBody.of(file);

        assertEquals("background.png", body.fileName());
        assertEquals("image/png", body.contentType().toString());
        assertEquals(200_000, body.contentLength());
        assertFalse(body.isOneShot());
        for (int i = 0; i < 2; i++) {
            Buffer sink = new Buffer();
            body.writeTo(sink);
            assertArrayEquals(bytes(200_000), sink.readByteArray(), "written again identically");
        }
    }

    @Test
    void streamBodyIsOneShotAndRefusesASecondWrite() throws IOException {
        TransferBody body = TransferBody.of(new ByteArrayInputStream(bytes(10)), 10, "a.bin", "application/octet-stream");
        assertTrue(body.isOneShot());
        Buffer sink = new Buffer();
        body.writeTo(sink);
        assertEquals(10, sink.size());

        IOException e = assertThrows(IOException.class, () -> body.writeTo(new Buffer()));
        assertTrue(e.getMessage().contains("cannot be replayed"));
    }

    @Test
    void streamShorterOrLongerThanDeclaredFails() {
        TransferBody shorter = TransferBody.of(new ByteArrayInputStream(bytes(5)), 10, "a", "text/plain");
        IOException e = assertThrows(IOException.class, () -> shorter.writeTo(new Buffer()));
        assertTrue(e.getMessage().contains("5 of 10"), e.getMessage());

        TransferBody longer = TransferBody.of(new ByteArrayInputStream(bytes(11)), 10, "a", "text/plain");
        assertThrows(IOException.class, () -> longer.writeTo(new Buffer()));
    }

    @Test
    void unknownLengthStreamIsSentWhole() throws IOException {
        TransferBody body = TransferBody.of(new ByteArrayInputStream(bytes(70_000)), -1, "a", "text/plain");
        assertEquals(-1, body.contentLength());
        Buffer sink = new Buffer();
        body.writeTo(sink);
        assertEquals(70_000, sink.size());
    }

    @Test
    void progressIsReportedAndEndsAtTheTotal() throws IOException {
        List<long[]> calls = new ArrayList<>();
        TransferBody body = TransferBody.of(bytes(300_000), "a.bin", "application/octet-stream")
                .withProgress((done, total) -> calls.add(new long[] {done, total}));
        body.writeTo(new Buffer());

        assertFalse(calls.isEmpty());
        long[] last = calls.get(calls.size() - 1);
        assertEquals(300_000, last[0]);
        assertEquals(300_000, last[1]);
        assertTrue(calls.size() <= 3, "rate-limited: a fast copy reports only a few times, got " + calls.size());
    }

    @Test
    void badArgumentsFailNamingTheField() {
        assertEquals(List.of("path: must be a readable regular file"),
                refusedArgument(() -> TransferBody.of(dir.resolve("missing.png"))));
        assertEquals(List.of("path: must be a readable regular file"),
                refusedArgument(() -> TransferBody.of(dir, "a", "text/plain")));
        assertEquals(List.of("fileName: must not be null or empty"),
                refusedArgument(() -> TransferBody.of(new byte[1], "", "text/plain")));
        assertEquals(List.of("contentType: must be a media type such as image/png"),
                refusedArgument(() -> TransferBody.of(new byte[1], "a", "not a type")));
        assertEquals(List.of("contentType: must not be null"),
                refusedArgument(() -> TransferBody.of(new byte[1], "a", null)));
        assertEquals(List.of("length: must be -1 (unknown) or at least 0, got -2"),
                refusedArgument(() -> TransferBody.of(new ByteArrayInputStream(new byte[0]), -2, "a", "text/plain")));
    }

    @Test
    void nullArgumentsFailNamingTheField() {
        assertEquals(List.of("path: must not be null"),
                refusedArgument(() -> TransferBody.of((Path) null)));
        assertEquals(List.of("bytes: must not be null"),
                refusedArgument(() -> TransferBody.of((byte[]) null, "a", "text/plain")));
        assertEquals(List.of("stream: must not be null"),
                refusedArgument(() -> TransferBody.of(null, 1, "a", "text/plain")));
        TransferBody body = TransferBody.of(new byte[1], "a", "text/plain");
        assertEquals(List.of("listener: must not be null"),
                refusedArgument(() -> body.withProgress(null)));
        assertEquals(List.of("tooLarge: must not be null"),
                refusedArgument(() -> body.limitedTo(1, null)));
    }

    @Test
    void noMessageQuotesTheValuesPassed() {
        Path secretPath = dir.resolve("customer-4711-contract.pdf");
        String missing = assertThrows(InvalidRequestException.class, () -> TransferBody.of(secretPath)).getMessage();
        assertFalse(missing.contains("customer-4711"), missing);
        String type = assertThrows(InvalidRequestException.class,
                () -> TransferBody.of(new byte[1], "a", "s3cr3t")).getMessage();
        assertFalse(type.contains("s3cr3t"), type);
    }
}
