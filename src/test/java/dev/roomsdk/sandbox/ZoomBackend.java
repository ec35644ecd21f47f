package dev.roomsdk.sandbox;

import static dev.roomsdk.sandbox.Reply.obj;

import com.github.tomakehurst.wiremock.http.Request;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Zoom API v2 (Zoom Rooms subset) with state, plus Zoom's OAuth token endpoint
 * ({@code POST /oauth/token}, outside the contract, on the same port without {@code /v2}).
 *
 * <ul>
 *   <li>OAuth: Server-to-Server only ({@code grant_type=account_credentials}, HTTP Basic client
 *       credentials, {@code account_id} in the form). Tokens are short-lived on purpose (5 s by
 *       default) so a client's renewal shows in seconds; an expired or unknown token is answered
 *       401 with Zoom code 124, as Zoom does.</li>
 *   <li>Rooms (700 seeded by default) in a location hierarchy, each with devices whose Zoom Rooms
 *       app version changes with {@code changeZoomRoomsAppVersion} (codes 8001/8002 at the ends);
 *       rooms added, renamed, moved or deleted stick.</li>
 *   <li>Lists page with opaque {@code next_page_token}s bound to the query they came from and
 *       valid 15 minutes; an empty token ends the list.</li>
 *   <li>Virtual backgrounds: uploads checked as Zoom checks them (format, 15 MB, 10 files: code
 *       120), kept until deleted.</li>
 * </ul>
 */
final class ZoomBackend extends ApiBackend {

    static final String OAUTH_PATH = "/oauth/token";
    static final List<String> APP_VERSIONS = List.of("5.15.5 (2890)", "5.16.10 (3157)", "5.17.5 (3456)",
            "6.0.5 (4467)", "6.1.0 (4631)");
    static final long MAX_VB_BYTES = 15L * 1024 * 1024;
    static final int MAX_VB_FILES = 10;
    static final int MAX_ROOMS = 5_000;
    static final int MAX_TOKENS = 10_000;
    static final Duration PAGE_TOKEN_LIFETIME = Duration.ofMinutes(15);

    private static final String[] ROOM_KINDS = {"Boardroom", "Huddle", "Focus", "Training", "Studio", "Lounge"};

    private final String accountId;
    private final String clientId;
    private final String clientSecret;
    private final Random random;
    private final Jwt jwt = new Jwt("zoom-sandbox");
    private volatile Duration tokenLifetime;
    private volatile String apiUrl = "";

    private final LinkedHashMap<String, Instant> tokens = new LinkedHashMap<>();
    private long tokensIssued;
    private long expiredRejected;

    private final List<ZRoom> rooms = new ArrayList<>();
    private final Map<String, ZRoom> roomsById = new HashMap<>();
    private final List<Map<String, Object>> locations = new ArrayList<>();
    private final List<Map<String, Object>> signage = new ArrayList<>();
    private final LinkedHashMap<String, Map<String, Object>> backgrounds = new LinkedHashMap<>();
    private final LinkedHashMap<String, PageCursor> pageTokens = new LinkedHashMap<>();

    ZoomBackend(String accountId, String clientId, String clientSecret, Duration tokenLifetime, int seedRooms, long seed) {
        super("zoom");
        this.accountId = accountId;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokenLifetime = tokenLifetime;
        this.random = new Random(seed);
        seedLocations();
        List<Map<String, Object>> floors = new ArrayList<>();
        for (Map<String, Object> l : locations) {
            if ("floor".equals(l.get("type"))) {
                floors.add(l);
            }
        }
        for (int i = 0; i < seedRooms; i++) {
            ZRoom room = new ZRoom();
            room.id = zoomId();
            room.roomId = zoomId();
            Map<String, Object> floor = floors.get(i % floors.size());
            room.locationId = i % 50 == 49 ? null : (String) floor.get("id");
            room.name = (room.locationId == null ? "Unassigned" : floor.get("building") + " " + floor.get("name"))
                    + " " + ROOM_KINDS[i % ROOM_KINDS.length] + " " + String.format(Locale.ROOT, "%03d", i + 1);
            int s = random.nextInt(100);
            room.status = s < 55 ? "Available" : s < 75 ? "InMeeting" : s < 95 ? "Offline" : "UnderConstruction";
            room.type = i % 40 == 39 ? "Kiosk" : i % 25 == 24 ? "PersonalZoomRoom" : "ZoomRoom";
            room.activationCode = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
            room.capacity = 4 + random.nextInt(20);
            room.tagIds = i % 7 == 0 ? List.of("tag-exec") : i % 5 == 0 ? List.of("tag-video-wall") : List.of();
            // the first room's computer can always be upgraded; others start anywhere
            int version = i == 0 ? 1 : random.nextInt(APP_VERSIONS.size());
            room.devices.add(device(room, "Zoom Rooms Computer", APP_VERSIONS.get(version), "Mac OS 14.4", "Apple", "Mac mini"));
            room.devices.add(device(room, "Controller", "6.1.0 (4631)", "iPadOS 17.4", "Apple", "iPad (10th gen)"));
            if (i % 4 == 0) {
                room.devices.add(device(room, "Scheduling Display", "6.1.0 (4631)", "Android 12", "Neat", "Neat Pad"));
            }
            rooms.add(room);
            roomsById.put(room.id, room);
        }
        for (int i = 0; i < 40; i++) {
            signage.add(obj("id", zoomId(), "name", (i % 8 == 0 ? "Folder " : "Lobby loop ") + (i + 1),
                    "type", i % 8 == 0 ? "folder" : "content"));
        }
    }

    /** Where the OAuth answer's {@code api_url} points (the sandbox's root). */
    void apiUrl(String url) {
        this.apiUrl = url;
    }

    void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    Duration tokenLifetime() {
        return tokenLifetime;
    }

    synchronized long tokensIssued() {
        return tokensIssued;
    }

    /** Calls answered 401 code 124 because their token had expired. */
    synchronized long expiredTokensRejected() {
        return expiredRejected;
    }

    /** Makes every token issued so far expire now (as if their hour had passed): the next call with one gets 401 code 124. */
    synchronized void expireTokens() {
        Instant now = Instant.now();
        tokens.replaceAll((token, at) -> at.isAfter(now) ? now : at);
    }

    private void seedLocations() {
        Map<String, Object> country = location("United States", null, "country");
        String[][] cities = {{"California", "San Jose"}, {"California", "San Francisco"}, {"New York", "New York City"}};
        Map<String, Map<String, Object>> states = new LinkedHashMap<>();
        for (String[] c : cities) {
            Map<String, Object> state = states.computeIfAbsent(c[0], n -> location(n, (String) country.get("id"), "states"));
            Map<String, Object> city = location(c[1], (String) state.get("id"), "city");
            Map<String, Object> campus = location(c[1] + " Campus", (String) city.get("id"), "campus");
            for (String b : new String[] {"North", "South"}) {
                String buildingName = c[1] + " " + b;
                Map<String, Object> building = location(buildingName, (String) campus.get("id"), "building");
                for (int f = 1; f <= 5; f++) {
                    Map<String, Object> floor = location(f + "F", (String) building.get("id"), "floor");
                    floor.put("building", buildingName);
                }
            }
        }
    }

    private Map<String, Object> location(String name, String parent, String type) {
        Map<String, Object> l = obj("id", zoomId(), "name", name, "parent_location_id", parent, "type", type);
        locations.add(l);
        return l;
    }

    private Map<String, Object> device(ZRoom room, String type, String version, String system, String maker, String model) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
        d.put("room_name", room.name);
        d.put("device_type", type);
        d.put("app_version", version);
        d.put("device_system", system);
        d.put("status", "Offline".equals(room.status) ? "Offline" : "Online");
        d.put("device_mac_addresses", List.of(mac()));
        d.put("device_hostname", room.name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-"
                + type.toLowerCase(Locale.ROOT).split(" ")[0]);
        d.put("device_manufacturer", maker);
        d.put("device_model", model);
        d.put("ip_address", "10.20." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
        d.put("serial_number", Long.toString(random.nextLong() >>> 1, 36).toUpperCase(Locale.ROOT));
        return d;
    }

    private String mac() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append(i == 0 ? "" : ":").append(String.format(Locale.ROOT, "%02X", random.nextInt(256)));
        }
        return b.toString();
    }

    private String zoomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- OAuth -----------------------------------------------------------------------------

    @Override
    boolean isOffContract(String rawPath) {
        return OAUTH_PATH.equals(rawPath);
    }

    @Override
    Reply offContract(Request request, String rawPath) {
        if (!"POST".equals(request.getMethod().getName())) {
            return oauthError(405, "invalid_request", "Method not allowed: use POST");
        }
        String auth = request.containsHeader("Authorization") ? request.getHeader("Authorization") : "";
        if (!auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return oauthError(401, "invalid_client", "Invalid client_id or client_secret");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return oauthError(401, "invalid_client", "Invalid client_id or client_secret");
        }
        if (!decoded.equals(clientId + ":" + clientSecret)) {
            return oauthError(401, "invalid_client", "Invalid client_id or client_secret");
        }
        Map<String, String> form = form(request);
        String grant = form.get("grant_type");
        if (!"account_credentials".equals(grant)) {
            return oauthError(400, "unsupported_grant_type", "Unsupported grant type (the sandbox issues "
                    + "Server-to-Server tokens: grant_type=account_credentials)");
        }
        if (!accountId.equals(form.get("account_id"))) {
            return oauthError(400, "invalid_request", "Invalid account_id");
        }
        String token;
        Duration lifetime = tokenLifetime;
        synchronized (this) {
            Instant now = Instant.now();
            tokens.entrySet().removeIf(e -> e.getValue().plus(Duration.ofMinutes(10)).isBefore(now));
            while (tokens.size() >= MAX_TOKENS) {
                Iterator<String> eldest = tokens.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            tokensIssued++;
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("aud", "https://oauth.zoom.us");
            claims.put("iss", "zm:cid:" + clientId);
            claims.put("aid", accountId);
            claims.put("jti", UUID.randomUUID().toString());
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", now.plus(lifetime).getEpochSecond());
            token = jwt.sign(claims);
            tokens.put(token, now.plus(lifetime));
        }
        return Reply.json(200, obj("access_token", token, "token_type", "bearer",
                "expires_in", Math.max(1, lifetime.getSeconds()),
                "scope", "room:read:admin room:write:admin account:write:admin", "api_url", apiUrl));
    }

    private static Map<String, String> form(Request request) {
        Map<String, String> form = new LinkedHashMap<>();
        String body = request.getBodyAsString();
        String query = request.getUrl().contains("?") ? request.getUrl().substring(request.getUrl().indexOf('?') + 1) : "";
        for (String source : new String[] {query, body == null ? "" : body}) {
            for (String pair : source.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.put(name, value);
            }
        }
        return form;
    }

    private static Reply oauthError(int status, String error, String reason) {
        return Reply.json(status, obj("reason", reason, "error", error));
    }

    @Override
    Reply authenticate(Exchange exchange) {
        String auth = exchange.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return error(exchange.operationId, 401, "Invalid access token.");
        }
        String token = auth.substring(7).trim();
        synchronized (this) {
            Instant expiresAt = tokens.get(token);
            if (expiresAt == null) {
                return error(exchange.operationId, 401, "Invalid access token.");
            }
            if (!Instant.now().isBefore(expiresAt)) {
                expiredRejected++;
                return error(exchange.operationId, 401, "Access token is expired.");
            }
        }
        return null;
    }

    @Override
    Reply error(String operationId, int status, String message) {
        int code = status == 401 ? 124 : status == 400 ? 300 : status;
        return Reply.json(status, obj("code", code, "message", message));
    }

    private Reply error(String operationId, int status, int code, String message) {
        return Reply.json(status, obj("code", code, "message", message));
    }

    /** A not-found answer with the operation's own status for it (some declare no 404, only 400). */
    private Reply notFound(String operationId, int code, String message) {
        int status = contract.statuses(operationId).contains(404) ? 404 : 400;
        return error(operationId, status, code, message);
    }

    @Override
    void decorate(Reply reply) {
        reply.header("x-zm-trackingid", "v=2.0;clid=sandbox;rid=SBX_" + Long.toHexString(System.nanoTime()));
    }

    // ---- API ----------------------------------------------------------------------------------

    @Override
    synchronized Reply handle(Exchange ex) {
        switch (ex.operationId) {
            case "listZoomRooms": return listRooms(ex);
            case "addARoom": return addRoom(ex);
            case "getZRProfile": return profile(ex);
            case "updateRoomProfile": return updateProfile(ex);
            case "deleteAZoomRoom": return deleteRoom(ex);
            case "changeZRLocation": return changeLocation(ex);
            case "listZRDevices": return devices(ex);
            case "changeZoomRoomsAppVersion": return changeAppVersion(ex);
            case "listZRLocations": return listLocations(ex);
            case "getZRLocationProfile": return locationProfile(ex);
            case "listDigitalSignageContent": return listSignage(ex);
            case "uploadVB": return uploadBackground(ex);
            case "delVB": return deleteBackgrounds(ex);
            default: return null;
        }
    }

    private Reply listRooms(Exchange ex) {
        String status = ex.query("status");
        String type = ex.query("type");
        String locationId = ex.query("location_id");
        String queryName = ex.query("query_name");
        Boolean unassigned = ex.queryBool("unassigned_rooms");
        String tagIds = ex.query("tag_ids");
        List<ZRoom> matching = new ArrayList<>();
        for (ZRoom r : rooms) {
            if ((status == null || status.equals(r.status)) && (type == null || type.equals(r.type))
                    && (locationId == null || locationId.equals(r.locationId) || isUnder(r.locationId, locationId))
                    && (queryName == null || r.name.toLowerCase(Locale.ROOT).contains(queryName.toLowerCase(Locale.ROOT)))
                    && (unassigned == null || !unassigned || r.locationId == null)
                    && (tagIds == null || hasAnyTag(r, tagIds))) {
                matching.add(r);
            }
        }
        return page(ex, matching, "rooms", ZRoom::listed);
    }

    private boolean isUnder(String locationId, String ancestorId) {
        String current = locationId;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current.equals(ancestorId)) {
                return true;
            }
            Map<String, Object> l = location(current);
            current = l == null ? null : (String) l.get("parent_location_id");
        }
        return false;
    }

    private static boolean hasAnyTag(ZRoom r, String tagIds) {
        for (String tag : tagIds.split(",")) {
            if (r.tagIds.contains(tag.trim())) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Object> location(String id) {
        for (Map<String, Object> l : locations) {
            if (l.get("id").equals(id)) {
                return l;
            }
        }
        return null;
    }

    /**
     * One page of {@code all}: {@code page_size} items (default 30) from the offset the
     * {@code next_page_token} stands for, which must come from the same query and be at most 15
     * minutes old. The last page has an empty token.
     */
    private <T> Reply page(Exchange ex, List<T> all, String field, Function<T, Map<String, Object>> json) {
        int pageSize = ex.queryInt("page_size", 30);
        String token = ex.query("next_page_token");
        String queryKey = ex.operationId + queryKey(ex);
        int offset = 0;
        Instant now = Instant.now();
        pageTokens.entrySet().removeIf(e -> e.getValue().issued.plus(PAGE_TOKEN_LIFETIME).isBefore(now));
        if (token != null && !token.isEmpty()) {
            PageCursor cursor = pageTokens.get(token);
            if (cursor == null || !cursor.queryKey.equals(queryKey)) {
                return error(ex.operationId, 400, 300, "The next page token is invalid or expired.");
            }
            offset = cursor.offset;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = offset; i < all.size() && items.size() < pageSize; i++) {
            items.add(json.apply(all.get(i)));
        }
        String next = "";
        if (offset + items.size() < all.size()) {
            next = zoomId() + zoomId();
            while (pageTokens.size() >= MAX_TOKENS) {
                Iterator<String> eldest = pageTokens.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            pageTokens.put(next, new PageCursor(queryKey, offset + items.size(), now));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page_size", pageSize);
        body.put("next_page_token", next);
        body.put(field, items);
        return Reply.json(200, body);
    }

    private static String queryKey(Exchange ex) {
        StringBuilder key = new StringBuilder();
        new java.util.TreeMap<>(ex.queryMap()).forEach((name, values) -> {
            if (!name.equals("page_size") && !name.equals("next_page_token")) {
                key.append('&').append(name).append('=').append(values);
            }
        });
        return key.toString();
    }

    private Reply addRoom(Exchange ex) {
        JsonObject body = ex.json();
        if (rooms.size() >= MAX_ROOMS) {
            return error(ex.operationId, 400, 300, "The sandbox holds at most " + MAX_ROOMS + " rooms.");
        }
        String locationId = text(body, "location_id");
        if (locationId != null && location(locationId) == null) {
            return error(ex.operationId, 404, 4801, "Location does not exist: " + locationId);
        }
        ZRoom room = new ZRoom();
        room.id = zoomId();
        room.roomId = zoomId();
        room.name = text(body, "name");
        room.type = text(body, "type");
        room.locationId = locationId;
        room.status = "Offline";
        room.activationCode = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        room.capacity = 8;
        room.calendarResourceId = text(body, "calendar_resource_id");
        room.userId = text(body, "user_id");
        room.proDevice = body.has("pro_device") && body.get("pro_device").getAsBoolean();
        List<String> tags = new ArrayList<>();
        if (body.has("tag_ids")) {
            body.getAsJsonArray("tag_ids").forEach(t -> tags.add(t.getAsString()));
        }
        room.tagIds = tags;
        rooms.add(room);
        roomsById.put(room.id, room);
        List<Map<String, Object>> tagObjects = new ArrayList<>();
        for (String t : tags) {
            tagObjects.add(obj("tag_id", t, "tag_name", t));
        }
        return Reply.json(201, obj("id", room.id, "room_id", room.roomId, "name", room.name, "type", room.type,
                "location_id", room.locationId, "calendar_resource_id", room.calendarResourceId, "user_id", room.userId,
                "pro_device", room.proDevice, "tags", tagObjects));
    }

    private Reply profile(Exchange ex) {
        ZRoom room = roomsById.get(ex.path("roomId"));
        if (room == null) {
            return notFound(ex.operationId, 1012, "Zoom Room does not exist.");
        }
        if (Boolean.TRUE.equals(ex.queryBool("regenerate_activation_code"))) {
            room.activationCode = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        }
        Map<String, Object> basic = obj("name", room.name, "activation_code", room.activationCode,
                "display_name", room.displayName, "support_email", "rooms-support@example.com",
                "zoom_room_type", room.type, "location_id", room.locationId, "capacity", room.capacity,
                "tag_ids", room.tagIds, "calendar_resource_id", room.calendarResourceId, "user_id", room.userId);
        return Reply.json(200, obj("basic", basic, "device", obj("device_profile_id", "dp-default"),
                "setup", obj("under_construction", "UnderConstruction".equals(room.status), "pro_device", room.proDevice)));
    }

    private Reply updateProfile(Exchange ex) {
        ZRoom room = roomsById.get(ex.path("roomId"));
        if (room == null) {
            return notFound(ex.operationId, 1012, "Zoom Room does not exist.");
        }
        JsonObject body = ex.json();
        if (body.has("basic") && body.get("basic").isJsonObject()) {
            JsonObject basic = body.getAsJsonObject("basic");
            if (text(basic, "name") != null) {
                room.name = text(basic, "name");
                room.devices.forEach(d -> d.put("room_name", room.name));
            }
            if (text(basic, "display_name") != null) {
                room.displayName = text(basic, "display_name");
            }
            if (basic.has("capacity")) {
                room.capacity = basic.get("capacity").getAsInt();
            }
            if (text(basic, "location_id") != null) {
                room.locationId = text(basic, "location_id");
            }
        }
        if (body.has("setup") && body.get("setup").isJsonObject()) {
            JsonObject setup = body.getAsJsonObject("setup");
            if (setup.has("under_construction")) {
                room.status = setup.get("under_construction").getAsBoolean() ? "UnderConstruction" : "Offline";
            }
        }
        return Reply.empty(204);
    }

    private Reply deleteRoom(Exchange ex) {
        ZRoom room = roomsById.remove(ex.path("roomId"));
        if (room == null) {
            return notFound(ex.operationId, 1012, "Zoom Room does not exist.");
        }
        rooms.remove(room);
        return Reply.empty(204);
    }

    private Reply changeLocation(Exchange ex) {
        ZRoom room = roomsById.get(ex.path("roomId"));
        if (room == null) {
            return notFound(ex.operationId, 1012, "Zoom Room does not exist.");
        }
        String locationId = text(ex.json(), "location_id");
        if (locationId != null && location(locationId) == null) {
            return notFound(ex.operationId, 4801, "Location does not exist: " + locationId);
        }
        room.locationId = locationId;
        return Reply.empty(204);
    }

    private Reply devices(Exchange ex) {
        ZRoom room = roomsById.get(ex.path("roomId"));
        if (room == null) {
            return notFound(ex.operationId, 1012, "Zoom Room does not exist.");
        }
        List<Map<String, Object>> devices = new ArrayList<>();
        room.devices.forEach(d -> devices.add(new LinkedHashMap<>(d)));
        return Reply.json(200, obj("devices", devices));
    }

    private Reply changeAppVersion(Exchange ex) {
        ZRoom room = roomsById.get(ex.path("roomId"));
        if (room == null) {
            return notFound(ex.operationId, 1012, "Zoom Room does not exist.");
        }
        Map<String, Object> device = null;
        for (Map<String, Object> d : room.devices) {
            if (d.get("id").equals(ex.path("deviceId"))) {
                device = d;
            }
        }
        if (device == null) {
            return error(ex.operationId, 400, 300, "Device does not exist: " + ex.path("deviceId"));
        }
        if (!"Zoom Rooms Computer".equals(device.get("device_type"))) {
            return error(ex.operationId, 400, 300, "Only the app on a Mac or Windows Zoom Rooms Computer can be changed.");
        }
        String action = ex.partText("action");
        if (action == null) {
            action = ex.request.formParameters().containsKey("action")
                    ? ex.request.formParameter("action").firstValue() : "";
        }
        int at = APP_VERSIONS.indexOf((String) device.get("app_version"));
        switch (action.trim()) {
            case "upgrade":
                if (at == APP_VERSIONS.size() - 1) {
                    return error(ex.operationId, 400, 8001, "Cannot process this upgrade request. The Zoom Rooms Software in"
                            + " this device is either already up to date or is currently being updated.");
                }
                device.put("app_version", APP_VERSIONS.get(at + 1));
                return Reply.empty(204);
            case "downgrade":
                if (at <= 0) {
                    return error(ex.operationId, 400, 8002, "Cannot process this downgrade request. The Zoom Rooms Software"
                            + " in this device is either at the lowest version or is currently being updated.");
                }
                device.put("app_version", APP_VERSIONS.get(at - 1));
                return Reply.empty(204);
            case "cancel":
                return Reply.empty(204);
            default:
                return error(ex.operationId, 400, 300, "Validation Failed: action must be upgrade, downgrade or cancel.");
        }
    }

    private Reply listLocations(Exchange ex) {
        String parent = ex.query("parent_location_id");
        String type = ex.query("type");
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> l : locations) {
            if ((parent == null || parent.equals(l.get("parent_location_id"))) && (type == null || type.equals(l.get("type")))) {
                matching.add(l);
            }
        }
        return page(ex, matching, "locations",
                l -> obj("id", l.get("id"), "name", l.get("name"), "parent_location_id", l.get("parent_location_id"),
                        "type", l.get("type")));
    }

    private Reply locationProfile(Exchange ex) {
        Map<String, Object> l = location(ex.path("locationId"));
        if (l == null) {
            return notFound(ex.operationId, 4801, "Location does not exist.");
        }
        return Reply.json(200, obj("basic", obj("name", l.get("name"), "timezone", "America/Los_Angeles",
                "support_email", "rooms-support@example.com")));
    }

    private Reply listSignage(Exchange ex) {
        String type = ex.query("type");
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> s : signage) {
            if (type == null || type.equals(s.get("type"))) {
                matching.add(s);
            }
        }
        return page(ex, matching, "contents", s -> obj("id", s.get("id"), "name", s.get("name")));
    }

    private Reply uploadBackground(Exchange ex) {
        String account = ex.path("accountId");
        if (!account.equals("me") && !account.equals(accountId)) {
            return error(ex.operationId, 404, 2001, "This account does not exist or does not belong to you: " + account + ".");
        }
        Request.Part file = ex.part("file");
        if (file == null) {
            return error(ex.operationId, 400, 120, "No file uploaded. Verify that a file has been uploaded.");
        }
        byte[] bytes = file.getBody().asBytes();
        String name = file.getFileName() == null ? "background" : file.getFileName();
        String contentType = file.getHeader("Content-Type").isPresent() ? file.getHeader("Content-Type").firstValue() : "";
        String kind = kind(name, contentType);
        if (kind == null) {
            return error(ex.operationId, 400, 120, "File type is not supported: upload a jpg/jpeg, gif or png image or an"
                    + " mp4 or mov video.");
        }
        if (bytes.length > MAX_VB_BYTES) {
            return error(ex.operationId, 400, 120, "File size cannot exceed 15M.");
        }
        if (backgrounds.size() >= MAX_VB_FILES) {
            return error(ex.operationId, 400, 120, "A user can upload at most " + MAX_VB_FILES + " virtual background files.");
        }
        String id = "_" + zoomId().substring(0, 12);
        Map<String, Object> vb = obj("id", id, "name", name, "type", kind, "is_default", false, "size", (long) bytes.length);
        backgrounds.put(id, vb);
        return Reply.json(201, vb);
    }

    private static String kind(String name, String contentType) {
        String n = name.toLowerCase(Locale.ROOT);
        String ct = contentType.toLowerCase(Locale.ROOT);
        if (ct.startsWith("image/jpeg") || ct.startsWith("image/gif") || ct.startsWith("image/png")
                || n.matches(".*\\.(jpe?g|gif|png)$")) {
            return "image";
        }
        if (ct.startsWith("video/mp4") || ct.startsWith("video/quicktime") || n.matches(".*\\.(mp4|mov)$")) {
            return "video";
        }
        return null;
    }

    private Reply deleteBackgrounds(Exchange ex) {
        String account = ex.path("accountId");
        if (!account.equals("me") && !account.equals(accountId)) {
            return error(ex.operationId, 404, 2001, "This account does not exist or does not belong to you: " + account + ".");
        }
        String ids = ex.query("file_ids");
        if (ids != null) {
            for (String id : ids.split(",")) {
                backgrounds.remove(id.trim());
            }
        }
        return Reply.empty(204);
    }

    private static String text(JsonObject body, String field) {
        JsonElement value = body.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static final class PageCursor {
        final String queryKey;
        final int offset;
        final Instant issued;

        PageCursor(String queryKey, int offset, Instant issued) {
            this.queryKey = queryKey;
            this.offset = offset;
            this.issued = issued;
        }
    }

    private static final class ZRoom {
        String id;
        String roomId;
        String name;
        String displayName;
        String status;
        String type;
        String locationId;
        String activationCode;
        String calendarResourceId;
        String userId;
        boolean proDevice;
        int capacity;
        List<String> tagIds = List.of();
        final List<Map<String, Object>> devices = new ArrayList<>();

        Map<String, Object> listed() {
            return obj("id", id, "room_id", roomId, "name", name, "activation_code", activationCode, "status", status,
                    "location_id", locationId, "tag_ids", tagIds);
        }
    }
}
