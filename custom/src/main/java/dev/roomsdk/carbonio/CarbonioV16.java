package dev.roomsdk.carbonio;

import dev.roomsdk.carbonio.v16.api.AttachmentsApi;
import dev.roomsdk.carbonio.v16.api.AuthApi;
import dev.roomsdk.carbonio.v16.api.AuthServiceApi;
import dev.roomsdk.carbonio.v16.api.GuestsApi;
import dev.roomsdk.carbonio.v16.api.HealthApi;
import dev.roomsdk.carbonio.v16.api.MeetingsApi;
import dev.roomsdk.carbonio.v16.api.MembersApi;
import dev.roomsdk.carbonio.v16.api.PreviewsApi;
import dev.roomsdk.carbonio.v16.api.RoomsApi;
import dev.roomsdk.carbonio.v16.api.UsersApi;
import dev.roomsdk.carbonio.v16.model.Attachment;
import dev.roomsdk.carbonio.v16.model.AttachmentsPagination;
import dev.roomsdk.core.operation.OperationRuntime;
import dev.roomsdk.core.paging.Paged;
import java.util.UUID;

/**
 * The operations of the Carbonio 1.6 generation ({@code specs/carbonio-1.6.yaml}), grouped as the
 * contract tags them: {@code carbonio.v16().rooms().insertRoom(fields).execute()}. They are sent
 * by a client built with {@code Carbonio.builder().generation(CarbonioGeneration.V1_6)}, with its
 * credentials, {@code queue-id} and {@code X-WSC-API-VERSION}; a client of another generation
 * refuses them before any I/O ({@link dev.roomsdk.core.error.OperationVersionException}).
 * Adapters only: the typed classes are generated from the contract. Thread-safe.
 */
public final class CarbonioV16 {

    private final CarbonioGeneration clientGeneration;
    private final String apiVersion;
    private final RoomsApi rooms;
    private final MembersApi members;
    private final AttachmentsApi attachments;
    private final UsersApi users;
    private final MeetingsApi meetings;
    private final PreviewsApi previews;
    private final HealthApi health;
    private final AuthApi auth;
    private final GuestsApi guests;
    private final AuthServiceApi authService;

    CarbonioV16(CarbonioGeneration clientGeneration, String apiVersion, OperationRuntime wsc, OperationRuntime authService) {
        this.clientGeneration = clientGeneration;
        this.apiVersion = apiVersion;
        this.rooms = new RoomsApi(wsc);
        this.members = new MembersApi(wsc);
        this.attachments = new AttachmentsApi(wsc);
        this.users = new UsersApi(wsc);
        this.meetings = new MeetingsApi(wsc);
        this.previews = new PreviewsApi(wsc);
        this.health = new HealthApi(wsc);
        this.auth = new AuthApi(wsc);
        this.guests = new GuestsApi(wsc);
        this.authService = new AuthServiceApi(authService);
    }

    /** {@return the operations on rooms (group, one-to-one, temporary; created with {@code members[]}): list, create, read, update, delete, picture, mute, history} */
    public RoomsApi rooms() {
        return rooms;
    }

    /** {@return the operations on room members (with {@code external}) and owners; members are added as an array} */
    public MembersApi members() {
        return members;
    }

    /** {@return the operations on attachments of rooms and message forwarding} */
    public AttachmentsApi attachments() {
        return attachments;
    }

    /** {@return the operations on users and their capabilities (1.6 has no user pictures)} */
    public UsersApi users() {
        return users;
    }

    /** {@return the operations on meetings: lifecycle, waiting queue, media, recording, hands} */
    public MeetingsApi meetings() {
        return meetings;
    }

    /** {@return the operations on previews and thumbnails of uploaded images and pdfs} */
    public PreviewsApi previews() {
        return previews;
    }

    /** {@return the health check operations: no credentials needed, and none are sent} */
    public HealthApi health() {
        return health;
    }

    /** {@return the authentication token operations} */
    public AuthApi auth() {
        return auth;
    }

    /**
     * Guest users on WSC ({@code createGuestUser}, {@code POST /guests}), servers after 1.6.4. No
     * credentials needed, and none are sent. The guest then acts with its own client:
     * {@code Carbonio.builder().generation(V1_6).baseUrl(...).authToken(guest.getZmToken())}.
      *
      * @return the guest operations; never null
     */
    public GuestsApi guests() {
        return guests;
    }

    /**
     * The Carbonio authentication service ({@code createGuestUserLegacy},
     * {@code POST /zx/auth/v3/guests?name=...}), where servers up to 1.6.4 create guest users. It
     * is sent to the builder's {@code authServiceUrl(...)}, by default the origin of the WSC base
     * URL, without credentials and without {@code X-WSC-API-VERSION} (it is not WSC).
      *
      * @return the authentication service operations; never null
     */
    public AuthServiceApi authService() {
        return authService;
    }

    /** {@return the {@code X-WSC-API-VERSION} this client sends on every WSC operation; null when it speaks 1.3.1} */
    public String apiVersion() {
        return apiVersion;
    }

    /**
     * Every attachment of room {@code roomId}, newest first, fetched lazily
     * {@value Carbonio#DEFAULT_ATTACHMENT_PAGE_SIZE} at a time, as {@link Carbonio#listAttachments(UUID)}
     * does for 1.3.1.
      *
      * @param roomId the room; not null (checked before any I/O)
      * @return a lazy listing; nothing is sent before it is iterated
     */
    public Paged<Attachment> listAttachments(UUID roomId) {
        return listAttachments(roomId, Carbonio.DEFAULT_ATTACHMENT_PAGE_SIZE);
    }

    /**
     * Every attachment of room {@code roomId}, newest first, {@code pageSize} at a time
     * ({@code listRoomAttachmentInfo} with the {@code filter} cursor passed back unchanged); see
     * {@link Carbonio#listAttachments(UUID, int)}. Refused before any I/O on a 1.3.1 client.
      *
      * @param roomId the room; not null (checked before any I/O)
      * @param pageSize {@code itemsNumber}, at least 1 (checked before any I/O)
      * @return a lazy listing; nothing is sent before it is iterated
     */
    public Paged<Attachment> listAttachments(UUID roomId, int pageSize) {
        Carbonio.requireGeneration(clientGeneration, CarbonioGeneration.V1_6, "listRoomAttachmentInfo",
                "listRoomAttachmentInfo (GET /rooms/{roomId}/attachments)");
        return AttachmentPages.of(roomId, pageSize, (cursor, size) -> {
            AttachmentsPagination page = attachments.listRoomAttachmentInfo(roomId).itemsNumber(size).filter(cursor)
                    .execute();
            return AttachmentPages.page(page.getAttachments(), page.getFilter());
        });
    }

    @Override
    public String toString() {
        return "CarbonioV16{clientSpeaks=" + clientGeneration + (apiVersion == null ? "" : ", apiVersion=" + apiVersion) + "}";
    }
}
