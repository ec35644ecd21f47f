package dev.roomsdk.videsk;

/** Sort direction of a Videsk list query, sent as {@code 1} or {@code -1}. */
public enum SortDirection {
    /** Smallest first, sent as {@code 1}. */
    ASCENDING(1),
    /** Largest first, sent as {@code -1}. */
    DESCENDING(-1);

    private final int wireValue;

    SortDirection(int wireValue) {
        this.wireValue = wireValue;
    }

    int wireValue() {
        return wireValue;
    }
}
