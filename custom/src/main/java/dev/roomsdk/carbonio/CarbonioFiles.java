package dev.roomsdk.carbonio;

import dev.roomsdk.carbonio.api.AttachmentsApi;
import dev.roomsdk.carbonio.api.PreviewsApi;
import dev.roomsdk.carbonio.api.RoomsApi;
import dev.roomsdk.carbonio.api.UsersApi;
import dev.roomsdk.carbonio.invoker.ApiClient;
import dev.roomsdk.carbonio.model.Attachment;
import dev.roomsdk.carbonio.model.AttachmentsPagination;
import dev.roomsdk.carbonio.model.Capabilities;
import dev.roomsdk.carbonio.model.Id;
import dev.roomsdk.core.error.RoomSdkIoException;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.paging.Page;
import dev.roomsdk.core.paging.Paged;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.core.transfer.ProgressListener;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.core.transfer.Transfers;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Carbonio's binary operations, streamed: attachment uploads (raw and multipart), room and
 * user pictures, attachment downloads, previews and thumbnails.
 * Uploads stream from a {@link TransferBody} and downloads come back as an unread
 * {@link Download}, so memory use does not grow with the file. Every request is built by the
 * generated client (path, headers, query as the contract says) and sent through the
 * {@link Carbonio}'s HTTP client, so the cookie, retries, the 401 refresh and logging apply;
 * failures are {@link dev.roomsdk.core.error.RoomSdkException}s. Thread-safe; get it from
 * {@link Carbonio#files()} (or from {@code carbonio.withOptions(options).files()} for other
 * retries or timeouts).
 */
public final class CarbonioFiles {

    /**
     * Attachments asked for per page by default. The API sets no maximum ({@code itemsNumber}
     * has only a minimum of 1, and the server reads {@code itemsNumber + 1} rows); its own
     * default of 10 would mean many round trips, so the SDK asks for 100.
     */
    public static final int DEFAULT_ATTACHMENT_PAGE_SIZE = 100;

    private static final String OCTET_STREAM = "application/octet-stream";
    // the generated upload methods want a java.io.File; it is never read (CarbonioApiClient
    // does not read request bodies) and its body is replaced by the streaming one
    private static final File UNUSED_FILE = new File("streamed-body");

    private final OkHttpClient http;
    private final ApiClient api;
    private final AttachmentsApi attachments;
    private final RoomsApi rooms;
    private final UsersApi users;
    private final PreviewsApi previews;

    CarbonioFiles(OkHttpClient http, ApiClient api) {
        this.http = http;
        this.api = api;
        this.attachments = new AttachmentsApi(api);
        this.rooms = new RoomsApi(api);
        this.users = new UsersApi(api);
        this.previews = new PreviewsApi(api);
    }

    // ---------------------------------------------------------------- uploads

    /** {@link #uploadAttachment(UUID, TransferBody, AttachmentDetails)} with no optional field. */
    public Id uploadAttachment(UUID roomId, TransferBody file) {
        return uploadAttachment(roomId, file, AttachmentDetails.NONE);
    }

    /**
     * Uploads {@code file} to room {@code roomId} ({@code insertAttachment}): the raw bytes as
     * {@code application/octet-stream}, with the file name and description unicode-escaped in
     * the {@code fileName}/{@code description} headers, the file's content type as
     * {@code mimeType}, and {@code Content-Length}. The length must be known (a stream of
     * unknown length fails before any I/O), because the server requires it. Not retried: a
     * repeated POST would add the file twice.
     *
     * @return the new attachment's id
     */
    public Id uploadAttachment(UUID roomId, TransferBody file, AttachmentDetails details) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(details, "details");
        long length = knownLength(file, "insertAttachment");
        Request prepared = attachments.insertAttachmentCall(roomId, UnicodeEscapes.encode(file.fileName()),
                mimeType(file), length, UNUSED_FILE, details.description().map(UnicodeEscapes::encode).orElse(null),
                details.messageId().orElse(null), details.replyId().orElse(null), details.area().orElse(null),
                null, null).request();
        return upload(Transfers.withBody(prepared, Transfers.sentAs(file, OCTET_STREAM)), Id.class);
    }

    /**
     * Uploads {@code file} to room {@code roomId} as {@code multipart/form-data}
     * ({@code insertAttachmentMultipart}, server 1.6.1 and later): part {@code file} with the
     * file name and content type, then the optional {@code description} (unicode-escaped, as
     * for the raw upload), {@code messageId}, {@code replyId}, {@code area} and, when known,
     * {@code contentLength} as plain-text parts. A stream of unknown length is sent chunked.
     * Never retried although it is a PUT: each one adds a new attachment (other
     * {@link RequestOptions} of the client, such as timeouts, still apply).
     *
     * @return the new attachment's id
     */
    public Id uploadAttachmentMultipart(UUID roomId, TransferBody file, AttachmentDetails details) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(details, "details");
        long length = length(file);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("description", details.description().map(UnicodeEscapes::encode).orElse(null));
        fields.put("messageId", details.messageId().orElse(null));
        fields.put("replyId", details.replyId().orElse(null));
        fields.put("area", details.area().orElse(null));
        fields.put("contentLength", length < 0 ? null : Long.toString(length));
        Request prepared = attachments.insertAttachmentMultipartCall(roomId, UNUSED_FILE, null, null, null, null,
                null, null, null).request();
        // the prepared request already carries "never retried" (CarbonioApiClient marks this PUT)
        return upload(Transfers.withBody(prepared, Transfers.formData("file", file, fields)), Id.class);
    }

    /** {@link #uploadRoomPicture(UUID, TransferBody, Capabilities)} without the size check. */
    public void uploadRoomPicture(UUID roomId, TransferBody picture) {
        putRoomPicture(roomId, picture, null);
    }

    /**
     * Sets the picture of group room {@code roomId} ({@code updateRoomPicture}). The picture
     * must have an {@code image/*} content type and a known length; with {@code limits} (see
     * {@link Carbonio#capabilities()}) a picture over {@code maxRoomImageSizeInKb} fails here
     * instead of being sent for the server's 400. Both checks happen before any I/O.
     */
    public void uploadRoomPicture(UUID roomId, TransferBody picture, Capabilities limits) {
        putRoomPicture(roomId, picture, Objects.requireNonNull(limits, "limits"));
    }

    /** {@link #uploadUserPicture(UUID, TransferBody, Capabilities)} without the size check. */
    public void uploadUserPicture(UUID userId, TransferBody picture) {
        putUserPicture(userId, picture, null);
    }

    /**
     * Sets the picture of user {@code userId} ({@code updateUserPicture}). The length must
     * be known; with {@code limits} (see {@link Carbonio#capabilities()}) a picture over
     * {@code maxUserImageSizeInKb} fails before any I/O.
     */
    public void uploadUserPicture(UUID userId, TransferBody picture, Capabilities limits) {
        putUserPicture(userId, picture, Objects.requireNonNull(limits, "limits"));
    }

    private void putRoomPicture(UUID roomId, TransferBody picture, Capabilities limits) {
        Objects.requireNonNull(roomId, "roomId");
        long length = knownLength(picture, "updateRoomPicture");
        // the server answers 400 to anything else (RoomServiceImpl.setRoomPicture)
        if (!"image".equals(picture.contentType().type())) {
            throw new IllegalArgumentException("a room picture must have an image/* content type, got "
                    + picture.contentType() + " (give it explicitly with TransferBody.of(path, fileName, contentType))");
        }
        if (limits != null) {
            checkSize("room picture", length, limits.getMaxRoomImageSizeInKb(), "maxRoomImageSizeInKb");
        }
        Request prepared = rooms.updateRoomPictureCall(roomId, UnicodeEscapes.encode(picture.fileName()),
                mimeType(picture), length, UNUSED_FILE, null, null).request();
        upload(Transfers.withBody(prepared, Transfers.sentAs(picture, OCTET_STREAM)), null);
    }

    private void putUserPicture(UUID userId, TransferBody picture, Capabilities limits) {
        Objects.requireNonNull(userId, "userId");
        long length = knownLength(picture, "updateUserPicture");
        if (limits != null) {
            checkSize("user picture", length, limits.getMaxUserImageSizeInKb(), "maxUserImageSizeInKb");
        }
        Request prepared = users.updateUserPictureCall(userId, UnicodeEscapes.encode(picture.fileName()),
                mimeType(picture), length, UNUSED_FILE, null, null).request();
        upload(Transfers.withBody(prepared, Transfers.sentAs(picture, OCTET_STREAM)), null);
    }

    // the server compares the stored file's length with kB * 1024 (RoomServiceImpl.setRoomPicture)
    private static void checkSize(String what, long length, Integer limitKb, String field) {
        if (limitKb != null && length > limitKb * 1024L) {
            throw new IllegalArgumentException("the " + what + " is " + length + " bytes, over the server's limit "
                    + field + " = " + limitKb + " kB (" + limitKb * 1024L + " bytes) from /users/capabilities");
        }
    }

    // ---------------------------------------------------------------- downloads

    /** {@link #downloadAttachment(UUID, ProgressListener)} without progress. */
    public Download downloadAttachment(UUID fileId) {
        return downloadAttachment(fileId, null);
    }

    /**
     * Downloads attachment {@code fileId} ({@code getAttachment}). The {@link Download} is
     * unread: stream it, save it atomically, or read it as a stream, and close it.
     *
     * @param progress told as the body is read; null for none
     */
    public Download downloadAttachment(UUID fileId, ProgressListener progress) {
        Objects.requireNonNull(fileId, "fileId");
        return Transfers.download(http, attachments.getAttachmentCall(fileId, null, null).request(), progress);
    }

    /** {@link #roomPicture(UUID, ProgressListener)} without progress. */
    public Download roomPicture(UUID roomId) {
        return roomPicture(roomId, null);
    }

    /** The picture of room {@code roomId} ({@code getRoomPicture}); {@code progress} may be null. */
    public Download roomPicture(UUID roomId, ProgressListener progress) {
        Objects.requireNonNull(roomId, "roomId");
        return Transfers.download(http, rooms.getRoomPictureCall(roomId, null, null).request(), progress);
    }

    /** {@link #userPicture(UUID, ProgressListener)} without progress. */
    public Download userPicture(UUID userId) {
        return userPicture(userId, null);
    }

    /** The picture of user {@code userId} ({@code getUserPicture}); {@code progress} may be null. */
    public Download userPicture(UUID userId, ProgressListener progress) {
        Objects.requireNonNull(userId, "userId");
        return Transfers.download(http, users.getUserPictureCall(userId, null, null).request(), progress);
    }

    /** {@link #imagePreview(UUID, ImageOptions, ProgressListener)} without progress. */
    public Download imagePreview(UUID fileId, ImageOptions options) {
        return imagePreview(fileId, options, null);
    }

    /**
     * A preview of uploaded image {@code fileId} ({@code getImagePreview}) at the options'
     * area, quality, format and crop; a shape is refused (thumbnails only).
     */
    public Download imagePreview(UUID fileId, ImageOptions options, ProgressListener progress) {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(options, "options");
        if (options.shape().isPresent()) {
            throw new IllegalArgumentException("shape applies to thumbnails only, not to getImagePreview");
        }
        return Transfers.download(http, previews.getImagePreviewCall(fileId, options.area(),
                options.quality().orElse(null), options.format().orElse(null), options.crop().orElse(null),
                null, null).request(), progress);
    }

    /** {@link #imageThumbnail(UUID, ImageOptions, ProgressListener)} without progress. */
    public Download imageThumbnail(UUID fileId, ImageOptions options) {
        return imageThumbnail(fileId, options, null);
    }

    /**
     * A thumbnail of uploaded image {@code fileId} ({@code getImageThumbnail}) at the
     * options' area, quality, format and shape; crop is refused (image previews only).
     */
    public Download imageThumbnail(UUID fileId, ImageOptions options, ProgressListener progress) {
        Objects.requireNonNull(fileId, "fileId");
        checkThumbnail(options, "getImageThumbnail");
        return Transfers.download(http, previews.getImageThumbnailCall(fileId, options.area(),
                options.quality().orElse(null), options.format().orElse(null), options.shape().orElse(null),
                null, null).request(), progress);
    }

    /** {@link #pdfThumbnail(UUID, ImageOptions, ProgressListener)} without progress. */
    public Download pdfThumbnail(UUID fileId, ImageOptions options) {
        return pdfThumbnail(fileId, options, null);
    }

    /**
     * A thumbnail of the first page of uploaded pdf {@code fileId} ({@code getPdfThumbnail})
     * at the options' area, quality, format and shape; crop is refused.
     */
    public Download pdfThumbnail(UUID fileId, ImageOptions options, ProgressListener progress) {
        Objects.requireNonNull(fileId, "fileId");
        checkThumbnail(options, "getPdfThumbnail");
        return Transfers.download(http, previews.getPdfThumbnailCall(fileId, options.area(),
                options.quality().orElse(null), options.format().orElse(null), options.shape().orElse(null),
                null, null).request(), progress);
    }

    /** A pdf preview of every page of uploaded pdf {@code fileId} ({@code getPdfPreview}). */
    public Download pdfPreview(UUID fileId) {
        Objects.requireNonNull(fileId, "fileId");
        return Transfers.download(http, previews.getPdfPreviewCall(fileId, null, null, null, null).request(), null);
    }

    /** {@link #pdfPreview(UUID, int, int, ProgressListener)} without progress. */
    public Download pdfPreview(UUID fileId, int firstPage, int lastPage) {
        return pdfPreview(fileId, firstPage, lastPage, null);
    }

    /**
     * A pdf holding pages {@code firstPage} (1 or more) to {@code lastPage} (0 = the last
     * page of the original) of uploaded pdf {@code fileId} ({@code getPdfPreview}).
     */
    public Download pdfPreview(UUID fileId, int firstPage, int lastPage, ProgressListener progress) {
        Objects.requireNonNull(fileId, "fileId");
        if (firstPage < 1) {
            throw new IllegalArgumentException("firstPage must be at least 1, got " + firstPage);
        }
        if (lastPage < 0 || (lastPage != 0 && lastPage < firstPage)) {
            throw new IllegalArgumentException("lastPage must be 0 (the last page) or at least firstPage ("
                    + firstPage + "), got " + lastPage);
        }
        return Transfers.download(http, previews.getPdfPreviewCall(fileId, firstPage, lastPage, null, null).request(),
                progress);
    }

    private static void checkThumbnail(ImageOptions options, String operation) {
        Objects.requireNonNull(options, "options");
        if (options.crop().isPresent()) {
            throw new IllegalArgumentException("crop applies to image previews only, not to " + operation);
        }
    }

    // ---------------------------------------------------------------- paging

    /** See {@link Carbonio#listAttachments(UUID, int)}, the public face of this listing. */
    Paged<Attachment> listAttachments(UUID roomId, int pageSize) {
        Objects.requireNonNull(roomId, "roomId");
        if (pageSize < 1) {
            throw new IllegalArgumentException("itemsNumber (the page size) must be at least 1, got " + pageSize);
        }
        return Paged.of((cursor, size) -> attachmentPage(roomId, cursor, size), pageSize);
    }

    private Page<Attachment> attachmentPage(UUID roomId, String cursor, int size) {
        Request request = attachments.listRoomAttachmentInfoCall(roomId, size, cursor, null, null).request();
        AttachmentsPagination page = send(request, AttachmentsPagination.class);
        List<Attachment> items = page.getAttachments() == null ? List.of() : page.getAttachments();
        // the server sends a cursor only with a full page; one with an empty page cannot lead anywhere
        return Page.of(items, items.isEmpty() ? null : page.getFilter(), null);
    }

    // ---------------------------------------------------------------- plumbing

    private <T> T send(Request request, Type returnType) {
        return api.<T>execute(RequestOptions.applyCallTimeout(http.newCall(request)), returnType).getData();
    }

    private <T> T upload(Request request, Type returnType) {
        return api.<T>execute(RequestOptions.applyTransferTimeout(http.newCall(request)), returnType).getData();
    }

    private static long length(TransferBody body) {
        Objects.requireNonNull(body, "file");
        try {
            return body.contentLength();
        } catch (IOException e) {
            throw new RoomSdkIoException("cannot read the length of " + body, e);
        }
    }

    private static long knownLength(TransferBody body, String operation) {
        long length = length(body);
        if (length < 0) {
            throw new IllegalArgumentException(operation + " needs the upload's length (Content-Length is required):"
                    + " give the stream's length, or upload a Path or byte[]");
        }
        return length;
    }

    private static String mimeType(TransferBody body) {
        return body.contentType().toString();
    }
}
