package dev.roomsdk.videsk;

import dev.roomsdk.core.auth.AuthScheme;
import dev.roomsdk.core.auth.CachingTokenProvider;
import dev.roomsdk.core.auth.JwtExpiry;
import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.config.EnvironmentVariables;
import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.http.BaseUrls;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.http.Transport;
import dev.roomsdk.core.operation.OperationRuntime;
import dev.roomsdk.core.paging.Page;
import dev.roomsdk.core.paging.PageFetcher;
import dev.roomsdk.core.paging.Paged;
import dev.roomsdk.videsk.api.RoomsApi;
import dev.roomsdk.videsk.invoker.JSON;
import dev.roomsdk.videsk.model.Room;
import dev.roomsdk.videsk.model.RoomsList;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Entry point to the Videsk VPaaS Rooms API. Build one per api-token and share it: it is
 * thread-safe and holds a connection pool, which {@link #close()} releases. Failed calls
 * throw {@link dev.roomsdk.core.error.RoomSdkException} subtypes (a 404 is a
 * {@link dev.roomsdk.core.error.NotFoundException} carrying Videsk's error object). Other
 * retries or timeouts for some calls: {@link #withOptions(RequestOptions)}.
 *
 * <pre>{@code
 * try (Videsk videsk = Videsk.builder().apiToken(System.getenv("VIDESK_TOKEN")).build()) {
 *     RoomWithToken room = videsk.rooms().createRoom(new CreateRoomRequest().name("standup")).execute();
 * }
 * }</pre>
 */
public final class Videsk implements AutoCloseable {

    /** Videsk's production server. */
    public static final String DEFAULT_BASE_URL = "https://api.videsk.io";

    /** Environment variable {@link Builder#fromEnv()} reads the server from (optional). */
    public static final String ENV_BASE_URL = "VIDESK_BASE_URL";

    /** Environment variable {@link Builder#fromEnv()} reads the api-token from (required). */
    public static final String ENV_API_TOKEN = "VIDESK_TOKEN";

    /** How messages about a listing's arguments name it. */
    private static final String LIST_ROOMS = "listRooms";

    private final Transport transport;
    private final OperationRuntime runtime;
    private final RoomsApi rooms;

    private Videsk(Builder b) {
        this(Transport.create("videsk", b.settings, b.tokens, AuthScheme.bearer()), b.baseUrl);
    }

    private Videsk(Transport transport, OperationRuntime runtime) {
        this.transport = transport;
        this.runtime = runtime;
        this.rooms = new RoomsApi(runtime);
    }

    private Videsk(Transport transport, String baseUrl) {
        this(transport, OperationRuntime.create(transport, baseUrl, JSON.getGson(), Map.of(), null));
    }

    /** {@return a new builder: {@link #DEFAULT_BASE_URL}, default HTTP settings, no credentials yet} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The typed Rooms operations, as the contract defines them. Arguments are checked against
     * the contract before any I/O ({@link dev.roomsdk.core.error.InvalidRequestException}).
     * Reads, updates and deletes are retried per the client's {@link dev.roomsdk.core.http.RetryPolicy};
     * {@code createRoom} is retried only when it carries an {@code externalId}, which Videsk
     * keeps unique: if an earlier attempt did create the room and only its response was lost,
     * the retry gets 409 and the call throws {@link dev.roomsdk.core.error.ConflictException}
     * ("externalId already exists"), never a second room; {@code getRoom(externalId)} then
     * returns it.
      *
      * @return the Rooms operations; never null
     */
    public RoomsApi rooms() {
        return rooms;
    }

    /**
     * This client with per-call overrides: every call made through the returned one (typed
     * operations, {@link #listRooms} pages, room access tokens) carries {@code options},
     * e.g. another retry policy ({@link dev.roomsdk.core.http.RetryPolicy#none()} turns
     * retries off) or shorter timeouts; unset values fall back to this client's settings, and
     * {@code options} replace any this client already had. Cheap: it shares this client's
     * connection pool, threads and credentials, so its {@link #close()} releases nothing;
     * closing the client it was derived from does.
      *
      * @param options the overrides; not null
      * @return a client sharing this one's connection pool and credentials
      * @throws InvalidRequestException if {@code options} is null
     */
    public Videsk withOptions(RequestOptions options) {
        return new Videsk(transport.shared(), runtime.withOptions(options));
    }

    /**
     * Every room matching {@code query}, fetched lazily page by page ({@code $limit} =
     * the query's limit, default 100, the API's maximum). The next page starts at
     * {@code skip + items so far} and the walk ends when it reaches {@code total} or a page
     * comes back empty, so rooms removed mid-walk end it early rather than loop. The page
     * continuation is the {@code $skip} value. Filters and sort go with every page; the sort
     * is sent as Videsk reads it ({@code $sort[field]=-1}, the contract's deepObject style).
      *
      * @param query filters, sort and page size; not null
      * @return a lazy listing; nothing is sent before it is iterated
      * @throws InvalidRequestException if {@code query} is null
     */
    public Paged<Room> listRooms(RoomQuery query) {
        Checks.argumentNotNull(LIST_ROOMS, "query", query);
        int pageSize = query.limit() == null ? RoomQuery.MAX_LIMIT : query.limit();
        return Paged.of(new PageFetcher<>() {
            @Override
            public Page<Room> fetch(String continuation, int size) {
                return fetchRooms(query, continuation, size);
            }

            @Override
            public void checkContinuation(String continuation) {
                parseSkip(continuation);
            }
        }, pageSize);
    }

    private Page<Room> fetchRooms(RoomQuery query, String continuation, int pageSize) {
        int skip = continuation == null ? query.skip() : parseSkip(continuation);
        Map<String, Integer> sort = null;
        if (!query.sort().isEmpty()) {
            sort = new LinkedHashMap<>();
            for (Map.Entry<String, SortDirection> e : query.sort().entrySet()) {
                sort.put(e.getKey(), e.getValue().wireValue());
            }
        }
        RoomsList list = rooms.listRooms().$limit(pageSize).$skip(skip == 0 ? null : skip).$sort(sort)
                .ended(query.ended()).externalId(query.externalId()).execute();
        List<Room> data = list.getData() == null ? List.of() : list.getData();
        int next = skip + data.size();
        boolean more = !data.isEmpty() && next < list.getTotal();
        return Page.of(data, more ? Integer.toString(next) : null, (long) list.getTotal());
    }

    private static int parseSkip(String continuation) {
        try {
            int skip = Integer.parseInt(continuation);
            if (skip >= 0) {
                return skip;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Checks.invalidArgument(LIST_ROOMS, "continuation", "must be a $skip value (0 or more), as a Videsk page's "
                + "nextContinuation() gives it");
    }

    /**
     * A valid access token (JWT) for joining room {@code roomId}, for handing to the browser
     * SDK. The first {@code token()} joins the room; later calls return the cached JWT until
     * its {@code exp} claim comes within {@code refreshMargin}, then join again. Thread-safe,
     * single flight.
      *
      * @param roomId the room to join; not null or empty
      * @param refreshMargin how long before {@code exp} to join again; not null or negative
      * @param clock what {@code exp} is compared with; not null
      * @return a provider whose {@code token()} does blocking I/O when it has to join
      * @throws InvalidRequestException if {@code roomId} is null or empty (nothing is sent)
      * @throws InvalidConfigurationException if {@code refreshMargin} is null or negative, or {@code clock} is null
     */
    public CachingTokenProvider roomAccessTokens(String roomId, Duration refreshMargin, Clock clock) {
        Checks.argumentNotEmpty("joinRoom", "roomId", roomId);
        return CachingTokenProvider.builder(() -> JwtExpiry.token(rooms.joinRoom(roomId).execute().getAccessToken()))
                .refreshMargin(refreshMargin).clock(clock).build();
    }

    /**
     * {@link #roomAccessTokens(String, Duration, Clock)} renewing one minute before expiry.
     *
     * @param roomId the room to join; not null or empty
     * @return a provider whose {@code token()} does blocking I/O when it has to join
     * @throws InvalidRequestException if {@code roomId} is null or empty (nothing is sent)
     */
    public CachingTokenProvider roomAccessTokens(String roomId) {
        return roomAccessTokens(roomId, Duration.ofMinutes(1), Clock.systemUTC());
    }

    /** The client's transport, for tests of its pool and threads. */
    OkHttpClient httpClient() {
        return transport.client();
    }

    /**
     * Releases the connection pool and dispatcher threads (unless they belong to a caller's
     * base client). On a client from {@link #withOptions} it does nothing: the pool is the
     * parent's.
     */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "Videsk{baseUrl=" + runtime.baseUrl() + (runtime.options() == null ? "" : ", options=" + runtime.options()) + "}";
    }

    /** Builder for {@link Videsk}. Not thread-safe; {@link #build()} checks everything. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private TokenProvider tokens;
        private HttpSettings settings = HttpSettings.defaults();

        private Builder() {
        }

        /**
         * Server to talk to; defaults to {@link #DEFAULT_BASE_URL}.
         *
         * @param baseUrl an absolute http(s) URL
         * @return this builder
         * @throws InvalidConfigurationException if {@code baseUrl} is not an absolute http(s) URL
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = BaseUrls.require("baseUrl", baseUrl);
            return this;
        }

        /**
         * A Videsk token of type {@code api-token}, sent as a bearer token.
         *
         * @param apiToken the token; not null or empty
         * @return this builder
         * @throws InvalidConfigurationException if {@code apiToken} is null or empty
         */
        public Builder apiToken(String apiToken) {
            this.tokens = TokenProvider.of(Checks.settingNotEmpty("apiToken", apiToken));
            return this;
        }

        /**
         * Where the bearer token comes from, when it is not a fixed string.
         *
         * @param tokens not null; must be thread-safe
         * @return this builder
         * @throws InvalidConfigurationException if {@code tokens} is null
         */
        public Builder tokenProvider(TokenProvider tokens) {
            this.tokens = Checks.settingNotNull("tokenProvider", tokens);
            return this;
        }

        /**
         * Timeouts, retries and an optional base client. Default {@link HttpSettings#defaults()}.
         *
         * @param settings not null
         * @return this builder
         * @throws InvalidConfigurationException if {@code settings} is null
         */
        public Builder httpSettings(HttpSettings settings) {
            this.settings = Checks.settingNotNull("httpSettings", settings);
            return this;
        }

        /**
         * The server and credentials from the process environment: {@code fromEnv(System.getenv())}.
         *
         * @return this builder
         * @throws InvalidConfigurationException naming the variable when {@code VIDESK_TOKEN} is not set or
         *         {@code VIDESK_BASE_URL} is not a URL
         */
        public Builder fromEnv() {
            return fromEnv(System.getenv());
        }

        /**
         * The server and credentials from {@code env}: {@value Videsk#ENV_API_TOKEN} (required, an
         * {@code api-token}) and {@value Videsk#ENV_BASE_URL} (optional, default
         * {@value Videsk#DEFAULT_BASE_URL}), the variables the sandbox walkthrough reads. Other
         * builder methods called afterwards still apply. An empty variable counts as unset; no
         * message ever shows the token.
         *
         * @param env the variables, e.g. {@link System#getenv()} or a map in a test
         * @return this builder
         * @throws InvalidConfigurationException naming the variable when {@code VIDESK_TOKEN} is not set or
         *         {@code VIDESK_BASE_URL} is not a URL, or {@code env} is null
         */
        public Builder fromEnv(Map<String, String> env) {
            EnvironmentVariables vars = EnvironmentVariables.of(env, "Videsk");
            String token = vars.required(ENV_API_TOKEN, "the Videsk api-token");
            vars.apply(ENV_BASE_URL, false, this::baseUrl);
            return tokenProvider(TokenProvider.of(token));
        }

        /**
         * Builds the client. No I/O.
         *
         * @return a new, thread-safe client; close it when done
         * @throws InvalidConfigurationException if no credentials were given
         */
        public Videsk build() {
            if (tokens == null) {
                throw new InvalidConfigurationException("Videsk needs credentials: call apiToken(...) or tokenProvider(...)");
            }
            return new Videsk(this);
        }
    }
}
