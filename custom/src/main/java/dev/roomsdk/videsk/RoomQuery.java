package dev.roomsdk.videsk;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidRequestException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters and sort order of a Videsk room listing. Immutable; the builder checks each value
 * against the contract ({@code $limit} 1..100, {@code $skip} >= 0, {@code externalId} at
 * most 100 characters) and fails with an {@link InvalidRequestException} naming the field
 * before any request is made.
 */
public final class RoomQuery {

    static final int MAX_LIMIT = 100;
    private static final int MAX_EXTERNAL_ID = 100;

    private final Integer limit;
    private final int skip;
    private final Map<String, SortDirection> sort;
    private final Boolean ended;
    private final String externalId;

    private RoomQuery(Builder b) {
        this.limit = b.limit;
        this.skip = b.skip;
        this.sort = Collections.unmodifiableMap(new LinkedHashMap<>(b.sort));
        this.ended = b.ended;
        this.externalId = b.externalId;
    }

    /** {@return a query for all rooms, server default page size, server default order} */
    public static RoomQuery all() {
        return builder().build();
    }

    /** {@return a new builder with nothing set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a new builder starting from this query} */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.limit = limit;
        b.skip = skip;
        b.sort.putAll(sort);
        b.ended = ended;
        b.externalId = externalId;
        return b;
    }

    /** {@return the page size ({@code $limit}), or null for the server default (10)} */
    public Integer limit() {
        return limit;
    }

    /** {@return the number of rooms to skip ({@code $skip})} */
    public int skip() {
        return skip;
    }

    /** {@return the sort keys in the order they were added} */
    public Map<String, SortDirection> sort() {
        return sort;
    }

    /** {@return the {@code ended} filter, or null for rooms of either status} */
    public Boolean ended() {
        return ended;
    }

    /** {@return the {@code externalId} filter, or null for none} */
    public String externalId() {
        return externalId;
    }

    @Override
    public String toString() {
        return "RoomQuery{limit=" + limit + ", skip=" + skip + ", sort=" + sort + ", ended=" + ended
                + ", externalId=" + externalId + "}";
    }

    /** Builder for {@link RoomQuery}. Not thread-safe. */
    public static final class Builder {
        private Integer limit;
        private int skip;
        private final Map<String, SortDirection> sort = new LinkedHashMap<>();
        private Boolean ended;
        private String externalId;

        private Builder() {
        }

        /**
         * {@code $limit}: 1 to 100.
         *
         * @param limit 1 to 100
         * @return this builder
         * @throws InvalidRequestException if {@code limit} is out of range
         */
        public Builder limit(int limit) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw Checks.invalidArgument(null, "$limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
            }
            this.limit = limit;
            return this;
        }

        /**
         * {@code $skip}: 0 or more.
         *
         * @param skip 0 or more
         * @return this builder
         * @throws InvalidRequestException if {@code skip} is negative
         */
        public Builder skip(int skip) {
            if (skip < 0) {
                throw Checks.invalidArgument(null, "$skip", "must be at least 0, got " + skip);
            }
            this.skip = skip;
            return this;
        }

        /**
         * Adds a sort key, sent as {@code $sort[field]=1|-1}; later keys break ties of earlier ones.
         *
         * @param field the room field to sort on; not null or empty
         * @param direction not null
         * @return this builder
         * @throws InvalidRequestException if {@code field} is null or empty, or {@code direction} is null
         */
        public Builder sortBy(String field, SortDirection direction) {
            if (field == null || field.isEmpty()) {
                throw Checks.invalidArgument(null, "$sort", "the field must not be null or empty");
            }
            if (direction == null) {
                throw Checks.invalidArgument(null, "$sort", "the direction must not be null");
            }
            sort.put(field, direction);
            return this;
        }

        /**
         * Only rooms whose ended status is {@code ended}.
         *
         * @param ended true for ended rooms only, false for rooms not ended
         * @return this builder
         */
        public Builder ended(boolean ended) {
            this.ended = ended;
            return this;
        }

        /**
         * Only the room with this external ID (at most 100 characters).
         *
         * @param externalId not null, at most 100 characters
         * @return this builder
         * @throws InvalidRequestException if {@code externalId} is null or longer than 100 characters
         */
        public Builder externalId(String externalId) {
            if (Checks.argumentNotNull(null, "externalId", externalId).length() > MAX_EXTERNAL_ID) {
                throw Checks.invalidArgument(null, "externalId", "length must be at most " + MAX_EXTERNAL_ID
                        + ", got " + externalId.length());
            }
            this.externalId = externalId;
            return this;
        }

        /** {@return the immutable query} */
        public RoomQuery build() {
            return new RoomQuery(this);
        }
    }
}
