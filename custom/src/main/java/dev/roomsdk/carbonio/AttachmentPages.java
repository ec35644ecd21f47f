package dev.roomsdk.carbonio;

import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.paging.Page;
import dev.roomsdk.core.paging.PageFetcher;
import dev.roomsdk.core.paging.Paged;
import java.util.List;
import java.util.UUID;

/**
 * Carbonio's attachment cursor, the same in both generations: {@code itemsNumber} per page and
 * the {@code filter} the previous page returned, passed back unchanged; the server sends one
 * only with a full page, so one that comes with an empty page cannot lead anywhere.
 */
final class AttachmentPages {

    private AttachmentPages() {
    }

    /** The lazy listing, its arguments checked before any I/O. */
    static <T> Paged<T> of(UUID roomId, int pageSize, PageFetcher<T> fetcher) {
        if (roomId == null) {
            throw new InvalidRequestException("listRoomAttachmentInfo", List.of("roomId: is required"));
        }
        if (pageSize < 1) {
            throw new InvalidRequestException("listRoomAttachmentInfo",
                    List.of("itemsNumber: must be at least 1, got " + pageSize));
        }
        return Paged.of(fetcher, pageSize);
    }

    /** One page of {@code items} (null for none) and the cursor the server sent with them. */
    static <T> Page<T> page(List<T> items, String filter) {
        List<T> list = items == null ? List.of() : items;
        return Page.of(list, list.isEmpty() ? null : filter, null);
    }
}
