package dev.roomsdk.bench.perf;

import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.videsk.RoomQuery;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.Authorization;
import dev.roomsdk.videsk.model.Room;
import java.io.OutputStream;
import java.net.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import okhttp3.OkHttpClient;

/**
 * The SDK contender, and the ONLY benchmark class that calls the SDK: when the SDK's surface
 * changes, this is the one file to adapt. Entry points with their default settings; the one
 * exception is the in-memory scenario, where the SDK is handed a base OkHttp client whose
 * only change from the default is its socket factory ({@link Endpoints#sockets()}), since
 * {@link HttpSettings#baseClient} is the SDK's public way to choose a transport.
 */
public final class SdkContender implements Contender {

    private final Endpoints endpoints;
    private final Videsk videsk;
    /** Built on first use: raw uses one client for both APIs, so a Videsk-only run builds no Carbonio. */
    private Carbonio carbonio;
    private final OkHttpClient inMemoryBase;
    private final HttpSettings inMemory;

    /** Both entry points, default settings, the fixed dummy credentials of {@link Endpoints}. */
    public SdkContender(Endpoints endpoints) {
        this.endpoints = endpoints;
        Videsk.Builder v = Videsk.builder().baseUrl(endpoints.baseUrl()).apiToken(Endpoints.VIDESK_TOKEN);
        if (endpoints.sockets() != null) {
            inMemoryBase = new OkHttpClient.Builder().socketFactory(endpoints.sockets()).proxy(Proxy.NO_PROXY).build();
            inMemory = HttpSettings.builder().baseClient(inMemoryBase).build();
            v.httpSettings(inMemory);
        } else {
            inMemoryBase = null;
            inMemory = null;
        }
        this.videsk = v.build();
    }

    private synchronized Carbonio carbonio() {
        if (carbonio == null) {
            Carbonio.Builder c = Carbonio.builder().baseUrl(endpoints.baseUrl()).authToken(Endpoints.CARBONIO_TOKEN);
            if (inMemory != null) {
                c.httpSettings(inMemory);
            }
            carbonio = c.build();
        }
        return carbonio;
    }

    @Override
    public void prepareCarbonio() {
        carbonio();
    }

    @Override
    public String name() {
        return "sdk";
    }

    @Override
    public Object videskGetRoom(String roomId) {
        return videsk.rooms().getRoom(roomId).execute();
    }

    @Override
    public String how(Operation operation) {
        switch (operation) {
            case GET_ROOM: return "videsk.rooms().getRoom(id).execute()";
            case BUILD_GET_ROOM: return "videsk.rooms().getRoom(id) and the runtime's request writing (contract check,"
                    + " URL, headers, tags), not the interceptors, which run only when a call executes";
            case LIST_ALL: return "videsk.listRooms(RoomQuery.builder().build()).stream()";
            case LIST_ROOM: return "carbonio.rooms().listRoom().execute()";
            case UPLOAD: return "carbonio.files().uploadAttachment(roomId, TransferBody.of(path)).execute()";
            case DOWNLOAD: return "carbonio.attachments().getAttachment(id).execute().writeTo(sink)";
            default: throw new IllegalArgumentException(operation.toString());
        }
    }

    /**
     * The typed call and the request the runtime writes for it: checked against the contract
     * and built, nothing sent. The SDK's interceptors run only when a
     * call executes, so they are not in this figure (the in-memory scenario has them).
     */
    @Override
    public Object videskBuildGetRoom(String roomId) {
        return dev.roomsdk.core.operation.Requests.of(videsk.rooms().getRoom(roomId));
    }

    @Override
    public long videskListAll() {
        return videsk.listRooms(RoomQuery.builder().build()).stream().mapToLong(r -> r.getId().length()).sum();
    }

    @Override
    public List<?> carbonioListRoom() {
        return carbonio().rooms().listRoom().execute();
    }

    @Override
    public String carbonioUpload(UUID roomId, Path file) {
        return carbonio().files().uploadAttachment(roomId, TransferBody.of(file)).execute().getId().toString();
    }

    @Override
    public long carbonioDownload(UUID fileId, OutputStream sink) throws Exception {
        try (Download d = carbonio().attachments().getAttachment(fileId).execute()) {
            return d.writeTo(sink);
        }
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
            dev.roomsdk.carbonio.model.Room r = (dev.roomsdk.carbonio.model.Room) o;
            members += r.getMembers() == null ? 0 : r.getMembers().size();
            children += r.getChildren() == null ? 0 : r.getChildren().size();
        }
        dev.roomsdk.carbonio.model.Room first = (dev.roomsdk.carbonio.model.Room) rooms.get(0);
        dev.roomsdk.carbonio.model.Room last = (dev.roomsdk.carbonio.model.Room) rooms.get(rooms.size() - 1);
        return Summaries.carbonioRooms(rooms.size(), first.getId().toString(), String.valueOf(last.getType()), members,
                children, last.getUpdatedAt(), last.getUserSettings().getMuted());
    }

    @Override
    public void close() {
        videsk.close();
        if (carbonio != null) {
            carbonio.close();
        }
        if (inMemoryBase != null) {
            inMemoryBase.dispatcher().executorService().shutdown();
            inMemoryBase.connectionPool().evictAll();
        }
    }
}
