package dev.roomsdk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.testing.Concurrently;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coverage records themselves: what several test JVMs (here, several recorders on one
 * directory) and many threads write is read back whole by the checks, in any order; another
 * build's records never count and are deleted; a record cut short is reported, not skipped.
 */
class ExercisedOperationsTest {

    @TempDir
    Path root;

    static Map<String, List<String>> page(String skip) {
        return skip == null ? Map.of("$limit", List.of("2")) : Map.of("$limit", List.of("2"), "$skip", List.of(skip));
    }

    @Test
    void recordsOfSeveralJvmsAndThreadsAreReadBackWhole() throws Exception {
        Path dir = root.resolve("build-1");
        ExercisedOperations forkA = new ExercisedOperations(dir);
        ExercisedOperations forkB = new ExercisedOperations(dir);

        Concurrently.releaseTogether(8, () -> {
            for (int i = 0; i < 20; i++) {
                forkA.record("videsk", "listRooms", "VideskPaginationTest#walk", page(i == 0 ? null : Integer.toString(i)));
                forkB.record("videsk", "getRoom", "VideskRoomsContractTest#get" + (i % 3), Map.of());
            }
            return null;
        });
        forkB.record("videsk", "listRooms", "VideskRoomsContractTest#list", Map.of());

        ExercisedOperations checks = new ExercisedOperations(dir); // the coverage execution, another JVM
        assertEquals(new TreeSet<>(Set.of("getRoom", "listRooms")), checks.exercised("videsk"));
        assertEquals(new TreeSet<>(Set.of("createRoom", "deleteRoom", "joinRoom", "updateRoom")), checks.missing("videsk"));

        Map<String, List<Map<String, List<String>>>> listing = checks.queriesByTest("videsk", "listRooms");
        assertEquals(Set.of("VideskPaginationTest#walk", "VideskRoomsContractTest#list"), listing.keySet());
        assertEquals(20, listing.get("VideskPaginationTest#walk").size(), "each distinct query once, from 8 threads");
        assertEquals(page(null), listing.get("VideskPaginationTest#walk").get(0), "in the order first seen");
        assertEquals(Set.of("VideskRoomsContractTest#get0", "VideskRoomsContractTest#get1", "VideskRoomsContractTest#get2"),
                checks.queriesByTest("videsk", "getRoom").keySet());

        try (Stream<Path> files = Files.list(dir.resolve("videsk"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
            assertEquals(3, names.size(), "one file per operation and JVM: " + names);
        }
    }

    @Test
    void aTestRecordsAtMostABoundedNumberOfQueriesPerOperation() {
        ExercisedOperations fork = new ExercisedOperations(root.resolve("build-2"));
        for (int i = 0; i < 1_000; i++) {
            fork.record("videsk", "listRooms", "VideskLoadTest#load", page(Integer.toString(i)));
        }
        assertEquals(ExercisedOperations.MAX_QUERIES_PER_TEST,
                fork.queriesByTest("videsk", "listRooms").get("VideskLoadTest#load").size());
    }

    @Test
    void anotherBuildsRecordsNeverCountAndAreDeletedByTheFirstRecord() throws IOException {
        ExercisedOperations earlier = new ExercisedOperations(root.resolve("build-100"));
        earlier.record("videsk", "createRoom", "Old#test", Map.of());
        Files.createDirectories(root.resolve("unrelated"));

        ExercisedOperations now = new ExercisedOperations(root.resolve("build-200"));
        assertEquals(new TreeSet<>(), now.exercised("videsk"), "nothing of build-100 is read");
        assertTrue(Files.isDirectory(root.resolve("build-100")), "reading deletes nothing");

        now.record("videsk", "getRoom", "New#test", Map.of());

        assertFalse(Files.exists(root.resolve("build-100")), "the earlier build's records are gone");
        assertTrue(Files.isDirectory(root.resolve("unrelated")), "only recording directories are deleted");
        assertEquals(new TreeSet<>(Set.of("getRoom")), new ExercisedOperations(root.resolve("build-200")).exercised("videsk"));
    }

    @Test
    void aRecordCutShortIsReportedNamingTheFile() throws IOException {
        Path dir = root.resolve("build-3");
        Files.createDirectories(dir.resolve("videsk"));
        Path file = dir.resolve("videsk").resolve("getRoom.123-abc.txt");
        Files.writeString(file, "A#b\t{}\nA#c\t{\"$li", StandardCharsets.UTF_8);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ExercisedOperations(dir).exercised("videsk"));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void testNamesCannotBreakTheFormat() {
        ExercisedOperations fork = new ExercisedOperations(root.resolve("build-4"));
        assertThrows(IllegalArgumentException.class, () -> fork.record("videsk", "getRoom", "A#b\tc", Map.of()));
        fork.record("videsk", "getRoom", "A#b", Map.of("q", List.of("line\nbreak\ttab")));
        assertEquals(List.of(Map.of("q", List.of("line\nbreak\ttab"))),
                new ExercisedOperations(root.resolve("build-4")).queriesByTest("videsk", "getRoom").get("A#b"));
    }
}
