package dev.roomsdk.bench.perf;

import bench.plain.carbonio.api.AttachmentsApi;
import bench.plain.videsk.api.RoomsApi;
import bench.plain.videsk.model.Authorization;
import bench.plain.videsk.model.Room;
import bench.plain.videsk.model.RoomsList;
import java.io.File;
import java.io.OutputStream;
import java.net.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The stock generator's client (openapi-generator 7.25.0, java / okhttp-gson, default options),
 * generated from the same contracts into {@code target/plain-gen/} by the {@code perf} profile
 * and used as its README shows: an {@code ApiClient} per API with the base path and the
 * credential, and one API class per tag.
 */
public final class PlainContender implements Contender {

    private final bench.plain.videsk.invoker.ApiClient videskClient;
    private final bench.plain.carbonio.invoker.ApiClient carbonioClient;
    private final RoomsApi videskRooms;
    private final bench.plain.carbonio.api.RoomsApi carbonioRooms;
    private final AttachmentsApi attachments;

    /** The generated clients with their defaults; with in-memory sockets only the socket factory changes. */
    public PlainContender(Endpoints endpoints) {
        videskClient = new bench.plain.videsk.invoker.ApiClient();
        videskClient.setBasePath(endpoints.baseUrl());
        videskClient.setBearerToken(Endpoints.VIDESK_TOKEN);
        carbonioClient = new bench.plain.carbonio.invoker.ApiClient();
        carbonioClient.setBasePath(endpoints.baseUrl());
        carbonioClient.setApiKey(Endpoints.CARBONIO_TOKEN);
        if (endpoints.sockets() != null) {
            // the default client (with its progress interceptor), only its sockets changed
            videskClient.setHttpClient(videskClient.getHttpClient().newBuilder()
                    .socketFactory(endpoints.sockets()).proxy(Proxy.NO_PROXY).build());
            carbonioClient.setHttpClient(carbonioClient.getHttpClient().newBuilder()
                    .socketFactory(endpoints.sockets()).proxy(Proxy.NO_PROXY).build());
        }
        videskRooms = new RoomsApi(videskClient);
        carbonioRooms = new bench.plain.carbonio.api.RoomsApi(carbonioClient);
        attachments = new AttachmentsApi(carbonioClient);
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public String how(Operation operation) {
        switch (operation) {
            case GET_ROOM: return "new RoomsApi(apiClient).getRoom(id)";
            case BUILD_GET_ROOM: return "roomsApi.getRoomCall(id, null)";
            case LIST_ALL: return "roomsApi.listRooms(100, skip, null, null, null) in a loop until total";
            case LIST_ROOM: return "roomsApi.listRoom(null, null)";
            case UPLOAD: return "attachmentsApi.insertAttachment(roomId, name, type, length, File, ...)";
            case DOWNLOAD: return "not compared: getAttachment only saves to a temporary file";
            default: throw new IllegalArgumentException(operation.toString());
        }
    }

    @Override
    public Object videskGetRoom(String roomId) throws Exception {
        return videskRooms.getRoom(roomId);
    }

    @Override
    public Object videskBuildGetRoom(String roomId) throws Exception {
        return videskRooms.getRoomCall(roomId, null);
    }

    @Override
    public long videskListAll() throws Exception {
        long touched = 0;
        int skip = 0;
        for (int pages = 0; pages < 100_000; pages++) {
            RoomsList page = videskRooms.listRooms(100, skip, null, null, null);
            for (Room room : page.getData()) {
                touched += room.getId().length();
            }
            skip += page.getData().size();
            if (page.getData().isEmpty() || skip >= page.getTotal()) {
                return touched;
            }
        }
        throw new IllegalStateException("listing did not end");
    }

    @Override
    public List<?> carbonioListRoom() throws Exception {
        return carbonioRooms.listRoom(null, null);
    }

    @Override
    public String carbonioUpload(UUID roomId, Path file) throws Exception {
        File f = file.toFile();
        return attachments.insertAttachment(roomId, RawContender.unicodeEscaped(f.getName()), "application/octet-stream",
                f.length(), f, null, null, null, null, null).getId().toString();
    }

    /** The stock download saves to a temporary file (no streaming API), so it is not compared. */
    @Override
    public long carbonioDownload(UUID fileId, OutputStream sink) {
        throw new UnsupportedOperationException("the stock client downloads into a temporary file only");
    }

    @Override
    public String videskRoomSummary(Object room) {
        Room r = (Room) room;
        Authorization last = r.getAuthorizations().get(r.getAuthorizations().size() - 1);
        return Summaries.videskRoom(r.getId(), r.getName(), r.getExternalId(), r.getExp(), r.getNbf(),
                r.getAuthorizations().size(), last.getJti(), last.getCreatedAt());
    }

    @Override
    public String carbonioRoomsSummary(List<?> rooms) {
        long members = 0;
        long children = 0;
        for (Object o : rooms) {
            bench.plain.carbonio.model.Room r = (bench.plain.carbonio.model.Room) o;
            members += r.getMembers() == null ? 0 : r.getMembers().size();
            children += r.getChildren() == null ? 0 : r.getChildren().size();
        }
        bench.plain.carbonio.model.Room first = (bench.plain.carbonio.model.Room) rooms.get(0);
        bench.plain.carbonio.model.Room last = (bench.plain.carbonio.model.Room) rooms.get(rooms.size() - 1);
        return Summaries.carbonioRooms(rooms.size(), first.getId().toString(), String.valueOf(last.getType()), members,
                children, last.getUpdatedAt(), last.getUserSettings().getMuted());
    }

    @Override
    public void close() {
        for (okhttp3.OkHttpClient http : List.of(videskClient.getHttpClient(), carbonioClient.getHttpClient())) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
