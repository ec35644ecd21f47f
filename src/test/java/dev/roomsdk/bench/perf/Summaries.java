package dev.roomsdk.bench.perf;

import java.time.OffsetDateTime;

/** The common text form of decoded values, so the three contenders' results can be compared. */
final class Summaries {

    private Summaries() {
    }

    static String videskRoom(String id, String name, String externalId, OffsetDateTime exp, OffsetDateTime nbf,
                             int authorizations, String lastJti, OffsetDateTime lastCreatedAt) {
        return id + "|" + name + "|" + externalId + "|" + instant(exp) + "|" + instant(nbf) + "|" + authorizations
                + "|" + lastJti + "|" + instant(lastCreatedAt);
    }

    static String carbonioRooms(int count, String firstId, String lastType, long members, long children,
                                OffsetDateTime lastUpdatedAt, Boolean lastMuted) {
        return count + "|" + firstId + "|" + lastType + "|" + members + "|" + children + "|" + instant(lastUpdatedAt)
                + "|" + lastMuted;
    }

    private static String instant(OffsetDateTime t) {
        return t == null ? "null" : t.toInstant().toString();
    }
}
