package dev.roomsdk.sandbox;

import static dev.roomsdk.sandbox.Reply.obj;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Videsk VPaaS Rooms, with state: seeded rooms (several pages of them), rooms created through
 * the API appear in {@code getRoom} (by id or externalId) and in listings (filters, {@code $sort},
 * {@code $skip}/{@code $limit}, {@code total}), updates and ends stick, joins record an
 * authorization and hand out a JWT whose {@code exp} is the room's. Deleting is never allowed,
 * as in the real API. Errors are Feathers error objects.
 */
final class VideskBackend extends ApiBackend {

    /** Rooms the sandbox holds at most; creating more is refused (400). */
    static final int MAX_ROOMS = 5_000;
    /** Authorizations kept per room (the newest). */
    static final int MAX_AUTHORIZATIONS = 50;

    private static final String[] KINDS = {"Team standup", "Customer call", "Support desk", "Onboarding",
        "Sales demo", "Interview", "Retrospective", "Design review", "Town hall", "Office hours"};

    private final String apiToken;
    private final Random random;
    private final List<VRoom> rooms = new ArrayList<>();
    private final Map<String, VRoom> byId = new HashMap<>();
    private final Map<String, VRoom> byExternalId = new HashMap<>();
    private final Jwt jwt = new Jwt("videsk-sandbox");

    VideskBackend(String apiToken, int seedRooms, long seed) {
        super("videsk");
        this.apiToken = apiToken;
        this.random = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < seedRooms; i++) {
            VRoom room = new VRoom();
            room.createdAt = now.minus(Duration.ofMinutes((long) (seedRooms - i) * 173));
            room.id = objectId(room.createdAt);
            String kind = KINDS[i % KINDS.length];
            room.name = kind + " #" + (i + 1);
            room.externalId = kind.toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + String.format(Locale.ROOT, "%04d", i + 1);
            room.nbf = room.createdAt;
            room.exp = room.createdAt.plus(Duration.ofHours(3));
            room.ended = room.exp.isBefore(now) && i % 3 != 0;
            int accesses = random.nextInt(4);
            for (int a = 0; a < accesses; a++) {
                room.authorizations.add(obj("ip", "10.0." + random.nextInt(256) + "." + random.nextInt(256),
                        "jti", new UUID(random.nextLong(), random.nextLong()).toString(),
                        "createdAt", Times.format(room.createdAt.plus(Duration.ofMinutes(5L * (a + 1))))));
            }
            add(room);
        }
    }

    private void add(VRoom room) {
        rooms.add(room);
        byId.put(room.id, room);
        byExternalId.put(room.externalId, room);
    }

    private String objectId(Instant at) {
        return String.format(Locale.ROOT, "%08x%016x", at.getEpochSecond(), random.nextLong());
    }

    @Override
    Reply authenticate(Exchange exchange) {
        String auth = exchange.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return error(exchange.operationId, 401, "Authorization header with valid JWT is required.");
        }
        if (!auth.substring(7).trim().equals(apiToken)) {
            return error(exchange.operationId, 401, "Invalid authentication information (the sandbox's api-token is "
                    + "RoomSdkSandbox.VIDESK_API_TOKEN)");
        }
        return null;
    }

    @Override
    Reply error(String operationId, int status, String message) {
        String[] names;
        switch (status) {
            case 400: names = new String[] {"BadRequest", "bad-request"}; break;
            case 401: names = new String[] {"NotAuthenticated", "not-authenticated"}; break;
            case 403: names = new String[] {"Forbidden", "forbidden"}; break;
            case 404: names = new String[] {"NotFound", "not-found"}; break;
            case 409: names = new String[] {"Conflict", "conflict"}; break;
            default: names = new String[] {"GeneralError", "general-error"}; break;
        }
        return Reply.json(status, obj("name", names[0], "message", message, "code", status, "className", names[1]));
    }

    @Override
    synchronized Reply handle(Exchange ex) {
        switch (ex.operationId) {
            case "listRooms": return listRooms(ex);
            case "createRoom": return createRoom(ex);
            case "getRoom": return getRoom(ex);
            case "updateRoom": return updateRoom(ex);
            case "deleteRoom": return error(ex.operationId, 403, "Not allowed");
            case "joinRoom": return joinRoom(ex);
            default: return null;
        }
    }

    private VRoom find(String idOrExternalId) {
        VRoom room = byId.get(idOrExternalId);
        return room != null ? room : byExternalId.get(idOrExternalId);
    }

    private Reply listRooms(Exchange ex) {
        Boolean ended = ex.queryBool("ended");
        String externalId = ex.query("externalId");
        List<VRoom> matching = new ArrayList<>();
        for (VRoom room : rooms) {
            if ((ended == null || room.ended == ended) && (externalId == null || externalId.equals(room.externalId))) {
                matching.add(room);
            }
        }
        Comparator<VRoom> order = null;
        for (Map.Entry<String, List<String>> q : ex.queryMap().entrySet()) {
            if (!q.getKey().startsWith("$sort[") || !q.getKey().endsWith("]")) {
                continue;
            }
            Comparator<VRoom> field = comparator(q.getKey().substring(6, q.getKey().length() - 1));
            if (field == null) {
                continue;
            }
            if ("-1".equals(q.getValue().get(0))) {
                field = field.reversed();
            }
            order = order == null ? field : order.thenComparing(field);
        }
        if (order != null) {
            matching.sort(order);
        }
        int limit = ex.queryInt("$limit", 10);
        int skip = ex.queryInt("$skip", 0);
        List<Object> data = new ArrayList<>();
        for (int i = skip; i < matching.size() && data.size() < limit; i++) {
            data.add(matching.get(i).json(null));
        }
        return Reply.json(200, obj("total", matching.size(), "limit", limit, "skip", skip, "data", data));
    }

    private static Comparator<VRoom> comparator(String field) {
        switch (field) {
            case "createdAt": return Comparator.comparing((VRoom r) -> r.createdAt);
            case "name": return Comparator.comparing((VRoom r) -> r.name);
            case "externalId": return Comparator.comparing((VRoom r) -> r.externalId);
            case "exp": return Comparator.comparing((VRoom r) -> r.exp);
            case "nbf": return Comparator.comparing((VRoom r) -> r.nbf);
            case "id": case "_id": return Comparator.comparing((VRoom r) -> r.id);
            default: return null;
        }
    }

    private Reply createRoom(Exchange ex) {
        JsonObject body = ex.json();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String externalId = text(body, "externalId");
        if (externalId != null && byExternalId.containsKey(externalId)) {
            return error(ex.operationId, 409, "externalId already exists");
        }
        if (rooms.size() >= MAX_ROOMS) {
            return error(ex.operationId, 400, "The sandbox holds at most " + MAX_ROOMS + " rooms");
        }
        VRoom room = new VRoom();
        room.createdAt = now;
        room.id = objectId(now);
        room.name = text(body, "name") != null ? text(body, "name") : "Room " + room.id.substring(16);
        room.externalId = externalId != null ? externalId : UUID.randomUUID().toString();
        room.nbf = text(body, "nbf") != null ? Times.parse(text(body, "nbf")) : now;
        room.exp = text(body, "exp") != null ? Times.parse(text(body, "exp")) : now.plus(Duration.ofHours(3));
        if (!room.exp.isAfter(now)) {
            return error(ex.operationId, 400, "exp must be in the future");
        }
        if (!room.exp.isAfter(room.nbf)) {
            return error(ex.operationId, 400, "exp must be after nbf");
        }
        add(room);
        return Reply.json(201, room.json(token(room, now)));
    }

    private Reply getRoom(Exchange ex) {
        VRoom room = find(ex.path("roomId"));
        return room == null ? error(ex.operationId, 404, "Room not found") : Reply.json(200, room.json(null));
    }

    private Reply updateRoom(Exchange ex) {
        VRoom room = find(ex.path("roomId"));
        if (room == null || room.ended) {
            return error(ex.operationId, 404, "Room not found or already ended");
        }
        JsonObject body = ex.json();
        Instant exp = text(body, "exp") != null ? Times.parse(text(body, "exp")) : room.exp;
        Instant nbf = text(body, "nbf") != null ? Times.parse(text(body, "nbf")) : room.nbf;
        if (!exp.isAfter(nbf)) {
            return error(ex.operationId, 400, "exp must be after nbf");
        }
        room.exp = exp;
        room.nbf = nbf;
        if (text(body, "name") != null) {
            room.name = text(body, "name");
        }
        if (body.has("ended") && body.get("ended").getAsBoolean()) {
            room.ended = true;
        }
        boolean generate = body.has("generateToken") && body.get("generateToken").getAsBoolean();
        Instant now = Instant.now();
        return Reply.json(200, room.json(generate ? token(room, now) : null));
    }

    private Reply joinRoom(Exchange ex) {
        VRoom room = find(ex.path("roomId"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (room == null || room.ended) {
            return error(ex.operationId, 400, "Room not found or already ended");
        }
        if (!room.exp.isAfter(now)) {
            return error(ex.operationId, 400, "Room expired at " + Times.format(room.exp));
        }
        String jti = UUID.randomUUID().toString();
        room.authorizations.add(obj("ip", ex.clientIp(), "jti", jti, "createdAt", Times.format(now)));
        while (room.authorizations.size() > MAX_AUTHORIZATIONS) {
            room.authorizations.remove(0);
        }
        return Reply.json(200, obj("accessToken", token(room, now, jti)));
    }

    private String token(VRoom room, Instant now) {
        return token(room, now, UUID.randomUUID().toString());
    }

    private String token(VRoom room, Instant now, String jti) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", room.id);
        claims.put("room", room.externalId);
        claims.put("jti", jti);
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", room.nbf.getEpochSecond());
        claims.put("exp", room.exp.getEpochSecond());
        return jwt.sign(claims);
    }

    private static String text(JsonObject body, String field) {
        JsonElement value = body.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static final class VRoom {
        String id;
        String name;
        String externalId;
        Instant createdAt;
        Instant nbf;
        Instant exp;
        boolean ended;
        final List<Map<String, Object>> authorizations = new ArrayList<>();

        Map<String, Object> json(String accessToken) {
            return obj("id", id, "name", name, "externalId", externalId, "exp", Times.format(exp),
                    "nbf", Times.format(nbf), "authorizations", new ArrayList<>(authorizations), "accessToken", accessToken);
        }
    }
}
