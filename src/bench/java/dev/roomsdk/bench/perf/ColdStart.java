package dev.roomsdk.bench.perf;

/**
 * A fresh JVM's first call: builds contender {@code args[0]} against {@code args[1]}, calls
 * Videsk getRoom({@code args[2]}) once and prints {@code ROOM <id>}; the parent times launch
 * to that line. Exits right after, without waiting for client threads.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        Contender c = Contenders.create(args[0], new Endpoints(args[1], null));
        Object room = c.videskGetRoom(args[2]);
        System.out.println("ROOM " + c.videskRoomSummary(room).split("\\|")[0]);
        System.out.flush();
        System.exit(0);
    }
}
