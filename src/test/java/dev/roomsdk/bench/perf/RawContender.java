package dev.roomsdk.bench.perf;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.roomsdk.bench.perf.RawModels.CarbonioId;
import dev.roomsdk.bench.perf.RawModels.CarbonioRoom;
import dev.roomsdk.bench.perf.RawModels.VideskAuthorization;
import dev.roomsdk.bench.perf.RawModels.VideskRoom;
import dev.roomsdk.bench.perf.RawModels.VideskRoomsList;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.reflect.Type;
import java.net.Proxy;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Okio;

/**
 * The baseline: what a careful developer writes by hand with OkHttp 4.12 and Gson: one
 * default {@link OkHttpClient}, URLs built with {@link HttpUrl.Builder} (path segments
 * encoded), the credential as a header, status checked, the body streamed into Gson's data
 * binding ({@link RawModels}) with an {@link OffsetDateTime} adapter.
 */
public final class RawContender implements Contender {

    private static final MediaType OCTET = MediaType.get("application/octet-stream");
    private static final Type CARBONIO_ROOMS = new TypeToken<List<CarbonioRoom>>() { }.getType();

    private final OkHttpClient http;
    private final HttpUrl base;
    private final HttpUrl videskRooms;
    private final String bearer = "Bearer " + Endpoints.VIDESK_TOKEN;
    private final String cookie = "ZM_AUTH_TOKEN=" + Endpoints.CARBONIO_TOKEN;
    private final Gson gson = new GsonBuilder().registerTypeAdapter(OffsetDateTime.class, new DateTimeAdapter()).create();

    /** A default client, or one whose only change is the socket factory of {@code endpoints}. */
    public RawContender(Endpoints endpoints) {
        this.http = endpoints.sockets() == null ? new OkHttpClient()
                : new OkHttpClient.Builder().socketFactory(endpoints.sockets()).proxy(Proxy.NO_PROXY).build();
        this.base = HttpUrl.get(endpoints.baseUrl());
        this.videskRooms = base.newBuilder().addPathSegments("vpaas/rooms").build();
    }

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public String how(Operation operation) {
        switch (operation) {
            case GET_ROOM: return "HttpUrl + Request.Builder, execute, Gson fromJson(charStream) into a plain class";
            case BUILD_GET_ROOM: return "HttpUrl.Builder.addPathSegment, Request.Builder (Authorization, Accept), newCall";
            case LIST_ALL: return "a loop on $skip with $limit=100 until total";
            case LIST_ROOM: return "Gson fromJson(charStream, List<CarbonioRoom>)";
            case UPLOAD: return "POST RequestBody.create(File) with the fileName/mimeType headers";
            case DOWNLOAD: return "body().source().readAll(sink)";
            default: throw new IllegalArgumentException(operation.toString());
        }
    }

    private Request videskGetRoomRequest(String roomId) {
        return new Request.Builder().url(videskRooms.newBuilder().addPathSegment(roomId).build())
                .header("Authorization", bearer).header("Accept", "application/json").build();
    }

    @Override
    public Object videskGetRoom(String roomId) throws IOException {
        return call(videskGetRoomRequest(roomId), VideskRoom.class);
    }

    @Override
    public Object videskBuildGetRoom(String roomId) {
        return http.newCall(videskGetRoomRequest(roomId));
    }

    @Override
    public long videskListAll() throws IOException {
        long touched = 0;
        int skip = 0;
        for (int pages = 0; pages < 100_000; pages++) {
            HttpUrl url = videskRooms.newBuilder().addQueryParameter("$limit", "100")
                    .addQueryParameter("$skip", Integer.toString(skip)).build();
            VideskRoomsList page = call(new Request.Builder().url(url).header("Authorization", bearer)
                    .header("Accept", "application/json").build(), VideskRoomsList.class);
            for (VideskRoom room : page.data) {
                touched += room.id.length();
            }
            skip += page.data.size();
            if (page.data.isEmpty() || skip >= page.total) {
                return touched;
            }
        }
        throw new IllegalStateException("listing did not end");
    }

    @Override
    public List<?> carbonioListRoom() throws IOException {
        return call(new Request.Builder().url(base.newBuilder().addPathSegment("rooms").build())
                .header("Cookie", cookie).header("Accept", "application/json").build(), CARBONIO_ROOMS);
    }

    @Override
    public String carbonioUpload(UUID roomId, Path file) throws IOException {
        HttpUrl url = base.newBuilder().addPathSegment("rooms").addPathSegment(roomId.toString())
                .addPathSegment("attachments").build();
        Request request = new Request.Builder().url(url).header("Cookie", cookie)
                .header("fileName", unicodeEscaped(file.getFileName().toString()))
                .header("mimeType", "application/octet-stream")
                .header("Accept", "application/json")
                .post(RequestBody.create(file.toFile(), OCTET)).build();
        CarbonioId id = call(request, CarbonioId.class);
        return id.id.toString();
    }

    @Override
    public long carbonioDownload(UUID fileId, OutputStream sink) throws IOException {
        HttpUrl url = base.newBuilder().addPathSegment("attachments").addPathSegment(fileId.toString())
                .addPathSegment("download").build();
        try (Response r = http.newCall(new Request.Builder().url(url).header("Cookie", cookie).build()).execute()) {
            check(r);
            return r.body().source().readAll(Okio.sink(sink));
        }
    }

    /** The body read into nothing: what the transport alone costs (the decode check's baseline). */
    public long carbonioListRoomDiscarded() throws IOException {
        Request request = new Request.Builder().url(base.newBuilder().addPathSegment("rooms").build())
                .header("Cookie", cookie).header("Accept", "application/json").build();
        try (Response r = http.newCall(request).execute()) {
            check(r);
            return r.body().source().readAll(okio.Okio.blackhole());
        }
    }

    private <T> T call(Request request, Type type) throws IOException {
        try (Response r = http.newCall(request).execute()) {
            check(r);
            try (Reader reader = r.body().charStream()) {
                T value = gson.fromJson(reader, type);
                if (value == null) {
                    throw new IOException("empty body from " + request.url());
                }
                return value;
            }
        }
    }

    private static void check(Response r) throws IOException {
        if (!r.isSuccessful()) {
            throw new IOException("HTTP " + r.code() + " from " + r.request().url());
        }
    }

    static String unicodeEscaped(String s) {
        StringBuilder b = new StringBuilder(s.length() * 6);
        for (int i = 0; i < s.length(); i++) {
            b.append(String.format("\\u%04x", (int) s.charAt(i)));
        }
        return b.toString();
    }

    @Override
    public String videskRoomSummary(Object room) {
        VideskRoom r = (VideskRoom) room;
        VideskAuthorization last = r.authorizations.get(r.authorizations.size() - 1);
        return Summaries.videskRoom(r.id, r.name, r.externalId, r.exp, r.nbf, r.authorizations.size(), last.jti,
                last.createdAt);
    }

    @Override
    public String carbonioRoomsSummary(List<?> rooms) {
        long members = 0;
        long children = 0;
        for (Object o : rooms) {
            CarbonioRoom r = (CarbonioRoom) o;
            members += r.members == null ? 0 : r.members.size();
            children += r.children == null ? 0 : r.children.size();
        }
        CarbonioRoom first = (CarbonioRoom) rooms.get(0);
        CarbonioRoom last = (CarbonioRoom) rooms.get(rooms.size() - 1);
        return Summaries.carbonioRooms(rooms.size(), first.id.toString(), String.valueOf(last.type), members, children,
                last.updatedAt, last.userSettings.muted);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** ISO-8601 date-times, as the contracts' {@code format: date-time}. */
    private static final class DateTimeAdapter extends TypeAdapter<OffsetDateTime> {
        @Override
        public void write(JsonWriter out, OffsetDateTime value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.toString());
            }
        }

        @Override
        public OffsetDateTime read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return OffsetDateTime.parse(in.nextString());
        }
    }
}
