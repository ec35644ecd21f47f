package dev.roomsdk.bench.perf;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * One way of calling the two APIs that the benchmark compares: {@code raw} (hand-written
 * OkHttp + Gson), {@code plain} (the stock generator) or {@code sdk}. Every method does the
 * whole call its name says, fully decoding the answer into that contender's own model
 * classes; the harness keeps what they return so nothing is optimised away. Instances are
 * thread-safe (the throughput scenario shares one across threads).
 */
public interface Contender extends AutoCloseable {

    String name();

    /** The operations a scenario can time. */
    enum Operation { GET_ROOM, BUILD_GET_ROOM, LIST_ALL, LIST_ROOM, UPLOAD, DOWNLOAD }

    /** How this contender does {@code operation}, in a few words for the report. */
    String how(Operation operation);

    /** Videsk {@code GET /vpaas/rooms/{roomId}}: the decoded room. */
    Object videskGetRoom(String roomId) throws Exception;

    /** The same call built and ready to execute (an {@code okhttp3.Call}), nothing sent. */
    Object videskBuildGetRoom(String roomId) throws Exception;

    /**
     * Every room of the Videsk listing, page by page ({@code $limit} 100), each item
     * touched once (its id's length is summed, the value returned).
     */
    long videskListAll() throws Exception;

    /** Carbonio {@code GET /rooms}: the decoded list. */
    List<?> carbonioListRoom() throws Exception;

    /** Carbonio {@code insertAttachment} of {@code file} (raw octet-stream): the new id. */
    String carbonioUpload(UUID roomId, Path file) throws Exception;

    /**
     * Builds whatever this contender builds before its first Carbonio call (nothing when its
     * constructor already did), so a timed window that is about a call holds only the call.
     */
    default void prepareCarbonio() {
    }

    /** Carbonio {@code getAttachment} streamed into {@code sink}: the byte count. */
    long carbonioDownload(UUID fileId, OutputStream sink) throws Exception;

    /** What a decoded Videsk room holds, in one form for every contender (correctness check). */
    String videskRoomSummary(Object room);

    /** What a decoded Carbonio room list holds, in one form for every contender. */
    String carbonioRoomsSummary(List<?> rooms);

    @Override
    void close();
}
