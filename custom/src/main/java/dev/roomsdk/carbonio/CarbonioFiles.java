package dev.roomsdk.carbonio;

import dev.roomsdk.carbonio.api.AttachmentsApi;
import dev.roomsdk.carbonio.api.AttachmentsApi.InsertAttachmentCall;
import dev.roomsdk.carbonio.api.AttachmentsApi.InsertAttachmentMultipartCall;
import dev.roomsdk.carbonio.api.RoomsApi;
import dev.roomsdk.carbonio.api.RoomsApi.UpdateRoomPictureCall;
import dev.roomsdk.carbonio.api.UsersApi;
import dev.roomsdk.carbonio.api.UsersApi.UpdateUserPictureCall;
import dev.roomsdk.carbonio.model.Capabilities;
import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.transfer.TransferBody;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Uploads described by the file itself: the typed upload operations, with the file name,
 * MIME type and length taken from the {@link TransferBody} (the SDK unicode-escapes the name
 * and any description, as the server wants), and the picture rules the server enforces checked
 * before any I/O. Each method returns the typed call, so optional fields are set on it
 * ({@code files().uploadAttachment(roomId, body).description("Q3").execute()}). Downloads are
 * the typed operations themselves ({@code attachments().getAttachment(fileId).execute()} is a
 * {@link dev.roomsdk.core.transfer.Download}). Thread-safe; the calls it returns are not.
 */
public final class CarbonioFiles {

    private final AttachmentsApi attachments;
    private final RoomsApi rooms;
    private final UsersApi users;

    CarbonioFiles(AttachmentsApi attachments, RoomsApi rooms, UsersApi users) {
        this.attachments = attachments;
        this.rooms = rooms;
        this.users = users;
    }

    /**
     * {@code insertAttachment}: {@code file} streamed raw, its name and type from the body.
     *
     * @param roomId the room
     * @param file the upload; its length must be known
     * @return the call, to send with {@code execute()} or {@code executeAsync()}
     */
    public InsertAttachmentCall uploadAttachment(UUID roomId, TransferBody file) {
        knownLength(file, "insertAttachment");
        return attachments.insertAttachment(roomId, file.fileName(), file.contentType().toString(), file);
    }

    /**
     * {@code insertAttachmentMultipart}: {@code file} as the {@code file} part, {@code contentLength} from it when known.
     *
     * @param roomId the room
     * @param file the upload; not null
     * @return the call, to send with {@code execute()} or {@code executeAsync()}
     */
    public InsertAttachmentMultipartCall uploadAttachmentMultipart(UUID roomId, TransferBody file) {
        long length = length(present(file, "insertAttachmentMultipart", "file"), "insertAttachmentMultipart");
        return attachments.insertAttachmentMultipart(roomId, file).contentLength(length < 0 ? null : length);
    }

    /**
     * {@code updateRoomPicture} with an image; see {@link #uploadRoomPicture(UUID, TransferBody, Capabilities)}.
     *
     * @param roomId the room
     * @param picture the image; its length must be known
     * @return the call, to send with {@code execute()} or {@code executeAsync()}
     */
    public UpdateRoomPictureCall uploadRoomPicture(UUID roomId, TransferBody picture) {
        return roomPicture(roomId, picture, null);
    }

    /**
     * {@code updateRoomPicture}, refused before any I/O unless {@code picture} has an
     * {@code image/*} type and fits {@code limits.maxRoomImageSizeInKb} (from
     * {@code Carbonio.capabilities()}), as the server would refuse it.
      *
      * @param roomId the room
      * @param picture the image; its length must be known
      * @param limits the server's limits; not null
      * @return the call, to send with {@code execute()} or {@code executeAsync()}
      * @throws InvalidRequestException when the picture breaks a limit, or {@code limits} is null
     */
    public UpdateRoomPictureCall uploadRoomPicture(UUID roomId, TransferBody picture, Capabilities limits) {
        return roomPicture(roomId, picture, Checks.argumentNotNull("updateRoomPicture", "limits", limits));
    }

    /**
     * {@code updateUserPicture}; see {@link #uploadUserPicture(UUID, TransferBody, Capabilities)}.
     *
     * @param userId the user
     * @param picture the image; its length must be known
     * @return the call, to send with {@code execute()} or {@code executeAsync()}
     */
    public UpdateUserPictureCall uploadUserPicture(UUID userId, TransferBody picture) {
        return userPicture(userId, picture, null);
    }

    /**
     * {@code updateUserPicture}, refused before any I/O when over {@code limits.maxUserImageSizeInKb}.
     *
     * @param userId the user
     * @param picture the image; its length must be known
     * @param limits the server's limits; not null
     * @return the call, to send with {@code execute()} or {@code executeAsync()}
     * @throws InvalidRequestException when the picture breaks a limit, or {@code limits} is null
     */
    public UpdateUserPictureCall uploadUserPicture(UUID userId, TransferBody picture, Capabilities limits) {
        return userPicture(userId, picture, Checks.argumentNotNull("updateUserPicture", "limits", limits));
    }

    private UpdateRoomPictureCall roomPicture(UUID roomId, TransferBody picture, Capabilities limits) {
        long length = knownLength(picture, "updateRoomPicture");
        // the server answers 400 to anything else (RoomServiceImpl.setRoomPicture)
        if (!"image".equals(picture.contentType().type())) {
            throw new InvalidRequestException("updateRoomPicture", List.of("mimeType: a room picture must have an image/* "
                    + "content type, got " + picture.contentType() + " (give it with TransferBody.of(path, fileName, contentType))"));
        }
        if (limits != null) {
            checkSize("updateRoomPicture", length, limits.getMaxRoomImageSizeInKb(), "maxRoomImageSizeInKb");
        }
        return rooms.updateRoomPicture(roomId, picture.fileName(), picture.contentType().toString(), picture);
    }

    private UpdateUserPictureCall userPicture(UUID userId, TransferBody picture, Capabilities limits) {
        long length = knownLength(picture, "updateUserPicture");
        if (limits != null) {
            checkSize("updateUserPicture", length, limits.getMaxUserImageSizeInKb(), "maxUserImageSizeInKb");
        }
        return users.updateUserPicture(userId, picture.fileName(), picture.contentType().toString(), picture);
    }

    // the server compares the stored file's length with kB * 1024 (RoomServiceImpl.setRoomPicture)
    private static void checkSize(String operation, long length, Integer limitKb, String field) {
        if (limitKb != null && length > limitKb * 1024L) {
            throw new InvalidRequestException(operation, List.of("body: the picture is " + length + " bytes, over the "
                    + "server's limit " + field + " = " + limitKb + " kB (" + limitKb * 1024L + " bytes) from /users/capabilities"));
        }
    }

    private static TransferBody present(TransferBody body, String operation, String field) {
        if (body == null) {
            throw new InvalidRequestException(operation, List.of(field + ": is required"));
        }
        return body;
    }

    private static long length(TransferBody body, String operation) {
        try {
            return body.contentLength();
        } catch (IOException e) {
            throw new InvalidRequestException(operation, List.of("body: its length cannot be read (" + e.getMessage() + ")"));
        }
    }

    private static long knownLength(TransferBody body, String operation) {
        long length = length(present(body, operation, "body"), operation);
        if (length < 0) {
            throw new InvalidRequestException(operation, List.of("Content-Length: the upload's length is required; give "
                    + "the stream's length, or upload a Path or byte[]"));
        }
        return length;
    }
}
