package dev.roomsdk.zoom;

import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.transfer.TransferBody;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Zoom's documented rules for virtual background files, checked before any I/O so a caller
 * gets the rule by name instead of Zoom's generic 400 code 120: images JPG/JPEG, GIF or PNG,
 * videos MP4 or MOV, at most 15 MB. A stream of unknown length cannot be measured up front;
 * its upload is cut off, naming the rule, as soon as it passes the limit.
 */
final class VirtualBackgroundRules {

    /** Zoom's "15M" limit, read as 15 MiB. */
    static final long MAX_BYTES = 15L * 1024 * 1024;

    private static final Map<String, String> TYPES_BY_EXTENSION = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif", "png", "image/png",
            "mp4", "video/mp4", "mov", "video/quicktime");

    private VirtualBackgroundRules() {
    }

    static void check(TransferBody file) {
        String name = file.fileName();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String expectedType = TYPES_BY_EXTENSION.get(ext);
        if (expectedType == null) {
            throw rule("file '" + name + "': Zoom accepts virtual backgrounds as JPG/JPEG, GIF or PNG"
                    + " images or MP4/MOV videos; the name must end in one of .jpg .jpeg .gif .png .mp4 .mov");
        }
        String type = file.contentType() == null ? "" : file.contentType().type() + "/" + file.contentType().subtype();
        if (!type.equals(expectedType)) {
            throw rule("file '" + name + "': content type must be " + expectedType
                    + " for a ." + ext + " file, got " + type);
        }
        long length;
        try {
            length = file.contentLength();
        } catch (IOException e) {
            InvalidRequestException unreadable = rule("file: its length cannot be read");
            unreadable.initCause(e);
            throw unreadable;
        }
        if (length > MAX_BYTES) {
            throw tooLarge(name, Long.toString(length));
        }
    }

    private static InvalidRequestException tooLarge(String name, String size) {
        return rule("file '" + name + "' is " + size + " bytes; Zoom accepts virtual backgrounds"
                + " of at most 15 MB (" + MAX_BYTES + " bytes)");
    }

    /**
     * {@code file} as the upload's part: itself when its length is known (already checked),
     * else a body that fails the upload with {@link TooLarge} once more than
     * {@link #MAX_BYTES} have been written.
     */
    static TransferBody limitedPart(TransferBody file) {
        return file.limitedTo(MAX_BYTES, () -> new TooLarge(file.fileName()));
    }

    /** The rule broken while streaming, as the caller should see it. */
    static InvalidRequestException asRule(TooLarge e) {
        InvalidRequestException rule = tooLarge(e.fileName, "more than " + MAX_BYTES);
        rule.initCause(e);
        return rule;
    }

    /** A stream of unknown length passed Zoom's 15 MB limit mid-upload. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final String fileName;

        TooLarge(String fileName) {
            super("virtual background '" + fileName + "' passed Zoom's 15 MB limit while uploading; upload stopped");
            this.fileName = fileName;
        }
    }

    private static InvalidRequestException rule(String violation) {
        return new InvalidRequestException("uploadVB", List.of(violation));
    }
}
