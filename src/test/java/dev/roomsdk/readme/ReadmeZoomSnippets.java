package dev.roomsdk.readme;

import dev.roomsdk.core.auth.CachingTokenProvider;
import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.operation.ApiResponse;
import dev.roomsdk.core.paging.Page;
import dev.roomsdk.core.paging.Paged;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.zoom.ZoomOAuth;
import dev.roomsdk.zoom.ZoomRoomQuery;
import dev.roomsdk.zoom.ZoomRooms;
import dev.roomsdk.zoom.model.VirtualBackgroundFile;
import dev.roomsdk.zoom.model.ZoomRoom;
import dev.roomsdk.zoom.model.ZoomRoomList;
import dev.roomsdk.zoom.model.ZoomRoomProfile;
import dev.roomsdk.zoom.model.ZoomRoomStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The README's Zoom snippets; see {@link ReadmeVideskSnippets}. */
final class ReadmeZoomSnippets {

    private ReadmeZoomSnippets() {
    }

    static void callShape(ZoomRooms zoom, String roomId) {
        // README: call-shape
        ZoomRoomList offline = zoom.rooms().listZoomRooms().status(ZoomRoomStatus.OFFLINE).pageSize(300).execute();
        CompletableFuture<ZoomRoomProfile> profile = zoom.rooms().getZRProfile(roomId).executeAsync();
        ApiResponse<ZoomRoomList> response = zoom.rooms().listZoomRooms().executeWithResponse();   // status, headers
        // END
        profile.join();
    }

    static void quickstart(String accountId, String clientId, String clientSecret) {
        // README: zoom-quickstart
        TokenProvider oauth = ZoomOAuth.serverToServer(accountId, clientId, clientSecret).build();
        try (ZoomRooms zoom = ZoomRooms.builder().credentials(oauth).build()) {
            zoom.listRooms(ZoomRoomQuery.builder().status(ZoomRoomStatus.OFFLINE).build()).stream()  // lazy, 300 per page
                    .forEach(room -> System.out.println(room.getName() + " is offline"));
            String roomId = zoom.listRooms(ZoomRoomQuery.all()).stream().findFirst().orElseThrow().getId();
            zoom.devices().listZRDevices(roomId).execute().getDevices()
                    .forEach(device -> System.out.println(device.getDeviceType() + " " + device.getAppVersion()));
        }
        // END
    }

    static void pagination(ZoomRooms zoom) {
        // README: zoom-pages
        Paged<ZoomRoom> rooms = zoom.listRooms(ZoomRoomQuery.all());        // nothing sent yet
        long offline = rooms.stream().filter(r -> r.getStatus() == ZoomRoomStatus.OFFLINE).count();

        Page<ZoomRoom> first = rooms.firstPage();                          // one request
        String cursor = first.nextContinuation().orElseThrow();            // keep it; Zoom's lasts 15 minutes
        for (Page<ZoomRoom> page : rooms.pagesFrom(cursor)) {              // later: the pages after the first
            page.items().forEach(room -> System.out.println(room.getName()));
        }
        // END
    }

    static CachingTokenProvider credentials(String accountId, String clientId, String clientSecret,
                                            String storedRefreshToken, Consumer<String> saveRefreshToken) {
        // README: zoom-credentials
        CachingTokenProvider serverToServer = ZoomOAuth.serverToServer(accountId, clientId, clientSecret)
                .refreshMargin(Duration.ofMinutes(10))   // renew 10 minutes before expiry (default 5)
                .backgroundRefresh(true)                 // renew on a daemon thread; no caller waits for it
                .build();
        CachingTokenProvider userLevel = ZoomOAuth.refreshToken(clientId, clientSecret, storedRefreshToken,
                saveRefreshToken)                         // Zoom rotates refresh tokens: persist each new one
                .build();
        // END
        return userLevel == null ? serverToServer : userLevel;
    }

    static void upload(ZoomRooms zoom, Path picture) {
        // README: upload
        TransferBody background = TransferBody.of(picture)                 // streamed, never held in memory
                .withProgress((done, total) -> System.out.printf("%d / %d bytes%n", done, total));
        VirtualBackgroundFile file = zoom.uploadVirtualBackground("me", background);   // format and 15 MB checked first
        zoom.virtualBackgrounds().delVB("me").fileIds(file.getId()).execute();
        // END
    }
}
