package dev.roomsdk.core.transfer;

import static dev.roomsdk.testing.Refusals.refusedArgument;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** {@link Transfers#sentAs} and {@link Transfers#formData}: what they write and what they promise about replay. */
class TransfersBodiesTest {

    static final byte[] BYTES = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    static byte[] write(RequestBody body) throws IOException {
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return buffer.readByteArray();
    }

    @Test
    void sentAsKeepsBytesLengthAndReplayabilityUnderAnotherType() throws IOException {
        RequestBody bytes = Transfers.sentAs(TransferBody.of(BYTES, "a.png", "image/png"), "application/octet-stream");
        assertEquals("application/octet-stream", bytes.contentType().toString());
        assertEquals(BYTES.length, bytes.contentLength());
        assertFalse(bytes.isOneShot());
        assertArrayEquals(BYTES, write(bytes));
        assertArrayEquals(BYTES, write(bytes), "a byte array can be sent again");

        RequestBody stream = Transfers.sentAs(TransferBody.of(new ByteArrayInputStream(BYTES), -1, "a.png", "image/png"),
                "application/octet-stream");
        assertTrue(stream.isOneShot());
        assertEquals(-1, stream.contentLength());
    }

    @Test
    void formDataWritesTheFileFirstThenPlainTextFieldsAndSkipsNulls() throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("description", "hi");
        fields.put("skipped", null);
        fields.put("area", "1x2");
        RequestBody form = Transfers.formData("file", TransferBody.of(BYTES, "a.png", "image/png"), fields);

        assertTrue(form.contentType().toString().startsWith("multipart/form-data; boundary="));
        assertFalse(form.isOneShot());
        byte[] written = write(form);
        assertEquals(form.contentLength(), written.length, "the announced length is what is written");
        String text = new String(written, StandardCharsets.UTF_8);
        int file = text.indexOf("Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n");
        int description = text.indexOf("Content-Disposition: form-data; name=\"description\"\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n");
        int area = text.indexOf("name=\"area\"");
        assertTrue(file >= 0 && description > file && area > description, text);
        assertTrue(text.contains("\r\n\r\n0123456789abcdef\r\n"), "file bytes unchanged");
        assertFalse(text.contains("skipped"));
    }

    @Test
    void formDataOfAStreamIsOneShotWithUnknownLength() throws IOException {
        RequestBody form = Transfers.formData("file",
                TransferBody.of(new ByteArrayInputStream(BYTES), -1, "a.bin", "application/octet-stream"), Map.of());
        assertTrue(form.isOneShot(), "OkHttp's multipart body alone would say false and allow a replay");
        assertEquals(-1, form.contentLength());
    }

    @Test
    void missingPartsAreRefusedNamingThem() {
        TransferBody file = TransferBody.of(BYTES, "a.png", "image/png");
        assertEquals(List.of("body: must not be null"),
                refusedArgument(() -> Transfers.sentAs(null, "application/octet-stream")));
        assertEquals(List.of("contentType: must be a media type such as image/png"),
                refusedArgument(() -> Transfers.sentAs(file, "octets")));
        assertEquals(List.of("textFields: must not be null"),
                refusedArgument(() -> Transfers.formData("file", file, null)));
        assertEquals(List.of("fileField: must not be null"),
                refusedArgument(() -> Transfers.formData(null, file, Map.of())));
    }
}
