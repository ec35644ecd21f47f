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

    /** {@return a new builder with no filter and the maximum page size} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the {@code status} filter, or null for none} */
    public ZoomRoomStatus status() {
        return status;
    }

    /** {@return the {@code type} filter, or null for none} */
    public ZoomRoomType type() {
        return type;
    }

    /** {@return the {@code tag_ids} filter (comma-separated), or null for none} */
    public String tagIds() {
        return tagIds;
    }

    /** {@return the {@code unassigned_rooms} filter, or null for none} */
    public Boolean unassignedRooms() {
        return unassignedRooms;
    }

    /** {@return the {@code location_id} filter, or null for none} */
    public String locationId() {
        return locationId;
    }

    /** {@return the {@code query_name} filter, or null for none} */
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

        /**
         * Only rooms in this status ({@code status}).
         *
         * @param status null for any
         * @return this builder
         */
        public Builder status(ZoomRoomStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Only rooms of this type ({@code type}).
         *
         * @param type null for any
         * @return this builder
         */
        public Builder type(ZoomRoomType type) {
            this.type = type;
            return this;
        }

        /**
         * Only rooms with these tags ({@code tag_ids}).
         *
         * @param tagIds tag ids, comma-separated as Zoom takes them; null for any
         * @return this builder
         */
        public Builder tagIds(String tagIds) {
            this.tagIds = tagIds;
            return this;
        }

        /**
         * Only rooms not assigned to a location ({@code unassigned_rooms}).
         *
         * @param unassignedRooms null for no filter
         * @return this builder
         */
        public Builder unassignedRooms(Boolean unassignedRooms) {
            this.unassignedRooms = unassignedRooms;
            return this;
        }

        /**
         * Only rooms at this location ({@code location_id}).
         *
         * @param locationId null for any
         * @return this builder
         */
        public Builder locationId(String locationId) {
            this.locationId = locationId;
            return this;
        }

        /**
         * Only rooms whose name contains this text ({@code query_name}).
         *
         * @param queryName null for any
         * @return this builder
         */
        public Builder queryName(String queryName) {
            this.queryName = queryName;
            return this;
        }

        /**
         * Rooms per page ({@code page_size}); default and maximum {@value ZoomRooms#MAX_PAGE_SIZE}.
         *
         * @param pageSize 1 to {@value ZoomRooms#MAX_PAGE_SIZE}
         * @return this builder
         * @throws dev.roomsdk.core.error.InvalidRequestException if {@code pageSize} is out of range
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = ZoomRooms.checkPageSize(pageSize);
            return this;
        }

        /** {@return the immutable query} */
        public ZoomRoomQuery build() {
            return new ZoomRoomQuery(this);
        }
    }
}
