package dev.roomsdk.readme;

// README: testing
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomsdk.sandbox.RoomSdkSandbox;
import dev.roomsdk.videsk.RoomQuery;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.CreateRoomRequest;
import dev.roomsdk.videsk.model.RoomWithToken;
import org.junit.jupiter.api.Test;

class MyRoomsTest {
    @Test
    void createdRoomIsListed() {
        try (RoomSdkSandbox sandbox = RoomSdkSandbox.start()) {      // three free ports on 127.0.0.1
            Videsk videsk = sandbox.videsk();                         // a client pointed at it (closed with it)
            RoomWithToken room = videsk.rooms().createRoom(new CreateRoomRequest().name("standup")).execute();
            assertEquals("standup", videsk.rooms().getRoom(room.getId()).execute().getName());
            assertEquals(251, videsk.listRooms(RoomQuery.all()).stream().count());   // 250 seeded + yours
            sandbox.assertNoViolations();                             // nothing sent or answered broke a contract
        }
    }
}
// END
