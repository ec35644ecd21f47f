package dev.roomsdk.zoom;

import dev.roomsdk.zoom.model.ZoomRoomStatus;
import dev.roomsdk.zoom.model.ZoomRoomType;

/**
 * Filters and page size for {@link ZoomRooms#listRooms(ZoomRoomQuery)}; every page is
 * requested with the same filters, as Zoom requires. Immutable; null filters are not sent.
 */
public final class ZoomRoomQuery {

    private final ZoomRoomStatus status;
    private final ZoomRoomType type;
    private final String tagIds;
    private final Boolean unassignedRooms;
    private final String locationId;
    private final String queryName;
    private final int pageSize;

    private ZoomRoomQuery(Builder b) {
        this.status = b.status;
        this.type = b.type;
        this.tagIds = b.tagIds;
        this.unassignedRooms = b.unassignedRooms;
        this.locationId = b.locationId;
        this.queryName = b.queryName;
        this.pageSize = b.pageSize;
    }

    /** {@return a query for every room, {@value ZoomRooms#MAX_PAGE_SIZE} per page} */
    public static ZoomRoomQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public ZoomRoomStatus status() {
        return status;
    }

    public ZoomRoomType type() {
        return type;
    }

    public String tagIds() {
        return tagIds;
    }

    public Boolean unassignedRooms() {
        return unassignedRooms;
    }

    public String locationId() {
        return locationId;
    }

    public String queryName() {
        return queryName;
    }

    /** {@return the {@code page_size}, 1 to {@value ZoomRooms#MAX_PAGE_SIZE}} */
    public int pageSize() {
        return pageSize;
    }

    @Override
    public String toString() {
        return "ZoomRoomQuery{status=" + status + ", type=" + type + ", tagIds=" + tagIds + ", unassignedRooms="
                + unassignedRooms + ", locationId=" + locationId + ", queryName=" + queryName + ", pageSize=" + pageSize + "}";
    }

    /** Builder for {@link ZoomRoomQuery}. Not thread-safe; checks each value as it is set. */
    public static final class Builder {
        private ZoomRoomStatus status;
        private ZoomRoomType type;
        private String tagIds;
        private Boolean unassignedRooms;
        private String locationId;
        private String queryName;
        private int pageSize = ZoomRooms.MAX_PAGE_SIZE;

        private Builder() {
        }

        public Builder status(ZoomRoomStatus status) {
            this.status = status;
            return this;
        }

        public Builder type(ZoomRoomType type) {
            this.type = type;
            return this;
        }

        /** Tag ids, comma-separated as Zoom takes them. */
        public Builder tagIds(String tagIds) {
            this.tagIds = tagIds;
            return this;
        }

        public Builder unassignedRooms(Boolean unassignedRooms) {
            this.unassignedRooms = unassignedRooms;
            return this;
        }

        public Builder locationId(String locationId) {
            this.locationId = locationId;
            return this;
        }

        /** Only rooms whose name contains this text. */
        public Builder queryName(String queryName) {
            this.queryName = queryName;
            return this;
        }

        /** Rooms per page ({@code page_size}); default and maximum {@value ZoomRooms#MAX_PAGE_SIZE}. */
        public Builder pageSize(int pageSize) {
            this.pageSize = ZoomRooms.checkPageSize(pageSize);
            return this;
        }

        public ZoomRoomQuery build() {
            return new ZoomRoomQuery(this);
        }
    }
}
