package dev.roomsdk.bench.perf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The response bodies the benchmark server sends, built once before any timing, valid per
 * {@code specs/videsk.yaml} and {@code specs/carbonio.yaml} ({@link SpecCheck} proves it at
 * start). Deterministic: the same bytes on every run, so runs compare.
 */
public final class Bodies {

    /** The room {@code getRoom} returns. */
    public static final String VIDESK_ROOM_ID = "64f1a2b3c4d5e6f7a8b9c0d1";
    /** Rooms in the Videsk listing, served 100 a page (the API's maximum page size). */
    public static final int VIDESK_LISTING_TOTAL = 100_000;
    public static final int VIDESK_PAGE_SIZE = 100;
    /** Rooms in the Carbonio {@code listRoom} answer. */
    public static final int CARBONIO_ROOMS = 10_000;
    /** The room uploads go to and the attachment downloads read. */
    public static final UUID CARBONIO_ROOM_ID = UUID.fromString("7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a");
    public static final UUID CARBONIO_FILE_ID = UUID.fromString("9d1e4b7a-2c5f-4a8d-b3e6-1f7c0a9d2e58");

    final byte[] videskRoom;
    /** One room per element: the items of every listing page (page k serves the same 100 rooms). */
    final byte[][] videskPageRooms;
    final byte[] carbonioRooms;
    final byte[] carbonioUploadId;

    private Bodies() {
        videskRoom = utf8(videskRoom(VIDESK_ROOM_ID, 0, 7));
        videskPageRooms = new byte[VIDESK_PAGE_SIZE][];
        for (int i = 0; i < VIDESK_PAGE_SIZE; i++) {
            videskPageRooms[i] = utf8(videskRoom(String.format(Locale.ROOT, "65a0%020x", i), i, 1));
        }
        carbonioRooms = utf8(carbonioRooms(CARBONIO_ROOMS));
        carbonioUploadId = utf8("{\"id\":\"" + uuid(0xF11E, 1) + "\"}");
    }

    /** Builds every body (about 8 MB in all); a few hundred milliseconds. */
    public static Bodies build() {
        return new Bodies();
    }

    /** A page of the Videsk listing as JSON text, as the server would send it (for the spec check). */
    String videskPage(int skip, int limit) {
        StringBuilder b = new StringBuilder(pagePrefix(skip, limit));
        int n = pageItems(skip, limit);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append(new String(videskPageRooms[i], StandardCharsets.UTF_8));
        }
        return b.append(PAGE_SUFFIX).toString();
    }

    static String pagePrefix(int skip, int limit) {
        return "{\"total\":" + VIDESK_LISTING_TOTAL + ",\"limit\":" + limit + ",\"skip\":" + skip + ",\"data\":[";
    }

    static final String PAGE_SUFFIX = "]}";

    static int pageItems(int skip, int limit) {
        return Math.max(0, Math.min(Math.min(limit, VIDESK_PAGE_SIZE), VIDESK_LISTING_TOTAL - skip));
    }

    /** A Videsk Room with {@code authorizations} recorded accesses; 7 make it about 1 KB. */
    static String videskRoom(String id, int n, int authorizations) {
        StringBuilder b = new StringBuilder(1100);
        b.append("{\"id\":\"").append(id).append('"')
                .append(",\"name\":\"Team standup meeting ").append(n).append('"')
                .append(",\"externalId\":\"standup-2024-08-14-").append(n).append('"')
                .append(",\"exp\":\"2024-08-14T18:00:00.000Z\"")
                .append(",\"nbf\":\"2024-08-14T15:00:00.000Z\"")
                .append(",\"authorizations\":[");
        for (int a = 0; a < authorizations; a++) {
            b.append(a == 0 ? "" : ",")
                    .append("{\"ip\":\"192.168.").append(n % 250).append('.').append(a + 1).append('"')
                    .append(",\"jti\":\"").append(uuid(n, a)).append('"')
                    .append(",\"createdAt\":\"2024-08-14T15:").append(String.format(Locale.ROOT, "%02d", a % 60))
                    .append(":00.000Z\"}");
        }
        return b.append("]}").toString();
    }

    /**
     * {@code count} Carbonio rooms, about 750 bytes each: mostly groups with four members,
     * their ids, a meeting and the caller's settings, every other one with a picture; every
     * tenth a one-to-one room (empty name, no picture, settings without clearedAt), every 25th
     * a workspace with one channel.
     */
    static String carbonioRooms(int count) {
        StringBuilder b = new StringBuilder(count * 780);
        b.append('[');
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",");
            carbonioRoom(b, i);
        }
        return b.append(']').toString();
    }

    private static void carbonioRoom(StringBuilder b, int i) {
        boolean oneToOne = i % 10 == 3;
        boolean workspace = i % 25 == 7;
        String type = oneToOne ? "one_to_one" : workspace ? "workspace" : "group";
        int members = oneToOne ? 2 : 4;
        b.append("{\"id\":\"").append(uuid(0x500000 + i, 0)).append('"')
                .append(",\"name\":\"").append(oneToOne ? "" : "Design team " + i).append('"')
                .append(",\"description\":\"").append(oneToOne ? "" : "Design sync " + i).append('"')
                .append(",\"type\":\"").append(type).append('"')
                .append(",\"membersIds\":[");
        for (int m = 0; m < members; m++) {
            b.append(m == 0 ? "" : ",").append('"').append(uuid(0x300000 + (i + m) % 5000, m)).append('"');
        }
        b.append("],\"rank\":").append(i % 50)
                .append(",\"meetingId\":\"").append(uuid(0xE40000 + i, 2)).append('"')
                .append(",\"createdAt\":\"2026-11-20T09:30:00Z\"")
                .append(",\"updatedAt\":\"2026-11-21T16:45:12.250Z\"");
        if (!oneToOne && i % 2 == 0) {
            b.append(",\"pictureUpdatedAt\":\"2026-11-21T16:45:12.250Z\"");
        }
        if (workspace) {
            b.append(",\"children\":[{\"id\":\"").append(uuid(0xC00000 + i, 3)).append('"')
                    .append(",\"name\":\"announcements\",\"description\":\"\",\"type\":\"channel\"")
                    .append(",\"parentId\":\"").append(uuid(0x500000 + i, 0)).append('"')
                    .append(",\"rank\":1,\"createdAt\":\"2026-11-20T09:30:00Z\",\"updatedAt\":\"2026-11-20T09:30:00Z\"}]");
        }
        b.append(",\"members\":[");
        for (int m = 0; m < members; m++) {
            b.append(m == 0 ? "" : ",").append("{\"userId\":\"").append(uuid(0x300000 + (i + m) % 5000, m))
                    .append("\",\"owner\":").append(m == 0).append('}');
        }
        b.append("],\"userSettings\":{\"muted\":").append(i % 2 == 0);
        if (!oneToOne) {
            b.append(",\"clearedAt\":\"2026-11-20T09:30:00Z\"");
        }
        b.append("}}");
    }

    /** A deterministic version-4 UUID from two numbers. */
    static String uuid(long a, long b) {
        long msb = (a * 0x9E3779B97F4A7C15L) ^ (b << 17);
        long lsb = (a + 31 * b) * 0xC2B2AE3D27D4EB4FL;
        msb = (msb & ~0xF000L) | 0x4000L;
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Sizes, for the report. */
    List<String> describe() {
        List<String> d = new ArrayList<>();
        d.add(String.format(Locale.ROOT, "Videsk getRoom body: %,d bytes (7 authorizations)", videskRoom.length));
        d.add(String.format(Locale.ROOT, "Videsk listing page: %,d bytes (100 rooms), %,d pages, %,d rooms, %.1f MB a full pass",
                videskPage(0, VIDESK_PAGE_SIZE).length(), VIDESK_LISTING_TOTAL / VIDESK_PAGE_SIZE, VIDESK_LISTING_TOTAL,
                (double) videskPage(0, VIDESK_PAGE_SIZE).length() * (VIDESK_LISTING_TOTAL / VIDESK_PAGE_SIZE) / 1e6));
        d.add(String.format(Locale.ROOT, "Carbonio listRoom body: %,d bytes (%,d rooms, %.0f bytes a room)",
                carbonioRooms.length, CARBONIO_ROOMS, (double) carbonioRooms.length / CARBONIO_ROOMS));
        return d;
    }
}
