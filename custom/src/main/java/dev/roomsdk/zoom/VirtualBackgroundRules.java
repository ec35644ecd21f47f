package dev.roomsdk.zoom;

import dev.roomsdk.core.transfer.TransferBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Zoom's documented rules for virtual background files, checked before any I/O so a caller
 * gets the rule by name instead of Zoom's generic 400 code 120: images JPG/JPEG, GIF or PNG,
 * videos MP4 or MOV, at most 15 MB, with a known size.
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
            throw new IllegalArgumentException("file '" + name + "': Zoom accepts virtual backgrounds as JPG/JPEG, GIF or PNG"
                    + " images or MP4/MOV videos; the name must end in one of .jpg .jpeg .gif .png .mp4 .mov");
        }
        String type = file.contentType() == null ? "" : file.contentType().type() + "/" + file.contentType().subtype();
        if (!type.equals(expectedType)) {
            throw new IllegalArgumentException("file '" + name + "': content type must be " + expectedType
                    + " for a ." + ext + " file, got " + type);
        }
        long length;
        try {
            length = file.contentLength();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of '" + name + "'", e);
        }
        if (length < 0) {
            throw new IllegalArgumentException("file '" + name + "': the size must be known to check Zoom's 15 MB limit;"
                    + " pass a path, bytes, or a stream with its length");
        }
        if (length > MAX_BYTES) {
            throw new IllegalArgumentException("file '" + name + "' is " + length + " bytes; Zoom accepts virtual backgrounds"
                    + " of at most 15 MB (" + MAX_BYTES + " bytes)");
        }
    }
}
