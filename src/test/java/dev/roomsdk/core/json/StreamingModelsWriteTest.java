package dev.roomsdk.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.roomsdk.carbonio.model.Room;
import dev.roomsdk.carbonio.model.RoomType;
import dev.roomsdk.zoom.model.LocationStructure;
import dev.roomsdk.zoom.model.LocationType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SDK writes the generated models itself, as their own adapters did: fields in declaration
 * order, nulls left out, additional properties after the fields (winning over a field of the
 * same name), and raw enum values sent back as received.
 */
class StreamingModelsWriteTest {

    private static final Gson CARBONIO = dev.roomsdk.carbonio.invoker.JSON.getGson();
    private static final Gson ZOOM = dev.roomsdk.zoom.invoker.JSON.getGson();

    @Test
    void fieldsInDeclarationOrderNullsLeftOutAdditionalPropertiesLast() {
        Room room = CARBONIO.fromJson("{\"updatedAt\":\"2026-11-21T16:45:12Z\",\"type\":\"group\","
                + "\"id\":\"7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a\",\"createdAt\":\"2026-11-21T16:45:12Z\"}", Room.class);
        room.setType(RoomType.CHANNEL);
        room.setName("standup");
        room.putAdditionalProperty("color", "teal");
        room.putAdditionalProperty("seats", 12);

        String json = CARBONIO.toJson(room);

        assertEquals("{\"id\":\"7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a\",\"name\":\"standup\",\"type\":\"channel\","
                + "\"createdAt\":\"2026-11-21T16:45:12Z\",\"updatedAt\":\"2026-11-21T16:45:12Z\","
                + "\"color\":\"teal\",\"seats\":12}", json);
    }

    @Test
    void anAdditionalPropertyWinsOverTheFieldOfTheSameName() {
        Room room = new Room();
        room.setName("from the field");
        room.putAdditionalProperty("name", "from the additional properties");

        JsonObject written = JsonParser.parseString(CARBONIO.toJson(room)).getAsJsonObject();

        assertEquals("from the additional properties", written.get("name").getAsString());
        assertEquals(1, written.size());
    }

    @Test
    void aListOfEnumsWithAnUnknownValueGoesBackAsReceived() {
        LocationStructure read = ZOOM.fromJson("{\"structures\":[\"country\",\"moon base\",null,\"floor\"]}",
                LocationStructure.class);
        List<LocationType> expected = new ArrayList<>(List.of(LocationType.COUNTRY, LocationType.UNKNOWN_DEFAULT_OPEN_API));
        expected.add(null);
        expected.add(LocationType.FLOOR);
        assertEquals(expected, read.getStructures());

        assertEquals("{\"structures\":[\"country\",\"moon base\",null,\"floor\"]}", ZOOM.toJson(read));
    }

    @Test
    void aListOfKnownEnumsSetAfterReadingWinsOverTheRawValues() {
        LocationStructure read = ZOOM.fromJson("{\"structures\":[\"moon base\"]}", LocationStructure.class);
        read.setStructures(List.of(LocationType.CITY, LocationType.CAMPUS));

        String json = ZOOM.toJson(read);

        assertEquals("{\"structures\":[\"city\",\"campus\"]}", json);
        assertFalse(json.contains("moon"), json);
    }

    @Test
    void aModelNestedInAListIsWrittenByTheSameWriter() {
        Room child = new Room();
        child.setName("child");
        child.putAdditionalProperty("x", true);
        Room parent = new Room();
        parent.setChildren(List.of(child));

        assertEquals("{\"children\":[{\"name\":\"child\",\"x\":true}]}", CARBONIO.toJson(parent));
    }
}
