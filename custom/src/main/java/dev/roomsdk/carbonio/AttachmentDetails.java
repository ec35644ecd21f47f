package dev.roomsdk.carbonio;

import java.util.Objects;
import java.util.Optional;

/**
 * The optional fields of an attachment upload: the message text ({@code description}), the
 * chat message carrying the attachment, the message it replies to, and the image area
 * ({@code {width}x{height}}). The SDK unicode-escapes the description as the server
 * requires; pass it as plain text. Immutable and thread-safe.
 */
public final class AttachmentDetails {

    /** No optional field set. */
    public static final AttachmentDetails NONE = builder().build();

    private final String description;
    private final String messageId;
    private final String replyId;
    private final String area;

    private AttachmentDetails(Builder b) {
        this.description = b.description;
        this.messageId = b.messageId;
        this.replyId = b.replyId;
        this.area = b.area;
    }

    /** A builder with no field set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.description = description;
        b.messageId = messageId;
        b.replyId = replyId;
        b.area = area;
        return b;
    }

    /** The message text, as given (not escaped). */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The chat message carrying the attachment ({@code messageId}). */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    /** The message replied to ({@code replyId}). */
    public Optional<String> replyId() {
        return Optional.ofNullable(replyId);
    }

    /** The image area, {@code {width}x{height}}. */
    public Optional<String> area() {
        return Optional.ofNullable(area);
    }

    @Override
    public String toString() {
        return "AttachmentDetails{description=" + (description == null ? "none" : description.length() + " chars")
                + ", messageId=" + messageId + ", replyId=" + replyId + ", area=" + area + "}";
    }

    /** Builder for {@link AttachmentDetails}; each setter checks its value at once. */
    public static final class Builder {
        private String description;
        private String messageId;
        private String replyId;
        private String area;

        private Builder() {
        }

        /** The message text sent with the file, plain (the SDK escapes it). */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** Identifier of the chat message that carries the attachment. */
        public Builder messageId(String messageId) {
            this.messageId = nonEmpty("messageId", messageId);
            return this;
        }

        /** Identifier of the message being replied to. */
        public Builder replyId(String replyId) {
            this.replyId = nonEmpty("replyId", replyId);
            return this;
        }

        /** Image dimensions as {@code {width}x{height}}, e.g. {@code 640x480}. */
        public Builder area(String area) {
            if (area == null || !area.matches("[0-9]+x[0-9]+")) {
                throw new IllegalArgumentException("area must be {width}x{height}, e.g. 640x480, got '" + area + "'");
            }
            this.area = area;
            return this;
        }

        /** The details set so far. */
        public AttachmentDetails build() {
            return new AttachmentDetails(this);
        }

        private static String nonEmpty(String field, String value) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(field + " must not be null or empty");
            }
            // a header value cannot carry line breaks or other control characters
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < ' ' || c >= 0x7f) {
                    throw new IllegalArgumentException(field + " must be printable ASCII (it travels in a header),"
                            + " found a character not allowed at index " + i);
                }
            }
            return value;
        }
    }
}
