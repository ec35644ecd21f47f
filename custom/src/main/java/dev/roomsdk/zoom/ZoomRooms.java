package dev.roomsdk.zoom;

import dev.roomsdk.core.auth.AuthScheme;
import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.config.EnvironmentVariables;
import dev.roomsdk.core.error.BadRequestException;
import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.RoomSdkException;
import dev.roomsdk.core.error.RoomSdkServiceException;
import dev.roomsdk.core.error.VendorError;
import dev.roomsdk.core.http.BaseUrls;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.http.Transport;
import dev.roomsdk.core.operation.OperationRuntime;
import dev.roomsdk.core.paging.Page;
import dev.roomsdk.core.paging.Paged;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.zoom.api.AccountApi;
import dev.roomsdk.zoom.api.DevicesApi;
import dev.roomsdk.zoom.api.LocationsApi;
import dev.roomsdk.zoom.api.RoomsApi;
import dev.roomsdk.zoom.api.SignageApi;
import dev.roomsdk.zoom.api.VirtualBackgroundsApi;
import dev.roomsdk.zoom.invoker.JSON;
import dev.roomsdk.zoom.model.Location;
import dev.roomsdk.zoom.model.LocationList;
import dev.roomsdk.zoom.model.SignageContent;
import dev.roomsdk.zoom.model.SignageContentList;
import dev.roomsdk.zoom.model.VirtualBackgroundFile;
import dev.roomsdk.zoom.model.ZoomRoom;
import dev.roomsdk.zoom.model.ZoomRoomList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Entry point to the Zoom Rooms API (Zoom API v2: rooms, devices, locations, account
 * settings, signage, virtual backgrounds). Build one per credential set and share it: it is
 * thread-safe and holds a connection pool, which {@link #close()} releases. Failed calls
 * throw {@link dev.roomsdk.core.error.RoomSdkException} subtypes carrying the status, the
 * body, Zoom's parsed {@code {code, message}} and its {@code x-zm-trackingid}. A 401 (Zoom
 * code 124, invalid or expired token) makes the credentials refresh once and the call be
 * resent once. Other retries or timeouts for some calls: {@link #withOptions(RequestOptions)}.
 *
 * <pre>{@code
 * TokenProvider oauth = ZoomOAuth.serverToServer(accountId, clientId, clientSecret).build();
 * try (ZoomRooms zoom = ZoomRooms.builder().credentials(oauth).build()) {
 *     zoom.listRooms(ZoomRoomQuery.all()).forEach(room -> System.out.println(room.getName()));
 * }
 * }</pre>
 */
public final class ZoomRooms implements AutoCloseable {

    /** Zoom's API v2 server. */
    public static final String DEFAULT_BASE_URL = "https://api.zoom.us/v2";

    /** Environment variable {@link Builder#fromEnv()} reads the Zoom account id from (required). */
    public static final String ENV_ACCOUNT_ID = "ZOOM_ACCOUNT_ID";

    /** Environment variable {@link Builder#fromEnv()} reads the OAuth client id from (required). */
    public static final String ENV_CLIENT_ID = "ZOOM_CLIENT_ID";

    /** Environment variable {@link Builder#fromEnv()} reads the OAuth client secret from (required). */
    public static final String ENV_CLIENT_SECRET = "ZOOM_CLIENT_SECRET";

    /** Environment variable {@link Builder#fromEnv()} reads the API server from (optional). */
    public static final String ENV_BASE_URL = "ZOOM_BASE_URL";

    /** Environment variable {@link Builder#fromEnv()} reads the OAuth host from (optional). */
    public static final String ENV_OAUTH_URL = "ZOOM_OAUTH_URL";

    /** Zoom's largest {@code page_size}, the SDK's default for throughput. */
    public static final int MAX_PAGE_SIZE = 300;

    private final Transport transport;
    private final OperationRuntime runtime;
    private final RoomsApi rooms;
    private final DevicesApi devices;
    private final LocationsApi locations;
    private final AccountApi account;
    private final SignageApi signage;
    private final VirtualBackgroundsApi virtualBackgrounds;

    private ZoomRooms(Builder b) {
        this(Transport.create("zoom", b.settings, b.tokens, AuthScheme.bearer()), b.baseUrl);
    }

    private ZoomRooms(Transport transport, String baseUrl) {
        this(transport, OperationRuntime.create(transport, baseUrl, JSON.getGson(), Map.of(), null));
    }

    private ZoomRooms(Transport transport, OperationRuntime runtime) {
        this.transport = transport;
        this.runtime = runtime;
        this.rooms = new RoomsApi(runtime);
        this.devices = new DevicesApi(runtime);
        this.locations = new LocationsApi(runtime);
        this.account = new AccountApi(runtime);
        this.signage = new SignageApi(runtime);
        this.virtualBackgrounds = new VirtualBackgroundsApi(runtime);
    }

    /** {@return a new builder: {@link #DEFAULT_BASE_URL}, default HTTP settings, no credentials yet} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This client with per-call overrides: every call made through the returned one (typed
     * operations, paged listings, virtual background uploads) carries {@code options}, e.g.
     * another retry policy ({@link dev.roomsdk.core.http.RetryPolicy#none()} turns retries
     * off) or shorter timeouts; unset values fall back to this client's settings, and
     * {@code options} replace any this client already had. Cheap: it shares this client's
     * connection pool, threads and credentials, so its {@link #close()} releases nothing;
     * closing the client it was derived from does.
      *
      * @param options the overrides; not null
      * @return a client sharing this one's connection pool and credentials
      * @throws InvalidRequestException if {@code options} is null
     */
    public ZoomRooms withOptions(RequestOptions options) {
        return new ZoomRooms(transport.shared(), runtime.withOptions(options));
    }

    /** {@return the Zoom Rooms operations: list, add, profile, settings, location, delete, controls} */
    public RoomsApi rooms() {
        return rooms;
    }

    /** {@return the operations on a room's devices and their Zoom Rooms app version} */
    public DevicesApi devices() {
        return devices;
    }

    /** {@return the operations on the location hierarchy} */
    public LocationsApi locations() {
        return locations;
    }

    /** {@return the operations on account-wide Zoom Rooms profile and settings} */
    public AccountApi account() {
        return account;
    }

    /** {@return the operations on digital signage contents and E911 signage} */
    public SignageApi signage() {
        return signage;
    }

    /**
     * Account virtual background files. {@link #uploadVirtualBackground(String, TransferBody)}
     * checks Zoom's format and size rules first; {@code uploadVB} sends as it is.
      *
      * @return the virtual background operations; never null
     */
    public VirtualBackgroundsApi virtualBackgrounds() {
        return virtualBackgrounds;
    }

    /**
     * Every Zoom Room matching {@code query}, fetched lazily page by page
     * ({@code page_size} = the query's, default {@value #MAX_PAGE_SIZE}). Each next page is
     * requested with the previous page's {@code next_page_token} and the same filters, until
     * Zoom returns an empty token. The continuation of a page is its token; resuming from a
     * token older than 15 minutes fails with a {@link ZoomPageTokenExpiredException} cause.
      *
      * @param query filters and page size; not null
      * @return a lazy listing; nothing is sent before it is iterated
      * @throws InvalidRequestException if {@code query} is null
     */
    public Paged<ZoomRoom> listRooms(ZoomRoomQuery query) {
        Checks.argumentNotNull("listZoomRooms", "query", query);
        return paged(query.pageSize(), (size, token) -> rooms.listZoomRooms().status(query.status()).tagIds(query.tagIds())
                        .type(query.type()).unassignedRooms(query.unassignedRooms()).pageSize(size).nextPageToken(token)
                        .locationId(query.locationId()).queryName(query.queryName()).execute(),
                ZoomRoomList::getRooms, ZoomRoomList::getNextPageToken);
    }

    /**
     * Every location (optionally only the children of {@code parentLocationId} and of
     * {@code type}), lazily, {@code pageSize} per page (1 to {@value #MAX_PAGE_SIZE}).
      *
      * @param parentLocationId only its children; null for all
      * @param type only locations of this type; null for any
      * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
      * @return a lazy listing; nothing is sent before it is iterated
      * @throws InvalidRequestException if {@code pageSize} is out of range
     */
    public Paged<Location> listLocations(String parentLocationId, String type, int pageSize) {
        return paged(pageSize, (size, token) -> locations.listZRLocations().parentLocationId(parentLocationId).type(type)
                        .pageSize(size).nextPageToken(token).execute(),
                LocationList::getLocations, LocationList::getNextPageToken);
    }

    /** {@return every location, fetched lazily {@value #MAX_PAGE_SIZE} per page} */
    public Paged<Location> listLocations() {
        return listLocations(null, null, MAX_PAGE_SIZE);
    }

    /**
     * Every digital signage content (optionally of {@code type}, inside {@code folderId}),
     * lazily, {@code pageSize} per page (1 to {@value #MAX_PAGE_SIZE}).
      *
      * @param type only contents of this type; null for any
      * @param folderId only contents inside this folder; null for all
      * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
      * @return a lazy listing; nothing is sent before it is iterated
      * @throws InvalidRequestException if {@code pageSize} is out of range
     */
    public Paged<SignageContent> listDigitalSignageContent(String type, String folderId, int pageSize) {
        return paged(pageSize, (size, token) -> signage.listDigitalSignageContent().type(type).folderId(folderId)
                        .pageSize(size).nextPageToken(token).execute(),
                SignageContentList::getContents, SignageContentList::getNextPageToken);
    }

    /** {@return every digital signage content, fetched lazily {@value #MAX_PAGE_SIZE} per page} */
    public Paged<SignageContent> listDigitalSignageContent() {
        return listDigitalSignageContent(null, null, MAX_PAGE_SIZE);
    }

    /**
     * Uploads a virtual background for every user of account {@code accountId} ({@code me}
     * for the token's own account), streaming {@code file} as the multipart part
     * {@code file} with its name and content type. Zoom's rules (JPG/JPEG, GIF, PNG, MP4,
     * MOV; at most 15 MB) are checked before any I/O and broken ones throw
     * {@link InvalidRequestException} naming the rule; a stream of unknown length is cut
     * off, with the same error, once it passes 15 MB. Zoom's own refusal (400 code 120)
     * arrives as a {@link BadRequestException}. A one-shot stream is sent at most once.
      *
      * @param accountId the account, or {@code me}; not null or empty
      * @param file the image or video; not null
      * @return the uploaded file as Zoom describes it
      * @throws InvalidRequestException when an argument breaks a rule (nothing, or only part of the stream, is sent)
     */
    public VirtualBackgroundFile uploadVirtualBackground(String accountId, TransferBody file) {
        if (accountId == null || accountId.isEmpty()) {
            throw Checks.invalidArgument("uploadVB", "accountId",
                    "must not be null or empty (use \"me\" for the token's account)");
        }
        Checks.argumentNotNull("uploadVB", "file", file);
        VirtualBackgroundRules.check(file);
        try {
            return virtualBackgrounds.uploadVB(accountId, VirtualBackgroundRules.limitedPart(file)).execute();
        } catch (RoomSdkException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof VirtualBackgroundRules.TooLarge) {
                    throw VirtualBackgroundRules.asRule((VirtualBackgroundRules.TooLarge) c);
                }
            }
            throw e;
        }
    }

    /** {@code pageSize} if Zoom accepts it, else an error naming {@code page_size} and the range. */
    static int checkPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw Checks.invalidArgument(null, "page_size", "must be between 1 and " + MAX_PAGE_SIZE
                    + " (Zoom's maximum), got " + pageSize);
        }
        return pageSize;
    }

    /** Fetches one page: the page size and the token (null for the first page). */
    @FunctionalInterface
    private interface PageCall<R> {
        R fetch(int pageSize, String nextPageToken);
    }

    private <R, T> Paged<T> paged(int pageSize, PageCall<R> fetch, Function<R, List<T>> items, Function<R, String> nextToken) {
        checkPageSize(pageSize);
        return Paged.of((token, size) -> {
            R page;
            try {
                page = fetch.fetch(size, token);
            } catch (BadRequestException e) {
                if (token != null && rejectsPageToken(e)) {
                    throw new ZoomPageTokenExpiredException(token, e);
                }
                throw e;
            }
            List<T> list = items.apply(page);
            return Page.of(list == null ? List.of() : list, nextToken.apply(page), null);
        }, pageSize);
    }

    /** Zoom answers an expired or unknown page token with a 400 whose message names the page token. */
    private static boolean rejectsPageToken(RoomSdkServiceException e) {
        String message = e.vendorError().flatMap(VendorError::message).orElse(e.body()).toLowerCase(Locale.ROOT);
        return message.contains("next_page_token") || message.contains("page token");
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
        return "ZoomRooms{baseUrl=" + runtime.baseUrl() + (runtime.options() == null ? "" : ", options=" + runtime.options()) + "}";
    }

    /** Builder for {@link ZoomRooms}. Not thread-safe; {@link #build()} checks everything. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private TokenProvider tokens;
        private HttpSettings settings = HttpSettings.defaults();

        private Builder() {
        }

        /**
         * Server to talk to, including {@code /v2}; defaults to {@link #DEFAULT_BASE_URL}.
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
         * Where the bearer token comes from, e.g. {@code ZoomOAuth.serverToServer(...).build()}:
         * renewed before expiry, and refreshed once when Zoom answers 401.
          *
          * @param tokens not null; must be thread-safe
          * @return this builder
          * @throws InvalidConfigurationException if {@code tokens} is null
         */
        public Builder credentials(TokenProvider tokens) {
            this.tokens = Checks.settingNotNull("credentials", tokens);
            return this;
        }

        /**
         * A fixed access token obtained elsewhere; it is not renewed, so a 401 surfaces.
         *
         * @param accessToken the token; not null or empty
         * @return this builder
         * @throws InvalidConfigurationException if {@code accessToken} is null or empty
         */
        public Builder accessToken(String accessToken) {
            this.tokens = TokenProvider.of(Checks.settingNotEmpty("accessToken", accessToken));
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
         * The server and Server-to-Server OAuth credentials from the process environment:
         * {@code fromEnv(System.getenv())}.
         *
         * @return this builder
         * @throws InvalidConfigurationException naming the variables that are not set or not usable
         */
        public Builder fromEnv() {
            return fromEnv(System.getenv());
        }

        /**
         * The server and Server-to-Server OAuth credentials from {@code env}, the variables the
         * sandbox walkthrough reads: {@value ZoomRooms#ENV_ACCOUNT_ID},
         * {@value ZoomRooms#ENV_CLIENT_ID} and {@value ZoomRooms#ENV_CLIENT_SECRET} (required, a
         * Server-to-Server OAuth app), {@value ZoomRooms#ENV_BASE_URL} (optional, default
         * {@value ZoomRooms#DEFAULT_BASE_URL}) and {@value ZoomRooms#ENV_OAUTH_URL} (optional,
         * default {@value ZoomOAuth#DEFAULT_OAUTH_BASE_URL}). The credentials are
         * {@code ZoomOAuth.serverToServer(...)} with its defaults, renewed before expiry; for other
         * OAuth settings build them yourself and pass them to {@link #credentials(TokenProvider)}
         * afterwards. An empty variable counts as unset; no message ever shows a secret.
         *
         * @param env the variables, e.g. {@link System#getenv()} or a map in a test
         * @return this builder
         * @throws InvalidConfigurationException naming the variables that are not set or not usable,
         *         or when {@code env} is null
         */
        public Builder fromEnv(Map<String, String> env) {
            EnvironmentVariables vars = EnvironmentVariables.of(env, "ZoomRooms");
            vars.requireAll("the Server-to-Server OAuth app's credentials", ENV_ACCOUNT_ID, ENV_CLIENT_ID, ENV_CLIENT_SECRET);
            vars.apply(ENV_BASE_URL, false, this::baseUrl);
            ZoomOAuth.Builder oauth = ZoomOAuth.serverToServer(vars.optional(ENV_ACCOUNT_ID), vars.optional(ENV_CLIENT_ID),
                    vars.optional(ENV_CLIENT_SECRET));
            vars.apply(ENV_OAUTH_URL, false, oauth::oauthBaseUrl);
            return credentials(oauth.build());
        }

        /**
         * Builds the client. No I/O.
         *
         * @return a new, thread-safe client; close it when done
         * @throws InvalidConfigurationException if no credentials were given
         */
        public ZoomRooms build() {
            if (tokens == null) {
                throw new InvalidConfigurationException("ZoomRooms needs credentials: call credentials(...) or accessToken(...)");
            }
            return new ZoomRooms(this);
        }
    }
}
