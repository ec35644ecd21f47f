package dev.roomsdk.videsk;

import dev.roomsdk.core.auth.AuthScheme;
import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.http.BaseUrls;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RoomHttpClients;
import dev.roomsdk.videsk.api.RoomsApi;
import dev.roomsdk.videsk.invoker.ApiClient;
import dev.roomsdk.videsk.model.RoomsList;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Entry point to the Videsk VPaaS Rooms API. Build one per api-token and share it: it is
 * thread-safe and holds a connection pool, which {@link #close()} releases.
 *
 * <pre>{@code
 * try (Videsk videsk = Videsk.builder().apiToken(System.getenv("VIDESK_TOKEN")).build()) {
 *     RoomWithToken room = videsk.rooms().createRoom(new CreateRoomRequest().name("standup"));
 * }
 * }</pre>
 */
public final class Videsk implements AutoCloseable {

    /** Videsk's production server. */
    public static final String DEFAULT_BASE_URL = "https://api.videsk.io";

    private final HttpSettings settings;
    private final OkHttpClient httpClient;
    private final ApiClient apiClient;
    private final RoomsApi rooms;

    private Videsk(Builder b) {
        this.settings = b.settings;
        this.httpClient = RoomHttpClients.create("videsk", b.settings, b.tokens, AuthScheme.bearer());
        this.apiClient = new ApiClient(httpClient).setBasePath(b.baseUrl);
        this.rooms = new RoomsApi(apiClient);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The typed Rooms operations, as the contract defines them. */
    public RoomsApi rooms() {
        return rooms;
    }

    /**
     * One page of rooms for {@code query}. Unlike {@link RoomsApi#listRooms}, this sends the
     * sort order the way Videsk reads it ({@code $sort[field]=-1}); the generated client cannot
     * express a deepObject map.
     */
    public RoomsList listRooms(RoomQuery query) {
        Objects.requireNonNull(query, "query");
        Call call = rooms.listRoomsCall(query.limit(), query.skip() == 0 ? null : query.skip(), null,
                query.ended(), query.externalId(), null);
        Request request = call.request();
        if (!query.sort().isEmpty()) {
            HttpUrl.Builder url = request.url().newBuilder();
            query.sort().forEach((field, dir) ->
                    url.addQueryParameter("$sort[" + field + "]", Integer.toString(dir.wireValue())));
            call = httpClient.newCall(request.newBuilder().url(url.build()).build());
        }
        return apiClient.<RoomsList>execute(call, RoomsList.class).getData();
    }

    /** Releases the connection pool and dispatcher threads (unless they belong to a caller's base client). */
    @Override
    public void close() {
        RoomHttpClients.close(httpClient, settings);
    }

    @Override
    public String toString() {
        return "Videsk{baseUrl=" + apiClient.getBasePath() + "}";
    }

    /** Builder for {@link Videsk}. Not thread-safe; {@link #build()} checks everything. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private TokenProvider tokens;
        private HttpSettings settings = HttpSettings.defaults();

        private Builder() {
        }

        /** Server to talk to; defaults to {@link #DEFAULT_BASE_URL}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = BaseUrls.require("baseUrl", baseUrl);
            return this;
        }

        /** A Videsk token of type {@code api-token}, sent as a bearer token. */
        public Builder apiToken(String apiToken) {
            if (apiToken == null || apiToken.isEmpty()) {
                throw new IllegalArgumentException("apiToken must not be null or empty");
            }
            this.tokens = TokenProvider.of(apiToken);
            return this;
        }

        /** Where the bearer token comes from, when it is not a fixed string. */
        public Builder tokenProvider(TokenProvider tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokenProvider");
            return this;
        }

        public Builder httpSettings(HttpSettings settings) {
            this.settings = Objects.requireNonNull(settings, "httpSettings");
            return this;
        }

        public Videsk build() {
            if (tokens == null) {
                throw new IllegalStateException("Videsk needs credentials: call apiToken(...) or tokenProvider(...)");
            }
            return new Videsk(this);
        }
    }
}
