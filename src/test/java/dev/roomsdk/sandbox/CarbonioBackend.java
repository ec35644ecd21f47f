package dev.roomsdk.sandbox;

import static dev.roomsdk.sandbox.Reply.obj;

import com.github.tomakehurst.wiremock.http.Request;
import dev.roomsdk.carbonio.Carbonio;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Carbonio Workstream Collaboration with state, for one signed-in user (the sandbox's
 * {@code ZM_AUTH_TOKEN}): seeded users, rooms (groups, a workspace with channels, one-to-one
 * chats), each with members and a permanent meeting; attachments, hundreds in one room, listed
 * newest first through an opaque {@code filter} cursor. Uploads (raw and multipart) show up in
 * the listing and download with the bytes sent; pictures and previews are real images; meetings
 * created (scheduled ones get a temporary room, as Carbonio does) can be started, joined with a
 * queue id, left and stopped. Errors carry no body, as Carbonio sends them (the sandbox adds an
 * {@code X-Sandbox-Error} header saying why).
 */
final class CarbonioBackend extends ApiBackend {

    static final int MAX_ROOMS = 2_000;
    static final int MAX_MEETINGS = 2_000;
    /** Largest single upload, and all uploaded bytes together; beyond them uploads get 413. */
    static final long MAX_UPLOAD_BYTES = 64L * 1024 * 1024;
    static final long MAX_STORED_BYTES = 256L * 1024 * 1024;
    static final int MAX_ATTACHMENTS = 20_000;
    static final int PICTURE_LIMIT_KB = 512;

    private static final String[][] PEOPLE = {
        {"Ada Lovelace", "ada.lovelace"}, {"Grace Hopper", "grace.hopper"}, {"Alan Turing", "alan.turing"},
        {"Katherine Johnson", "katherine.johnson"}, {"Margaret Hamilton", "margaret.hamilton"},
        {"Edsger Dijkstra", "edsger.dijkstra"}, {"Barbara Liskov", "barbara.liskov"}, {"Dennis Ritchie", "dennis.ritchie"},
    };
    private static final String[][] FILE_KINDS = {
        {"design-review-%03d.pdf", "application/pdf"}, {"mockup-%03d.png", "image/png"},
        {"meeting-notes-%03d.txt", "text/plain"}, {"photo-%03d.jpg", "image/jpeg"},
        {"budget-%03d.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    };

    private final String authToken;
    private final Random random;
    private final Instant seededAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final UUID me;
    private final Map<UUID, User> users = new LinkedHashMap<>();
    private final Map<UUID, CRoom> rooms = new LinkedHashMap<>();
    private final Map<UUID, Att> attachments = new LinkedHashMap<>();
    private final Map<UUID, Meet> meetings = new LinkedHashMap<>();
    private long storedBytes;

    CarbonioBackend(String authToken, int seedAttachments, long seed) {
        super("carbonio");
        this.authToken = authToken;
        this.random = new Random(seed);
        for (String[] p : PEOPLE) {
            User u = new User(uuid(), p[0], p[1] + "@example.com");
            users.put(u.id, u);
        }
        List<UUID> ids = new ArrayList<>(users.keySet());
        this.me = ids.get(0);
        for (int i = 2; i < ids.size(); i += 2) {
            users.get(ids.get(i)).picture = SampleFiles.png(96, 96, i);
            users.get(ids.get(i)).pictureUpdatedAt = seededAt.minus(Duration.ofDays(i));
        }
        CRoom design = room("Design team", "Weekly design sync", "group", null, ids.subList(0, 5), 90);
        room("Marketing", "Campaigns and launches", "group", null, List.of(ids.get(0), ids.get(3), ids.get(6)), 60);
        room("Customer success", "Escalations and renewals", "group", null, List.of(ids.get(0), ids.get(4), ids.get(7)), 45);
        room("Release train", "Weekly release coordination", "group", null, ids, 30);
        CRoom engineering = room("Engineering", "Engineering workspace", "workspace", null, ids, 120);
        engineering.rank = 0;
        int rank = 0;
        for (String channel : new String[] {"announcements", "backend", "frontend", "incidents"}) {
            CRoom c = room(channel, "", "channel", engineering, ids, 119 - rank);
            c.rank = rank++;
            engineering.children.add(c.id);
        }
        for (int i = 1; i <= 4; i++) {
            room("", null, "one_to_one", null, List.of(ids.get(0), ids.get(i)), 20 - i);
        }
        seedAttachments(design, seedAttachments);
        CRoom marketing = rooms.values().stream().filter(r -> "Marketing".equals(r.name)).findFirst().orElseThrow();
        seedAttachments(marketing, 12);
    }

    private UUID uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    private CRoom room(String name, String description, String type, CRoom parent, List<UUID> members, int daysAgo) {
        CRoom r = new CRoom();
        r.id = uuid();
        r.name = name;
        r.description = description;
        r.type = type;
        r.parentId = parent == null ? null : parent.id;
        r.createdAt = seededAt.minus(Duration.ofDays(daysAgo));
        r.updatedAt = r.createdAt.plus(Duration.ofHours(daysAgo));
        for (UUID m : members) {
            r.members.put(m, m.equals(me));
        }
        rooms.put(r.id, r);
        if (!type.equals("workspace")) {
            Meet meeting = new Meet();
            meeting.id = uuid();
            meeting.name = name.isEmpty() ? "Call" : name;
            meeting.roomId = r.id;
            meeting.type = "permanent";
            meeting.createdAt = r.createdAt;
            meetings.put(meeting.id, meeting);
            r.meetingId = meeting.id;
        }
        return r;
    }

    private void seedAttachments(CRoom room, int count) {
        List<UUID> members = new ArrayList<>(room.members.keySet());
        for (int i = 0; i < count; i++) {
            String[] kind = FILE_KINDS[i % FILE_KINDS.length];
            Att a = new Att();
            a.id = uuid();
            a.name = String.format(Locale.ROOT, kind[0], i + 1);
            a.mimeType = kind[1];
            a.size = 2_048 + random.nextInt(120 * 1024);
            a.seed = random.nextLong();
            a.userId = members.get(i % members.size());
            a.roomId = room.id;
            a.createdAt = seededAt.minus(Duration.ofMinutes((long) (count - i) * 257));
            a.area = kind[1].startsWith("image/") ? "1280x720" : null;
            attachments.put(a.id, a);
        }
    }

    @Override
    Reply authenticate(Exchange ex) {
        String token = ex.cookie(Carbonio.AUTH_COOKIE).orElse(null);
        if (token == null) {
            return error(ex.operationId, 401, "no ZM_AUTH_TOKEN cookie");
        }
        if (!token.equals(authToken)) {
            return error(ex.operationId, 401, "the ZM_AUTH_TOKEN is not the sandbox's (RoomSdkSandbox.CARBONIO_AUTH_TOKEN)");
        }
        return null;
    }

    @Override
    Reply error(String operationId, int status, String message) {
        return Reply.empty(status).header("X-Sandbox-Error", message.replaceAll("[^\\x20-\\x7e]", "?"));
    }

    /** An error with a status the operation declares: {@code status} if it does, else {@code fallback}. */
    private Reply fail(Exchange ex, int status, int fallback, String message) {
        List<Integer> declared = contract.statuses(ex.operationId);
        return error(ex.operationId, declared.contains(status) ? status : declared.contains(fallback) ? fallback
                : contract.badRequestStatus(ex.operationId), message);
    }

    @Override
    synchronized Reply handle(Exchange ex) {
        switch (ex.operationId) {
            case "listRoom": return listRooms(ex);
            case "insertRoom": return insertRoom(ex);
            case "getRoom": return withRoom(ex, r -> Reply.json(200, roomJson(r, true, true)));
            case "updateRoom": return withRoom(ex, r -> updateRoom(ex, r));
            case "deleteRoom": return deleteRoom(ex);
            case "getRoomPicture": return withRoom(ex, r -> r.picture == null ? fail(ex, 404, 404, "the room has no picture")
                    : Reply.bytes(200, r.picture, r.pictureType));
            case "updateRoomPicture": return withRoom(ex, r -> updateRoomPicture(ex, r));
            case "deleteRoomPicture": return withRoom(ex, r -> {
                if (r.picture == null) {
                    return fail(ex, 404, 404, "the room has no picture");
                }
                r.picture = null;
                r.pictureUpdatedAt = null;
                return Reply.empty(204);
            });
            case "muteRoom": return withRoom(ex, r -> { r.muted = true; return Reply.empty(204); });
            case "unmuteRoom": return withRoom(ex, r -> { r.muted = false; return Reply.empty(204); });
            case "clearRoomHistory": return withRoom(ex, r -> {
                r.clearedAt = Instant.now();
                return Reply.json(200, obj("clearedAt", Times.format(r.clearedAt)));
            });
            case "listRoomMember": return withRoom(ex, r -> Reply.json(200, membersJson(r)));
            case "insertRoomMember": return withRoom(ex, r -> insertMember(ex, r));
            case "deleteRoomMember": return withRoom(ex, r -> {
                r.members.remove(UUID.fromString(ex.path("userId")));
                return Reply.empty(204);
            });
            case "getMeetingByRoomId": return withRoom(ex, r -> r.meetingId == null || !meetings.containsKey(r.meetingId)
                    ? fail(ex, 404, 404, "the room has no meeting") : Reply.json(200, meetings.get(r.meetingId).json()));
            case "getUsers": return getUsers(ex);
            case "getUser": return withUser(ex, u -> Reply.json(200, u.json()));
            case "getUserPicture": return withUser(ex, u -> u.picture == null ? fail(ex, 404, 404, "the user has no picture")
                    : Reply.bytes(200, u.picture, "image/png"));
            case "updateUserPicture": return updateUserPicture(ex);
            case "deleteUserPicture": return withUser(ex, u -> {
                if (!u.id.equals(me)) {
                    return fail(ex, 403, 403, "only your own picture can be deleted");
                }
                if (u.picture == null) {
                    return fail(ex, 404, 404, "you have no picture");
                }
                u.picture = null;
                u.pictureUpdatedAt = null;
                return Reply.empty(204);
            });
            case "getTokens": return Reply.json(200, obj("zmToken", authToken));
            case "listRoomAttachmentInfo": return withRoom(ex, r -> listAttachments(ex, r));
            case "insertAttachment": return insertAttachment(ex);
            case "insertAttachmentMultipart": return insertAttachmentMultipart(ex);
            case "getAttachmentInfo": return withAttachment(ex, a -> Reply.json(200, a.json()));
            case "getAttachment": return withAttachment(ex, this::download);
            case "deleteAttachment": return withAttachment(ex, a -> {
                if (!a.userId.equals(me) && !Boolean.TRUE.equals(rooms.get(a.roomId).members.get(me))) {
                    return fail(ex, 403, 403, "only the uploader or a room owner may delete an attachment");
                }
                attachments.remove(a.id);
                if (a.bytes != null) {
                    storedBytes -= a.bytes.length;
                }
                return Reply.empty(204);
            });
            case "getImagePreview": case "getImageThumbnail": return withAttachment(ex, a -> imagePreview(ex, a));
            case "getPdfPreview": return withAttachment(ex, a -> "application/pdf".equals(a.mimeType)
                    ? Reply.bytes(200, SampleFiles.pdf("Preview of " + a.name), "application/pdf")
                    : fail(ex, 400, 400, "not a pdf: " + a.mimeType));
            case "getPdfThumbnail": return withAttachment(ex, a -> "application/pdf".equals(a.mimeType)
                    ? image(ex, a) : fail(ex, 400, 400, "not a pdf: " + a.mimeType));
            case "listMeeting": return listMeetings();
            case "createMeeting": return createMeeting(ex);
            case "getMeeting": return withMeeting(ex, m -> Reply.json(200, m.json()));
            case "deleteMeeting": return withMeeting(ex, m -> deleteMeeting(m));
            case "startMeeting": return withMeeting(ex, m -> {
                if (!m.active) {
                    m.active = true;
                    m.startedAt = Instant.now();
                }
                return Reply.json(200, m.json());
            });
            case "stopMeeting": return withMeeting(ex, m -> {
                m.active = false;
                m.participants.clear();
                return Reply.json(200, m.json());
            });
            case "joinMeeting": return withMeeting(ex, m -> join(ex, m));
            case "leaveMeeting": return withMeeting(ex, m -> m.participants.remove(me) == null
                    ? fail(ex, 404, 404, "you are not in this meeting") : Reply.empty(204));
            case "getQueue": return withMeeting(ex, m -> Reply.json(200, obj("users", List.of())));
            case "getMeetingPublic": {
                Meet m = meetings.get(UUID.fromString(ex.path("meetingId")));
                return m == null ? null : Reply.json(200, obj("name", m.name));
            }
            default: return null;
        }
    }

    // ---- rooms --------------------------------------------------------------------------------

    private interface RoomAction {
        Reply apply(CRoom room);
    }

    private Reply withRoom(Exchange ex, RoomAction action) {
        CRoom room = rooms.get(UUID.fromString(ex.path("roomId")));
        if (room == null) {
            return fail(ex, 404, 400, "no room " + ex.path("roomId"));
        }
        if (!room.members.containsKey(me)) {
            return fail(ex, 403, 400, "you are not a member of room " + room.id);
        }
        return action.apply(room);
    }

    private Reply listRooms(Exchange ex) {
        List<String> extra = ex.queryAll("extraFields");
        List<Object> list = new ArrayList<>();
        for (CRoom r : rooms.values()) {
            if (r.members.containsKey(me) && r.parentId == null) {
                list.add(roomJson(r, extra.contains("members"), extra.contains("settings")));
            }
        }
        return Reply.json(200, list);
    }

    private Map<String, Object> roomJson(CRoom r, boolean members, boolean settings) {
        List<Object> children = null;
        if (r.type.equals("workspace")) {
            children = new ArrayList<>();
            for (UUID c : r.children) {
                if (rooms.containsKey(c)) {
                    children.add(roomJson(rooms.get(c), false, false));
                }
            }
        }
        return obj("id", r.id.toString(), "name", r.name, "description", r.description, "type", r.type,
                "parentId", r.parentId == null ? null : r.parentId.toString(), "membersIds", ids(r.members.keySet()),
                "rank", r.rank, "meetingId", r.meetingId == null ? null : r.meetingId.toString(),
                "createdAt", Times.format(r.createdAt), "updatedAt", Times.format(r.updatedAt),
                "pictureUpdatedAt", Times.format(r.pictureUpdatedAt), "children", children,
                "members", members ? membersJson(r) : null,
                "userSettings", settings ? obj("muted", r.muted, "clearedAt", Times.format(r.clearedAt)) : null);
    }

    private static List<String> ids(Iterable<UUID> ids) {
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add(id.toString()));
        return out;
    }

    private static List<Object> membersJson(CRoom r) {
        List<Object> members = new ArrayList<>();
        r.members.forEach((id, owner) -> members.add(obj("userId", id.toString(), "owner", owner)));
        return members;
    }

    private Reply insertRoom(Exchange ex) {
        JsonObject body = ex.json();
        String type = body.get("type").getAsString();
        String name = text(body, "name");
        List<UUID> members = new ArrayList<>();
        members.add(me);
        if (body.has("membersIds")) {
            body.getAsJsonArray("membersIds").forEach(m -> {
                UUID id = UUID.fromString(m.getAsString());
                if (!members.contains(id)) {
                    members.add(id);
                }
            });
        }
        if (rooms.size() >= MAX_ROOMS) {
            return fail(ex, 400, 400, "the sandbox holds at most " + MAX_ROOMS + " rooms");
        }
        CRoom parent = null;
        switch (type) {
            case "one_to_one":
                if (members.size() != 2) {
                    return fail(ex, 400, 400, "a one_to_one room has exactly one other member");
                }
                for (CRoom r : rooms.values()) {
                    if (r.type.equals("one_to_one") && r.members.keySet().containsAll(members)) {
                        return fail(ex, 409, 400, "a one_to_one room with that user exists: " + r.id);
                    }
                }
                name = "";
                break;
            case "channel":
                parent = text(body, "parentId") == null ? null : rooms.get(UUID.fromString(text(body, "parentId")));
                if (parent == null || !parent.type.equals("workspace")) {
                    return fail(ex, 400, 400, "a channel needs the parentId of a workspace");
                }
                // falls through: a channel needs a name
            default:
                if (name == null) {
                    return fail(ex, 400, 400, "a " + type + " room needs a name");
                }
        }
        CRoom r = room(name, text(body, "description"), type, parent, members, 0);
        r.createdAt = Instant.now();
        r.updatedAt = r.createdAt;
        if (parent != null) {
            r.rank = parent.children.size();
            parent.children.add(r.id);
        }
        if (type.equals("workspace")) {
            r.rank = (int) rooms.values().stream().filter(x -> x.type.equals("workspace")).count() - 1;
        }
        return Reply.json(201, roomJson(r, true, true));
    }

    private Reply updateRoom(Exchange ex, CRoom r) {
        JsonObject body = ex.json();
        if (text(body, "name") != null) {
            r.name = text(body, "name");
        }
        if (text(body, "description") != null) {
            r.description = text(body, "description");
        }
        r.updatedAt = Instant.now();
        return Reply.json(200, roomJson(r, true, true));
    }

    private Reply deleteRoom(Exchange ex) {
        CRoom r = rooms.get(UUID.fromString(ex.path("roomId")));
        if (r == null || !Boolean.TRUE.equals(r.members.get(me))) {
            return fail(ex, 403, 403, "only an owner may delete a room");
        }
        rooms.remove(r.id);
        r.children.forEach(rooms::remove);
        attachments.values().removeIf(a -> a.roomId.equals(r.id));
        if (r.meetingId != null) {
            meetings.remove(r.meetingId);
        }
        return Reply.empty(204);
    }

    private Reply updateRoomPicture(Exchange ex, CRoom r) {
        if (!r.type.equals("group")) {
            return fail(ex, 400, 400, "only a group room has a picture");
        }
        if (!Boolean.TRUE.equals(r.members.get(me))) {
            return fail(ex, 403, 403, "only an owner may change the room picture");
        }
        String mime = ex.header("mimeType");
        byte[] body = ex.body();
        Reply bad = checkPicture(ex, mime, body);
        if (bad != null) {
            return bad;
        }
        r.picture = body;
        r.pictureType = mime;
        r.pictureUpdatedAt = Instant.now();
        return Reply.empty(204);
    }

    private Reply checkPicture(Exchange ex, String mime, byte[] body) {
        if (mime == null || !mime.toLowerCase(Locale.ROOT).startsWith("image/")) {
            return fail(ex, 400, 400, "a picture must have an image/* mimeType, got " + mime);
        }
        if (body.length > PICTURE_LIMIT_KB * 1024L) {
            return fail(ex, 400, 400, "the picture is " + body.length + " bytes, over " + PICTURE_LIMIT_KB + " kB");
        }
        String length = ex.header("Content-Length");
        if (length != null && Long.parseLong(length.trim()) != body.length) {
            return fail(ex, 400, 400, "Content-Length " + length + " but " + body.length + " bytes came");
        }
        return null;
    }

    private Reply insertMember(Exchange ex, CRoom r) {
        JsonObject body = ex.json();
        UUID user = UUID.fromString(body.get("userId").getAsString());
        boolean owner = body.get("owner").getAsBoolean();
        r.members.put(user, owner);
        return Reply.json(201, obj("userId", user.toString(), "owner", owner,
                "clearedAt", body.get("historyCleared").getAsBoolean() ? Times.format(Instant.now()) : null));
    }

    // ---- users --------------------------------------------------------------------------------

    private interface UserAction {
        Reply apply(User user);
    }

    private Reply withUser(Exchange ex, UserAction action) {
        User u = users.get(UUID.fromString(ex.path("userId")));
        return u == null ? fail(ex, 404, 403, "no user " + ex.path("userId")) : action.apply(u);
    }

    private Reply getUsers(Exchange ex) {
        List<Object> list = new ArrayList<>();
        for (String id : ex.queryAll("userIds")) {
            User u = users.get(UUID.fromString(id));
            if (u != null) {
                list.add(u.json());
            }
        }
        return Reply.json(200, list);
    }

    private Reply updateUserPicture(Exchange ex) {
        UUID id = UUID.fromString(ex.path("userId"));
        if (!id.equals(me)) {
            return fail(ex, 403, 403, "only your own picture can be changed");
        }
        byte[] body = ex.body();
        Reply bad = checkPicture(ex, ex.header("mimeType"), body);
        if (bad != null) {
            return bad;
        }
        User u = users.get(me);
        u.picture = body;
        u.pictureUpdatedAt = Instant.now();
        return Reply.empty(204);
    }

    // ---- attachments --------------------------------------------------------------------------

    private interface AttachmentAction {
        Reply apply(Att attachment);
    }

    private Reply withAttachment(Exchange ex, AttachmentAction action) {
        Att a = attachments.get(UUID.fromString(ex.path("fileId")));
        if (a == null) {
            return fail(ex, 404, 400, "no attachment " + ex.path("fileId"));
        }
        CRoom room = rooms.get(a.roomId);
        if (room == null || !room.members.containsKey(me)) {
            return fail(ex, 403, 404, "the attachment is in a room you are not a member of");
        }
        return action.apply(a);
    }

    /** Newest first; ties broken by id so the order, and so the cursor, is total. */
    private static final Comparator<Att> NEWEST_FIRST = Comparator.comparing((Att a) -> a.createdAt).reversed()
            .thenComparing((Att a) -> a.id.toString(), Comparator.reverseOrder());

    private Reply listAttachments(Exchange ex, CRoom room) {
        int size = ex.queryInt("itemsNumber", 10);
        String filter = ex.query("filter");
        List<Att> all = new ArrayList<>();
        for (Att a : attachments.values()) {
            if (a.roomId.equals(room.id)) {
                all.add(a);
            }
        }
        all.sort(NEWEST_FIRST);
        int start = 0;
        if (filter != null && !filter.isEmpty()) {
            Att after = new Att();
            try {
                JsonObject cursor = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(filter),
                        StandardCharsets.UTF_8)).getAsJsonObject();
                after.createdAt = Instant.ofEpochMilli(cursor.get("createdAt").getAsLong());
                after.id = UUID.fromString(cursor.get("id").getAsString());
            } catch (RuntimeException e) {
                return fail(ex, 404, 403, "filter is not a cursor this server gave out");
            }
            while (start < all.size() && NEWEST_FIRST.compare(all.get(start), after) <= 0) {
                start++;
            }
        }
        List<Object> page = new ArrayList<>();
        int i = start;
        for (; i < all.size() && page.size() < size; i++) {
            page.add(all.get(i).json());
        }
        String next = null;
        if (i < all.size() && !page.isEmpty()) {
            Att last = all.get(i - 1);
            String cursor = Reply.GSON.toJson(obj("createdAt", last.createdAt.toEpochMilli(), "id", last.id.toString()));
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
        }
        return Reply.json(200, obj("filter", next, "attachments", page));
    }

    private Reply insertAttachment(Exchange ex) {
        CRoom room = rooms.get(UUID.fromString(ex.path("roomId")));
        if (room == null || !room.members.containsKey(me)) {
            return fail(ex, 400, 400, "no room " + ex.path("roomId") + " you are a member of");
        }
        byte[] body = ex.body();
        long declared = Long.parseLong(ex.header("Content-Length").trim());
        if (declared != body.length) {
            return fail(ex, 400, 400, "Content-Length " + declared + " but " + body.length + " bytes came");
        }
        return store(ex, room, unescape(ex.header("fileName")), ex.header("mimeType"), body,
                ex.header("description") == null ? null : unescape(ex.header("description")), ex.header("area"));
    }

    private Reply insertAttachmentMultipart(Exchange ex) {
        CRoom room = rooms.get(UUID.fromString(ex.path("roomId")));
        if (room == null || !room.members.containsKey(me)) {
            return fail(ex, 404, 401, "no room " + ex.path("roomId") + " you are a member of");
        }
        Request.Part file = ex.part("file");
        if (file == null) {
            return fail(ex, 400, 401, "no file part");
        }
        byte[] body = file.getBody().asBytes();
        String length = ex.partText("contentLength");
        if (length != null && Long.parseLong(length.trim()) != body.length) {
            return fail(ex, 400, 401, "contentLength " + length + " but the file part has " + body.length + " bytes");
        }
        String type = file.getHeader("Content-Type").isPresent() ? file.getHeader("Content-Type").firstValue()
                : "application/octet-stream";
        String description = ex.partText("description");
        return store(ex, room, file.getFileName() == null ? "file" : file.getFileName(), type, body,
                description == null ? null : unescape(description), ex.partText("area"));
    }

    private Reply store(Exchange ex, CRoom room, String name, String mimeType, byte[] body, String description, String area) {
        if (body.length > MAX_UPLOAD_BYTES || storedBytes + body.length > MAX_STORED_BYTES) {
            return fail(ex, 413, 401, "the sandbox keeps at most " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB per file and "
                    + MAX_STORED_BYTES / (1024 * 1024) + " MB in all");
        }
        if (attachments.size() >= MAX_ATTACHMENTS) {
            return fail(ex, 413, 401, "the sandbox keeps at most " + MAX_ATTACHMENTS + " attachments");
        }
        Att a = new Att();
        a.id = UUID.randomUUID();
        a.name = name;
        a.mimeType = mimeType;
        a.bytes = body;
        a.size = body.length;
        a.userId = me;
        a.roomId = room.id;
        a.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        a.description = description;
        a.area = area;
        attachments.put(a.id, a);
        storedBytes += body.length;
        return Reply.json(201, obj("id", a.id.toString()));
    }

    private Reply download(Att a) {
        String ascii = a.name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        String encoded = URLEncoder.encode(a.name, StandardCharsets.UTF_8).replace("+", "%20");
        return Reply.bytes(200, a.content(), a.mimeType)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
    }

    private Reply imagePreview(Exchange ex, Att a) {
        if (!a.mimeType.startsWith("image/")) {
            return fail(ex, 400, 400, "not an image: " + a.mimeType);
        }
        return image(ex, a);
    }

    private static Reply image(Exchange ex, Att a) {
        String[] area = ex.path("area").split("x");
        int w = (int) Math.min(SampleFiles.MAX_SIDE, Long.parseLong(area[0]));
        int h = (int) Math.min(SampleFiles.MAX_SIDE, Long.parseLong(area[1]));
        String format = ex.query("output_format") == null ? "Jpeg" : ex.query("output_format");
        String type = format.equals("Png") ? "png" : format.equals("Gif") ? "gif" : "jpeg";
        return Reply.bytes(200, SampleFiles.image(type, w == 0 ? 160 : w, h == 0 ? 120 : h, a.seed ^ a.id.hashCode()),
                "image/" + type);
    }

    // ---- meetings -----------------------------------------------------------------------------

    private interface MeetingAction {
        Reply apply(Meet meeting);
    }

    private Reply withMeeting(Exchange ex, MeetingAction action) {
        Meet m = meetings.get(UUID.fromString(ex.path("meetingId")));
        if (m == null) {
            return fail(ex, 404, 403, "no meeting " + ex.path("meetingId"));
        }
        CRoom room = rooms.get(m.roomId);
        if (room == null || !room.members.containsKey(me)) {
            return fail(ex, 403, 404, "the meeting's room is not one of yours");
        }
        return action.apply(m);
    }

    private Reply listMeetings() {
        List<Object> list = new ArrayList<>();
        for (Meet m : meetings.values()) {
            CRoom room = rooms.get(m.roomId);
            if (room != null && room.members.containsKey(me)) {
                list.add(m.json());
            }
        }
        return Reply.json(200, list);
    }

    private Reply createMeeting(Exchange ex) {
        JsonObject body = ex.json();
        if (meetings.size() >= MAX_MEETINGS) {
            return fail(ex, 401, 401, "the sandbox holds at most " + MAX_MEETINGS + " meetings");
        }
        String name = body.get("name").getAsString();
        CRoom room;
        if (text(body, "roomId") != null) {
            room = rooms.get(UUID.fromString(text(body, "roomId")));
            if (room == null || !room.members.containsKey(me)) {
                return fail(ex, 404, 401, "no room " + text(body, "roomId") + " you are a member of");
            }
            if (room.meetingId != null && meetings.containsKey(room.meetingId)) {
                return Reply.json(200, meetings.get(room.meetingId).json());
            }
        } else {
            // a meeting without a room gets a temporary room, as Carbonio makes for scheduled meetings
            room = room(name, null, "temporary", null, List.of(me), 0);
            room.createdAt = Instant.now();
            room.updatedAt = room.createdAt;
            meetings.remove(room.meetingId);
        }
        Meet m = new Meet();
        m.id = UUID.randomUUID();
        m.name = name;
        m.roomId = room.id;
        m.type = body.get("meetingType").getAsString();
        m.createdAt = Instant.now();
        meetings.put(m.id, m);
        room.meetingId = m.id;
        return Reply.json(200, m.json());
    }

    private Reply deleteMeeting(Meet m) {
        meetings.remove(m.id);
        CRoom room = rooms.get(m.roomId);
        if (room != null && m.id.equals(room.meetingId)) {
            room.meetingId = null;
            if (room.type.equals("temporary")) {
                rooms.remove(room.id);
            }
        }
        return Reply.empty(204);
    }

    private Reply join(Exchange ex, Meet m) {
        if (!m.active) {
            return fail(ex, 400, 400, "the meeting is not started: start it first (startMeeting)");
        }
        JsonObject body = ex.json();
        Map<String, Object> participant = obj("userId", me.toString(),
                "userType", Boolean.TRUE.equals(rooms.get(m.roomId).members.get(me)) ? "moderator" : "registered",
                "queueId", ex.header("queue-id"), "audioStreamEnabled", body.get("audioStreamEnabled").getAsBoolean(),
                "videoStreamEnabled", body.get("videoStreamEnabled").getAsBoolean(), "screenStreamEnabled", false,
                "joinedAt", Times.format(Instant.now()));
        m.participants.put(me, participant);
        return Reply.json(200, obj("status", "ACCEPTED"));
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * Undoes the {@code \\uXXXX} escaping the contract asks for in names and descriptions. Text that
     * is not all escapes is kept as it is (the multipart {@code description} part has no pattern
     * in the contract, so it is not checked before it gets here).
     */
    static String unescape(String escaped) {
        if (!escaped.matches("(\\\\[uU][0-9a-fA-F]{4})*")) {
            return escaped;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 6 <= escaped.length(); i += 6) {
            out.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
        }
        return out.toString();
    }

    private static String text(JsonObject body, String field) {
        JsonElement value = body.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    /** The first group room (the one holding the seeded attachments), for tests and the walkthrough. */
    synchronized UUID firstGroupRoom() {
        return rooms.values().stream().filter(r -> r.type.equals("group")).findFirst().orElseThrow().id;
    }

    synchronized int attachmentCount(UUID roomId) {
        return (int) attachments.values().stream().filter(a -> a.roomId.equals(roomId)).count();
    }

    private static final class User {
        final UUID id;
        final String name;
        final String email;
        byte[] picture;
        Instant pictureUpdatedAt;

        User(UUID id, String name, String email) {
            this.id = id;
            this.name = name;
            this.email = email;
        }

        Map<String, Object> json() {
            return obj("id", id.toString(), "email", email, "name", name, "type", "internal",
                    "pictureUpdatedAt", Times.format(pictureUpdatedAt));
        }
    }

    private static final class CRoom {
        UUID id;
        String name;
        String description;
        String type;
        UUID parentId;
        Integer rank;
        UUID meetingId;
        Instant createdAt;
        Instant updatedAt;
        Instant pictureUpdatedAt;
        Instant clearedAt;
        boolean muted;
        byte[] picture;
        String pictureType;
        final Map<UUID, Boolean> members = new LinkedHashMap<>();
        final List<UUID> children = new ArrayList<>();
    }

    private static final class Att {
        UUID id;
        String name;
        String mimeType;
        long size;
        long seed;
        byte[] bytes;
        UUID userId;
        UUID roomId;
        Instant createdAt;
        String area;
        String description;

        byte[] content() {
            return bytes != null ? bytes : SampleFiles.bytes(seed, (int) size);
        }

        Map<String, Object> json() {
            return obj("id", id.toString(), "name", name, "size", size, "mimeType", mimeType, "userId", userId.toString(),
                    "roomId", roomId.toString(), "createdAt", Times.format(createdAt), "area", area);
        }
    }

    private static final class Meet {
        UUID id;
        String name;
        UUID roomId;
        String type;
        boolean active;
        Instant createdAt;
        Instant startedAt;
        final Map<UUID, Map<String, Object>> participants = new LinkedHashMap<>();

        Map<String, Object> json() {
            return obj("id", id.toString(), "name", name, "roomId", roomId.toString(), "active", active,
                    "participants", new ArrayList<>(participants.values()), "createdAt", Times.format(createdAt),
                    "startedAt", Times.format(startedAt), "meetingType", type);
        }
    }
}
