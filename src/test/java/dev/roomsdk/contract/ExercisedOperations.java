package dev.roomsdk.contract;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which spec operations the suite has sent a validated request for, with the query of each
 * such request and the test method that sent it, kept in files so the coverage checks can run
 * in another JVM, after every test JVM of the build has finished (surefire's {@code coverage}
 * execution, see the pom), whatever the forking, parallelism or class order.
 *
 * <p>Layout: {@code <dir>/<api>/<operationId>.<jvm>.txt}, one file per operation and test JVM
 * ({@code <jvm>} is the process id plus a random part), so no two processes ever write one
 * file. Each line is one record, {@code <SimpleClassName#method>\t<query as JSON>}, appended
 * with a single write under a lock of this JVM; a file exists only once it holds a record.
 * {@code <dir>} is the build's own directory, {@code target/contract-coverage/build-<start>}
 * (system property {@value #DIR_PROPERTY}, set by the pom from Maven's session start time),
 * so records of an earlier build are never read; the first record of a JVM deletes the other
 * builds' directories beside it (hygiene: nothing reads them).
 */
public final class ExercisedOperations {

    /** The build's recording directory, given by surefire. */
    static final String DIR_PROPERTY = "contract.coverage.dir";
    /** Set by the pom for the coverage execution: the checks must run (never skip) there. */
    static final String REQUIRED_PROPERTY = "contract.coverage.required";
    /** Distinct queries kept per operation and test; enough to see a walk over a few pages, bounded for load tests. */
    static final int MAX_QUERIES_PER_TEST = 64;

    private static final Pattern OPERATION_FILE = Pattern.compile("([A-Za-z0-9_-]+)\\.([A-Za-z0-9-]+)\\.txt");
    private static final Pattern BUILD_DIR = Pattern.compile("(build|jvm)-[0-9a-f-]+");
    private static final Type QUERY = new TypeToken<Map<String, List<String>>>() { }.getType();
    private static final Gson GSON = new Gson();

    private static volatile ExercisedOperations current;

    private final Path dir;
    private final String jvm;
    /** What this JVM wrote already, per api, operation and test: for the bound and to write each record once. */
    private final Map<String, Set<String>> written = new HashMap<>();
    private boolean staleDeleted;

    ExercisedOperations(Path dir) {
        this.dir = dir;
        this.jvm = ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    }

    /**
     * The records of this build: the directory surefire names, or, outside Maven (an IDE run),
     * a directory of this JVM's own, which only this JVM's tests write.
     */
    static ExercisedOperations current() {
        ExercisedOperations c = current;
        if (c == null) {
            synchronized (ExercisedOperations.class) {
                c = current;
                if (c == null) {
                    c = new ExercisedOperations(configuredDir().orElseGet(() -> Path.of("target", "contract-coverage",
                            "jvm-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()))));
                    current = c;
                }
            }
        }
        return c;
    }

    /** The directory surefire gives the test JVMs, if this JVM was started by it. */
    static Optional<Path> configuredDir() {
        String value = System.getProperty(DIR_PROPERTY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.contains("${")) {
            throw new IllegalStateException(DIR_PROPERTY + " was not interpolated by Maven: " + value);
        }
        return Optional.of(Path.of(value));
    }

    Path dir() {
        return dir;
    }

    /**
     * Records that {@code test} ({@code SimpleClassName#method}) sent a validated request for
     * {@code operationId} of {@code api} with {@code query}. Thread-safe; a record already
     * written by this JVM, or beyond {@link #MAX_QUERIES_PER_TEST} for the test, is not written again.
     */
    synchronized void record(String api, String operationId, String test, Map<String, List<String>> query) {
        if (test.indexOf('\t') >= 0 || test.indexOf('\n') >= 0 || test.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("test name with a tab or line break: " + test);
        }
        Map<String, List<String>> sorted = new TreeMap<>(query);
        String line = test + "\t" + GSON.toJson(sorted, QUERY) + "\n";
        Set<String> lines = written.computeIfAbsent(api + " " + operationId + " " + test, k -> new HashSet<>());
        if (lines.size() >= MAX_QUERIES_PER_TEST || !lines.add(line)) {
            return;
        }
        try {
            deleteOtherBuildsOnce();
            Path file = dir.resolve(api).resolve(operationId + "." + jvm + ".txt");
            Files.createDirectories(file.getParent());
            // O_APPEND, one write of one line, one writer per file: a reader sees whole lines only
            Files.write(file, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record coverage under " + dir, e);
        }
    }

    /** Deletes the recording directories of other builds beside this one (each JVM tries once). */
    private void deleteOtherBuildsOnce() {
        if (staleDeleted) {
            return;
        }
        staleDeleted = true;
        Path parent = dir.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent)) {
            for (Path sibling : siblings) {
                String name = sibling.getFileName().toString();
                if (!sibling.equals(dir.toAbsolutePath()) && BUILD_DIR.matcher(name).matches() && Files.isDirectory(sibling)) {
                    deleteTree(sibling);
                }
            }
        } catch (IOException e) {
            // hygiene only: another build's directory is never read
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // another JVM of this build may be deleting it too
                }
            });
        } catch (NoSuchFileException gone) {
            // deleted meanwhile
        } catch (IOException | UncheckedIOException e) {
            // hygiene only
        }
    }

    /** Operations of {@code api} with at least one record, sorted. */
    TreeSet<String> exercised(String api) {
        TreeSet<String> ops = new TreeSet<>();
        for (Path file : files(api)) {
            if (!lines(file).isEmpty()) {
                ops.add(operationOf(file));
            }
        }
        return ops;
    }

    /** Operations of {@code api}'s spec never exercised in this build, sorted. */
    TreeSet<String> missing(String api) {
        TreeSet<String> missing = ApiSpec.of(api).operationIds();
        missing.removeAll(exercised(api));
        return missing;
    }

    /**
     * Per test ({@code SimpleClassName#method}), the distinct query parameter maps of the
     * validated requests it sent for {@code operationId}, in the order first seen within each JVM.
     */
    Map<String, List<Map<String, List<String>>>> queriesByTest(String api, String operationId) {
        Map<String, LinkedHashSet<Map<String, List<String>>>> byTest = new TreeMap<>();
        for (Path file : files(api)) {
            if (!operationOf(file).equals(operationId)) {
                continue;
            }
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalStateException(file + " line " + (i + 1) + " is no record: " + line);
                }
                Map<String, List<String>> query;
                try {
                    query = GSON.fromJson(line.substring(tab + 1), QUERY);
                } catch (JsonParseException e) {
                    throw new IllegalStateException(file + " line " + (i + 1) + " is no record: " + line, e);
                }
                byTest.computeIfAbsent(line.substring(0, tab), k -> new LinkedHashSet<>())
                        .add(query == null ? Map.of() : Map.copyOf(query));
            }
        }
        Map<String, List<Map<String, List<String>>>> result = new LinkedHashMap<>();
        byTest.forEach((test, queries) -> result.put(test, List.copyOf(queries)));
        return Collections.unmodifiableMap(result);
    }

    private List<Path> files(String api) {
        Path apiDir = dir.resolve(api);
        if (!Files.isDirectory(apiDir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(apiDir)) {
            List<Path> files = list.filter(p -> OPERATION_FILE.matcher(p.getFileName().toString()).matches())
                    .sorted().collect(Collectors.toList());
            return new ArrayList<>(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String operationOf(Path file) {
        var m = OPERATION_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        return m.group(1);
    }

    private static List<String> lines(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                throw new IllegalStateException(file + " ends inside a record: a test JVM died while writing it");
            }
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
