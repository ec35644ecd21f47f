package dev.roomsdk.carbonio;

import dev.roomsdk.carbonio.api.AttachmentsApi;
import dev.roomsdk.carbonio.api.AuthApi;
import dev.roomsdk.carbonio.api.HealthApi;
import dev.roomsdk.carbonio.api.MeetingsApi;
import dev.roomsdk.carbonio.api.MembersApi;
import dev.roomsdk.carbonio.api.PreviewsApi;
import dev.roomsdk.carbonio.api.RoomsApi;
import dev.roomsdk.carbonio.api.UsersApi;
import dev.roomsdk.carbonio.invoker.JSON;
import dev.roomsdk.carbonio.model.Attachment;
import dev.roomsdk.carbonio.model.AttachmentsPagination;
import dev.roomsdk.carbonio.model.Capabilities;
import dev.roomsdk.core.auth.AccessToken;
import dev.roomsdk.core.auth.AuthScheme;
import dev.roomsdk.core.auth.CachingTokenProvider;
import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.auth.TokenRefreshException;
import dev.roomsdk.core.config.EnvironmentVariables;
import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.OperationVersionException;
import dev.roomsdk.core.http.BaseUrls;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.http.Transport;
import dev.roomsdk.core.operation.ContractVersion;
import dev.roomsdk.core.operation.OperationRuntime;
import dev.roomsdk.core.paging.Paged;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Entry point to a Carbonio Workstream Collaboration server. Build one per user session and
 * share it: it is thread-safe and holds a connection pool, which {@link #close()} releases.
 * Every call the contract secures carries the {@code ZM_AUTH_TOKEN} cookie; when the server
 * answers 401 the token supplier is asked once for a fresh value and the call is resent once.
 * The health checks and {@code getMeetingPublic} ({@code security: []}) never carry it, and a
 * client built without credentials (for guests and monitoring) can make exactly those calls:
 * the others then fail before any I/O with a {@link dev.roomsdk.core.error.MissingCredentialsException} saying which
 * builder method gives it credentials. Failed calls throw
 * {@link dev.roomsdk.core.error.RoomSdkException} subtypes; Carbonio sends errors with an
 * empty body, so the exception names the operation and the status. Files go through
 * the typed operations (streamed: {@link dev.roomsdk.core.transfer.TransferBody} in, {@link dev.roomsdk.core.transfer.Download} out) and {@link #files()}; attachment listings through
 * {@link #listAttachments(UUID)}; other retries or timeouts for some calls through
 * {@link #withOptions(RequestOptions)}.
 *
 * <p><b>Generations.</b> A client speaks one generation of the API, chosen with
 * {@link Builder#generation(CarbonioGeneration)}: {@link CarbonioGeneration#V1_3_1} (the default;
 * operations in {@link #rooms()}, {@link #members()}, ...) or {@link CarbonioGeneration#V1_6}
 * (operations in {@link #v16()}: {@code carbonio.v16().rooms()}, {@code .members()},
 * {@code .guests()}, ...; every WSC call carries {@code X-WSC-API-VERSION}, by default
 * {@code 1.6.0}, see {@link Builder#apiVersion(String)}). An operation of the generation the
 * client does not speak fails before any I/O with an {@link OperationVersionException} naming
 * both generations; operations both generations have are called through the generation's own
 * classes.
 *
 * <pre>{@code
 * try (Carbonio carbonio = Carbonio.builder()
 *         .baseUrl("https://mail.example.com/services/chats")
 *         .authToken(sessionStore::currentZmAuthToken)
 *         .build()) {
 *     List<Room> rooms = carbonio.rooms().listRoom().execute();
 * }
 * try (Carbonio guest = Carbonio.builder().baseUrl("https://mail.example.com/services/chats").build()) {
 *     String name = guest.meetings().getMeetingPublic(meetingId).getName();
 * }
 * }</pre>
 */
public final class Carbonio implements AutoCloseable {

    /** Name of the cookie carrying the Zextras authentication token. */
    public static final String AUTH_COOKIE = "ZM_AUTH_TOKEN";

    /** Environment variable {@link Builder#fromEnv()} reads the WSC service from (required). */
    public static final String ENV_BASE_URL = "CARBONIO_BASE_URL";

    /** Environment variable {@link Builder#fromEnv()} reads the {@code ZM_AUTH_TOKEN} from (optional: without it, anonymous). */
    public static final String ENV_AUTH_TOKEN = "CARBONIO_AUTH_TOKEN";

    /** Environment variable {@link Builder#fromEnv()} reads the event queue id (a UUID) from (optional). */
    public static final String ENV_QUEUE_ID = "CARBONIO_QUEUE_ID";

    /** Environment variable {@link Builder#fromEnv()} reads the API generation from (optional: {@code 1.3.1} or {@code 1.6}). */
    public static final String ENV_API_GENERATION = "CARBONIO_API_GENERATION";

    private static final String WITHOUT_CREDENTIALS = "this Carbonio client was built without credentials: build it"
            + " with Carbonio.builder().authToken(...) or .tokenProvider(...) to call it";

    /**
     * Attachments asked for per page by default. The API sets no maximum ({@code itemsNumber}
     * has only a minimum of 1, and the server reads {@code itemsNumber + 1} rows); its own
     * default of 10 would mean many round trips, so the SDK asks for 100.
     */
    public static final int DEFAULT_ATTACHMENT_PAGE_SIZE = 100;

    /** How mismatch messages tell the caller to choose the generation. */
    static final String HOW_TO_CHOOSE = "Carbonio.builder().generation(CarbonioGeneration.V1_3_1 | V1_6)";

    /** Semantic Versioning 2.0.0, as the 1.6 contract's ApiVersion parameter declares it. */
    private static final Pattern SEMVER = Pattern.compile("^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
            + "(-(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?"
            + "(\\+[0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*)?$");

    private final Transport transport;
    private final CarbonioGeneration generation;
    private final OperationRuntime runtime;
    private final OperationRuntime runtime16;
    private final OperationRuntime authServiceRuntime;
    private final CarbonioV16 v16;
    private final RoomsApi rooms;
    private final MembersApi members;
    private final AttachmentsApi attachments;
    private final UsersApi users;
    private final MeetingsApi meetings;
    private final PreviewsApi previews;
    private final HealthApi health;
    private final AuthApi auth;
    private final CarbonioFiles files;
    private final Object capabilitiesLock = new Object();
    private volatile Capabilities capabilities;

    private Carbonio(Builder b) {
        this(Transport.create("carbonio", b.settings, b.tokens, AuthScheme.cookie(AUTH_COOKIE)), b);
    }

    private Carbonio(Transport transport, Builder b) {
        this(transport, b.generation, b.apiVersion,
                OperationRuntime.create(transport, b.baseUrl, JSON.getGson(), b.clientDefaults(), b.missingCredentials(),
                        b.speaks()),
                OperationRuntime.create(transport, b.baseUrl, dev.roomsdk.carbonio.v16.invoker.JSON.getGson(),
                        b.clientDefaults(), b.missingCredentials(), b.speaks()),
                // the auth service is not WSC: no queue-id, no X-WSC-API-VERSION, and its one operation is anonymous
                OperationRuntime.create(transport, b.authServiceUrl(), dev.roomsdk.carbonio.v16.invoker.JSON.getGson(),
                        Map.of(), b.missingCredentials(), b.speaks()));
    }

    private Carbonio(Transport transport, CarbonioGeneration generation, String apiVersion, OperationRuntime runtime,
                     OperationRuntime runtime16, OperationRuntime authServiceRuntime) {
        this.transport = transport;
        this.generation = generation;
        this.runtime = runtime;
        this.runtime16 = runtime16;
        this.authServiceRuntime = authServiceRuntime;
        this.v16 = new CarbonioV16(generation, apiVersion, runtime16, authServiceRuntime);
        this.rooms = new RoomsApi(runtime);
        this.members = new MembersApi(runtime);
        this.attachments = new AttachmentsApi(runtime);
        this.users = new UsersApi(runtime);
        this.meetings = new MeetingsApi(runtime);
        this.previews = new PreviewsApi(runtime);
        this.health = new HealthApi(runtime);
        this.auth = new AuthApi(runtime);
        this.files = new CarbonioFiles(attachments, rooms, users);
    }

    /** {@return a new builder: 1.3.1 generation, default HTTP settings, no credentials} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This client with per-call overrides: every call made through the returned one (typed
     * operations, {@link #listAttachments} pages, {@link #files()} uploads and downloads)
     * carries {@code options}, e.g. another retry policy
     * ({@link dev.roomsdk.core.http.RetryPolicy#none()} turns retries off) or shorter
     * timeouts; unset values fall back to this client's settings, and {@code options} replace
     * any this client already had. Cheap: it shares this client's connection pool, threads,
     * credentials and queue id, so its {@link #close()} releases nothing; closing the client
     * it was derived from does.
      *
      * @param options the overrides; not null
      * @return a client sharing this one's connection pool and credentials
      * @throws InvalidRequestException if {@code options} is null
     */
    public Carbonio withOptions(RequestOptions options) {
        return new Carbonio(transport.shared(), generation, v16.apiVersion(), runtime.withOptions(options),
                runtime16.withOptions(options), authServiceRuntime.withOptions(options));
    }

    /** {@return the generation this client speaks} */
    public CarbonioGeneration generation() {
        return generation;
    }

    /**
     * The operations of the 1.6 generation, for a client built with
     * {@code generation(CarbonioGeneration.V1_6)}: {@code carbonio.v16().rooms()},
     * {@code .members()}, {@code .guests()}, {@code .meetings()}, ... On a 1.3.1 client they fail
     * before any I/O with an {@link OperationVersionException}.
      *
      * @return the 1.6 operations; never null
     */
    public CarbonioV16 v16() {
        return v16;
    }

    /** {@return the operations on rooms (1.3.1): list, create, read, update, delete, picture, mute, history, rank} For 1.6: {@code v16().rooms()}. */
    public RoomsApi rooms() {
        return rooms;
    }

    /** {@return the operations on room members and owners} */
    public MembersApi members() {
        return members;
    }

    /** {@return the operations on attachments of rooms and message forwarding} */
    public AttachmentsApi attachments() {
        return attachments;
    }

    /** {@return the operations on users, their pictures and capabilities} */
    public UsersApi users() {
        return users;
    }

    /** {@return the operations on meetings: lifecycle, waiting queue, media, recording} */
    public MeetingsApi meetings() {
        return meetings;
    }

    /** {@return the operations on previews and thumbnails of uploaded images and pdfs} */
    public PreviewsApi previews() {
        return previews;
    }

    /** {@return the health check operations: no credentials needed, and none are sent} */
    public HealthApi health() {
        return health;
    }

    /** {@return the authentication token operations} */
    public AuthApi auth() {
        return auth;
    }

    /**
     * Streaming uploads and downloads: attachments (raw and multipart), room and user
     * pictures, previews and thumbnails. Use these rather than the typed methods for files:
     * they never hold a whole file in memory.
      *
      * @return the file helpers; never null
     */
    public CarbonioFiles files() {
        return files;
    }

    /**
     * Every attachment of room {@code roomId}, newest first, fetched lazily
     * {@value #DEFAULT_ATTACHMENT_PAGE_SIZE} at a time; see
     * {@link #listAttachments(UUID, int)}.
      *
      * @param roomId the room; not null (checked before any I/O)
      * @return a lazy listing; nothing is sent before it is iterated
     */
    public Paged<Attachment> listAttachments(UUID roomId) {
        return listAttachments(roomId, DEFAULT_ATTACHMENT_PAGE_SIZE);
    }

    /**
     * Every attachment of room {@code roomId}, newest first, fetched lazily
     * {@code pageSize} at a time ({@code listRoomAttachmentInfo} with {@code itemsNumber}).
     * The next page is asked for with the {@code filter} cursor the previous page returned,
     * passed back unchanged; the server returns one only while more items exist. An empty
     * page ends the walk, and a cursor the server repeats fails it rather than looping. The
     * continuation of a page is its cursor.
     *
      * @param roomId the room; not null (checked before any I/O)
      * @return a lazy listing; nothing is sent before it is iterated
     * @param pageSize {@code itemsNumber}, at least 1 (checked here, before any I/O)
     */
    public Paged<Attachment> listAttachments(UUID roomId, int pageSize) {
        requireGeneration(generation, CarbonioGeneration.V1_3_1, "listRoomAttachmentInfo",
                "listRoomAttachmentInfo (GET /rooms/{roomId}/attachments)");
        return AttachmentPages.of(roomId, pageSize, (cursor, size) -> {
            AttachmentsPagination page = attachments.listRoomAttachmentInfo(roomId).itemsNumber(size).filter(cursor)
                    .execute();
            return AttachmentPages.page(page.getAttachments(), page.getFilter());
        });
    }

    /**
     * The caller's capabilities and limits ({@code /users/capabilities}), fetched on first use
     * and then kept for the life of this client, for checking picture sizes before uploading:
     * {@code files().uploadRoomPicture(roomId, picture, carbonio.capabilities())}. Call
     * {@code users().getCapabilities().execute()} for a fresh read.
      *
      * @return the capabilities; the first call does blocking I/O, later ones none
      * @throws dev.roomsdk.core.error.RoomSdkException (a subtype) when the first fetch fails; the next call tries again
     */
    public Capabilities capabilities() {
        Capabilities known = capabilities;
        if (known == null) {
            synchronized (capabilitiesLock) {
                known = capabilities;
                if (known == null) {
                    known = users.getCapabilities().execute();
                    capabilities = known;
                }
            }
        }
        return known;
    }

    /**
     * Refuses, before any I/O and as the runtime does for a single call, a helper of generation
     * {@code needed} on a client of generation {@code speaks} (a lazy listing would only fail at
     * its first page).
     */
    static void requireGeneration(CarbonioGeneration speaks, CarbonioGeneration needed, String operationId, String label) {
        if (speaks != needed) {
            throw new OperationVersionException(label, operationId, "Carbonio", needed.contractVersion(),
                    speaks.contractVersion(), HOW_TO_CHOOSE);
        }
    }

    /** The OkHttp client every call goes through, for tests of its pool and threads. */
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
        return "Carbonio{baseUrl=" + runtime.baseUrl() + ", generation=" + generation.contractVersion()
                + (runtime.hasCredentials() ? "" : ", without credentials")
                + (v16.apiVersion() == null ? "" : ", apiVersion=" + v16.apiVersion())
                + (runtime.options() == null ? "" : ", options=" + runtime.options()) + "}";
    }

    /**
     * Builder for {@link Carbonio}. Not thread-safe; {@link #build()} checks everything.
     * Credentials ({@link #authToken(String)}, {@link #authToken(Supplier)} or
     * {@link #tokenProvider(TokenProvider)}) are optional: without them the client makes only
     * the calls that need none (health checks, {@code getMeetingPublic}).
     */
    public static final class Builder {
        private String baseUrl;
        private TokenProvider tokens;
        private UUID queueId;
        private HttpSettings settings = HttpSettings.defaults();
        private CarbonioGeneration generation = CarbonioGeneration.V1_3_1;
        private String requestedApiVersion;
        private String authServiceUrl;
        /** Set by {@link #build()}: the {@code X-WSC-API-VERSION} the client sends, or null (1.3.1). */
        private String apiVersion;

        private Builder() {
        }

        /**
         * The WSC service, e.g. {@code https://mail.example.com/services/chats}. Required.
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
         * A fixed {@code ZM_AUTH_TOKEN} value (from the Carbonio login).
         *
         * @param token the cookie value; not null or empty, no separators or line breaks
         * @return this builder
         * @throws InvalidConfigurationException if {@code token} cannot be a cookie value (the message never shows it)
         */
        public Builder authToken(String token) {
            checkCookieValue(token);
            this.tokens = TokenProvider.of(token);
            return this;
        }

        /**
         * Where the {@code ZM_AUTH_TOKEN} comes from. It is asked once, cached, and asked
         * again only after the server rejected the cached value with 401 (one request at a
         * time, however many calls were rejected together).
          *
          * @param supplier returns the current token (may block); not null
          * @return this builder
          * @throws InvalidConfigurationException if {@code supplier} is null
         */
        public Builder authToken(Supplier<String> supplier) {
            Checks.settingNotNull("authToken supplier", supplier);
            this.tokens = CachingTokenProvider.builder(() -> {
                String value = supplier.get();
                try {
                    checkCookieValue(value);
                } catch (InvalidConfigurationException e) {
                    throw new TokenRefreshException("the authToken supplier returned an unusable value: " + e.getMessage(), 0, null);
                }
                return AccessToken.of(value);
            }).build();
            return this;
        }

        /**
         * Any token provider; its tokens go in the {@code ZM_AUTH_TOKEN} cookie.
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
         * The caller's event queue, sent as {@code queue-id} on every call that does not pass its own
         * (including {@code joinMeeting}, where the server requires it).
          *
          * @param queueId not null
          * @return this builder
          * @throws InvalidConfigurationException if {@code queueId} is null
         */
        public Builder queueId(UUID queueId) {
            this.queueId = Checks.settingNotNull("queueId", queueId);
            return this;
        }

        /**
         * The generation of the API the client speaks: {@link CarbonioGeneration#V1_3_1} (the
         * default, the Chats API 1.3.1: {@code carbonio.rooms()}, ...) or
         * {@link CarbonioGeneration#V1_6} (1.6.x servers: {@code carbonio.v16().rooms()}, ...).
         * Operations of the other generation then fail before any I/O.
          *
          * @param generation not null
          * @return this builder
          * @throws InvalidConfigurationException if {@code generation} is null
         */
        public Builder generation(CarbonioGeneration generation) {
            this.generation = Checks.settingNotNull("generation", generation);
            return this;
        }

        /**
         * The {@code X-WSC-API-VERSION} a 1.6 client sends on every WSC call (a call can still set
         * its own with {@code .apiVersion(...)}): a semantic version of the 1.6 generation, e.g.
         * {@code 1.6.4}, checked here. Without it the client sends {@code 1.6.0}, the lowest version
         * of the generation, which every 1.6 server accepts; a server older than the version asked
         * for answers 422 and names its own version (see
         * {@link dev.roomsdk.core.error.RoomSdkServiceException#serverApiVersion()}). Only for
         * {@code generation(CarbonioGeneration.V1_6)}: the 1.3.1 contract has no such header.
         *
          * @param version a semantic version, e.g. {@code 1.6.4}
          * @return this builder
         * @throws InvalidConfigurationException when {@code version} is not a semantic version
         */
        public Builder apiVersion(String version) {
            if (version == null || !SEMVER.matcher(version).matches()) {
                throw new InvalidConfigurationException("apiVersion must be a semantic version such as 1.6.4 (the server "
                        + "answers 400 to anything else), got " + (version == null ? "null" : "'" + printable(version) + "'"));
            }
            this.requestedApiVersion = version;
            return this;
        }

        /**
         * The origin of the Carbonio authentication service, where servers up to 1.6.4 create guest
         * users ({@code v16().authService().createGuestUserLegacy(name)}, sent to
         * {@code <origin>/zx/auth/v3/guests}), e.g. {@code https://mail.example.com}. Optional: by
         * default the origin (scheme, host and port) of {@link #baseUrl(String)}.
          *
          * @param origin an absolute http(s) URL, e.g. {@code https://mail.example.com}
          * @return this builder
          * @throws InvalidConfigurationException if {@code origin} is not an absolute http(s) URL
         */
        public Builder authServiceUrl(String origin) {
            this.authServiceUrl = BaseUrls.require("authServiceUrl", origin);
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
         * The server, credentials, queue and generation from the process environment:
         * {@code fromEnv(System.getenv())}.
         *
         * @return this builder
         * @throws InvalidConfigurationException naming the variable that is not set or not usable
         */
        public Builder fromEnv() {
            return fromEnv(System.getenv());
        }

        /**
         * The server, credentials, queue and generation from {@code env}, the variables the
         * sandbox walkthrough reads: {@value Carbonio#ENV_BASE_URL} (required, the WSC service,
         * e.g. {@code https://mail.example.com/services/chats}), {@value Carbonio#ENV_AUTH_TOKEN}
         * (optional: the {@code ZM_AUTH_TOKEN}; without it the client makes only the calls that
         * need no credentials), {@value Carbonio#ENV_QUEUE_ID} (optional, a UUID: the
         * {@code queue-id} of every call) and {@value Carbonio#ENV_API_GENERATION} (optional,
         * {@code 1.3.1} or {@code 1.6}; default 1.3.1). Other builder methods called afterwards
         * still apply. An empty variable counts as unset; no message ever shows the token.
         *
         * @param env the variables, e.g. {@link System#getenv()} or a map in a test
         * @return this builder
         * @throws InvalidConfigurationException naming the variable that is not set or not usable,
         *         or when {@code env} is null
         */
        public Builder fromEnv(Map<String, String> env) {
            EnvironmentVariables vars = EnvironmentVariables.of(env, "Carbonio");
            vars.required(ENV_BASE_URL, "the WSC service, e.g. https://mail.example.com/services/chats");
            vars.apply(ENV_BASE_URL, false, this::baseUrl);
            // the cookie check's message names the position of a bad character, never the value
            vars.apply(ENV_AUTH_TOKEN, false, this::authToken);
            vars.apply(ENV_QUEUE_ID, false, value -> queueId(UUID.fromString(value)));
            vars.apply(ENV_API_GENERATION, false, value -> generation(parseGeneration(value)));
            return this;
        }

        private static CarbonioGeneration parseGeneration(String value) {
            for (CarbonioGeneration g : CarbonioGeneration.values()) {
                if (g.contractVersion().equals(value)) {
                    return g;
                }
            }
            throw new InvalidConfigurationException("expected 1.3.1 or 1.6, got '" + printable(value) + "'");
        }

        /**
         * Builds the client. No I/O.
         *
         * @return a new, thread-safe client; close it when done
         * @throws InvalidConfigurationException if {@code baseUrl} is missing, or {@code apiVersion} does not
         *         fit the generation
         */
        public Carbonio build() {
            if (baseUrl == null) {
                throw new InvalidConfigurationException("Carbonio needs baseUrl(...): the WSC service of your Carbonio server");
            }
            if (requestedApiVersion != null && generation.defaultApiVersion() == null) {
                throw new InvalidConfigurationException("apiVersion(" + requestedApiVersion + ") is for Carbonio 1.6: the "
                        + generation + " contract has no X-WSC-API-VERSION header; add generation(CarbonioGeneration.V1_6)");
            }
            if (requestedApiVersion != null && !generation.covers(requestedApiVersion)) {
                throw new InvalidConfigurationException("apiVersion(" + requestedApiVersion + ") is not a version of the "
                        + generation + " generation (" + generation.contractVersion() + ".x), whose contract this client"
                        + " follows");
            }
            apiVersion = requestedApiVersion != null ? requestedApiVersion : generation.defaultApiVersion();
            return new Carbonio(this);
        }

        Map<String, Object> clientDefaults() {
            Map<String, Object> defaults = new HashMap<>();
            if (queueId != null) {
                defaults.put("queueId", queueId);
            }
            if (apiVersion != null) {
                defaults.put("apiVersion", apiVersion);
            }
            return defaults;
        }

        String missingCredentials() {
            return tokens == null ? WITHOUT_CREDENTIALS : null;
        }

        ContractVersion speaks() {
            return ContractVersion.of("Carbonio", generation.contractVersion(), HOW_TO_CHOOSE);
        }

        String authServiceUrl() {
            if (authServiceUrl != null) {
                return authServiceUrl;
            }
            HttpUrl url = HttpUrl.get(baseUrl);
            return new HttpUrl.Builder().scheme(url.scheme()).host(url.host()).port(url.port()).build().toString();
        }

        private static String printable(String s) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length() && i < 64; i++) {
                char c = s.charAt(i);
                b.append(c < 0x20 || c > 0x7e ? '?' : c);
            }
            return b.toString();
        }

        // A cookie value cannot hold separators or line breaks; the message never echoes the secret.
        private static void checkCookieValue(String token) {
            Checks.settingNotEmpty("ZM_AUTH_TOKEN", token);
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c <= ' ' || c == ';' || c == ',' || c == '"' || c == '\\' || c >= 0x7f) {
                    throw new InvalidConfigurationException("ZM_AUTH_TOKEN contains a character not allowed in a cookie value"
                            + " (at index " + i + ")");
                }
            }
        }
    }
}
