package dev.roomsdk.bench.perf;

import com.google.gson.annotations.SerializedName;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The raw contender's model classes: plain fields that Gson binds by name, the way a
 * hand-written client would declare them. No validation, no unknown-field bookkeeping.
 */
final class RawModels {

    private RawModels() {
    }

    static final class VideskRoom {
        String id;
        String name;
        String externalId;
        OffsetDateTime exp;
        OffsetDateTime nbf;
        List<VideskAuthorization> authorizations;
    }

    static final class VideskAuthorization {
        String ip;
        String jti;
        OffsetDateTime createdAt;
    }

    static final class VideskRoomsList {
        int total;
        int limit;
        int skip;
        List<VideskRoom> data;
    }

    enum CarbonioRoomType {
        @SerializedName("group") GROUP,
        @SerializedName("one_to_one") ONE_TO_ONE,
        @SerializedName("workspace") WORKSPACE,
        @SerializedName("channel") CHANNEL,
        @SerializedName("temporary") TEMPORARY;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final class CarbonioRoom {
        UUID id;
        String name;
        String description;
        CarbonioRoomType type;
        UUID parentId;
        List<UUID> membersIds;
        Integer rank;
        UUID meetingId;
        OffsetDateTime createdAt;
        OffsetDateTime updatedAt;
        OffsetDateTime pictureUpdatedAt;
        List<CarbonioRoom> children;
        List<CarbonioMember> members;
        CarbonioUserSettings userSettings;
    }

    static final class CarbonioMember {
        UUID userId;
        boolean owner;
    }

    static final class CarbonioUserSettings {
        boolean muted;
        OffsetDateTime clearedAt;
    }

    static final class CarbonioId {
        UUID id;
    }
}
