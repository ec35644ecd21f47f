package dev.roomsdk.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.roomsdk.carbonio.invoker.JSON;
import dev.roomsdk.carbonio.model.Room;
import dev.roomsdk.carbonio.model.RoomType;
import org.junit.jupiter.api.Test;

/** An unknown enum value decodes to the placeholder, stays readable, and goes back out unless replaced. */
class UnknownEnumValuesTest {

    /** The generated client's Gson, as the runtime uses it: JsonCodec installs UnknownEnumValues in it. */
    static final Gson GSON = JSON.getGson();
    static final String ROOM = "{\"id\":\"7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a\",\"type\":\"webinar\","
            + "\"createdAt\":\"2026-11-21T16:45:12Z\",\"updatedAt\":\"2026-11-21T16:45:12Z\"}";

    @Test
    void rawValueIsKeptNextToThePlaceholder() {
        Room room = GSON.fromJson(ROOM, Room.class);
        assertEquals(RoomType.UNKNOWN_DEFAULT_OPEN_API, room.getType());
        assertEquals("webinar", UnknownEnumValues.rawValue(room, "type").orElseThrow());
        assertEquals("webinar", GSON.toJsonTree(room).getAsJsonObject().get("type").getAsString());
    }

    @Test
    void aKnownValueSetLaterWinsOverTheRawOne() {
        Room room = GSON.fromJson(ROOM, Room.class);
        room.setType(RoomType.CHANNEL);
        JsonObject written = GSON.toJsonTree(room).getAsJsonObject();
        assertEquals("channel", written.get("type").getAsString());
    }

    @Test
    void knownValuesLeaveNoTrace() {
        Room room = GSON.fromJson(ROOM.replace("webinar", "group"), Room.class);
        assertEquals(RoomType.GROUP, room.getType());
        assertTrue(UnknownEnumValues.rawValue(room, "type").isEmpty());
    }
}
