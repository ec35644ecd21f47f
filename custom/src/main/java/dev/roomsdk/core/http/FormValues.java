package dev.roomsdk.core.http;

/**
 * Fixes how the generated okhttp-gson client writes multipart form fields: it JSON-encodes
 * anything that is not a {@code String}, so an enum field goes out as {@code "downgrade"}
 * (quotes included) in an {@code application/json} part, which Zoom rejects. Form fields
 * are plain text; entry points pass each value through {@link #asPlainText(Object)}.
 */
public final class FormValues {

    private FormValues() {
    }

    /** The wire text of an enum, number or boolean; any other value unchanged. */
    public static Object asPlainText(Object value) {
        if (value instanceof Enum || value instanceof Number || value instanceof Boolean) {
            // generated enums print their wire value, not their constant name
            return String.valueOf(value);
        }
        return value;
    }
}
