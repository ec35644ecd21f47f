package dev.roomsdk.readme;

import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.error.RateLimitException;
import dev.roomsdk.core.error.RoomSdkException;
import dev.roomsdk.core.error.RoomSdkServiceException;
import dev.roomsdk.core.error.VendorError;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.core.paging.Page;
import dev.roomsdk.videsk.RoomQuery;
import dev.roomsdk.videsk.SortDirection;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.CreateRoomRequest;
import dev.roomsdk.videsk.model.Room;
import dev.roomsdk.videsk.model.RoomWithToken;
import dev.roomsdk.videsk.model.UpdateRoomRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * The README's Videsk snippets, compiled as written: each region between {@code // README: name}
 * and {@code // END} is a ```java block of README.md ({@link ReadmeSnippetsTest} checks it), and
 * the test runs it against the sandbox.
 */
final class ReadmeVideskSnippets {

    private ReadmeVideskSnippets() {
    }

    static void quickstart(String videskUrl, String apiToken) {
        // README: videsk-quickstart
        try (Videsk videsk = Videsk.builder().baseUrl(videskUrl).apiToken(apiToken).build()) {
            RoomWithToken room = videsk.rooms().createRoom(new CreateRoomRequest().name("standup")).execute();
            String joinToken = videsk.roomAccessTokens(room.getId()).token().value();   // a JWT for the browser SDK
            for (Room open : videsk.listRooms(RoomQuery.builder().ended(false)
                    .sortBy("createdAt", SortDirection.DESCENDING).build())) {          // lazy, 100 per page
                System.out.println(open.getId() + " " + open.getName());
            }
            videsk.rooms().updateRoom(room.getId(), new UpdateRoomRequest().ended(true)).execute();
        }
        // END
    }

    static void pagination(Videsk videsk) {
        // README: videsk-pages
        for (Page<Room> page : videsk.listRooms(RoomQuery.builder().limit(50).build()).pages()) {
            System.out.println("page " + page.pageNumber() + ": " + page.items().size() + " of "
                    + page.total().orElse(-1) + " rooms, resume with " + page.nextContinuation().orElse("-"));
        }
        // END
    }

    static void retries(String videskUrl, String apiToken) {
        // README: retries
        HttpSettings settings = HttpSettings.builder()
                .readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(30))                       // all attempts and waits together
                .retryPolicy(RetryPolicy.builder().maxAttempts(5).maxDelay(Duration.ofSeconds(10)).build())
                .build();
        try (Videsk videsk = Videsk.builder().baseUrl(videskUrl).apiToken(apiToken).httpSettings(settings).build()) {
            Videsk once = videsk.withOptions(RequestOptions.builder()
                    .retryPolicy(RetryPolicy.none()).callTimeout(Duration.ofSeconds(5)).build());
            once.listRooms(RoomQuery.all()).firstPage();                   // one attempt, 5 s at most
        }
        // END
    }

    static void errors(Videsk videsk, String roomId) {
        // README: errors
        try {
            Room room = videsk.rooms().getRoom(roomId).execute();
        } catch (NotFoundException e) {                                    // 404, with Videsk's error object
            System.out.println("no room: " + e.vendorError().flatMap(VendorError::message).orElse(e.getMessage()));
        } catch (RateLimitException e) {                                   // 429 after the retries
            Instant again = e.retryAt().orElse(Instant.now().plusSeconds(1));
        } catch (RoomSdkServiceException e) {                              // any other HTTP status
            System.out.println(e.operation() + " failed: " + e.statusCode() + " " + e.requestId().orElse(""));
        } catch (RoomSdkException e) {                                     // bad arguments, timeouts, I/O, decoding
            throw e;
        }
        // END
    }
}
