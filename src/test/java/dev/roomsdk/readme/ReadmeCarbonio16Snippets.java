package dev.roomsdk.readme;

import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.CarbonioGeneration;
import dev.roomsdk.carbonio.v16.model.Member;
import dev.roomsdk.carbonio.v16.model.RoomCreationFields;
import dev.roomsdk.carbonio.v16.model.RoomType;
import java.util.List;
import java.util.UUID;

/** The README's Carbonio 1.6 snippet (compiled only: the sandbox serves 1.3.1); see {@link ReadmeVideskSnippets}. */
final class ReadmeCarbonio16Snippets {

    private ReadmeCarbonio16Snippets() {
    }

    static void generation(String wscUrl, String token, UUID queue, UUID otherUser) {
        // README: carbonio-1.6
        Carbonio carbonio = Carbonio.builder().generation(CarbonioGeneration.V1_6)   // default: V1_3_1
                .baseUrl(wscUrl).authToken(token).queueId(queue)
                .apiVersion("1.6.4")                                               // optional, default 1.6.0
                .build();
        carbonio.v16().rooms().insertRoom(new RoomCreationFields().type(RoomType.ONE_TO_ONE)
                .members(List.of(new Member().userId(otherUser)))).execute();      // dev.roomsdk.carbonio.v16.model
        // END
        carbonio.close();
    }
}
