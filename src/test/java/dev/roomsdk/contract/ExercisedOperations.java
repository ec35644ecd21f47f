package dev.roomsdk.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which spec operations the suite has sent a validated request for, per API, and the query
 * of each such request per test method. Filled by {@link ContractServer} after each test and
 * read by the tests that run last (see the surefire class order in the pom): the spec
 * coverage tests and {@code PaginatedOperationsTest}.
 */
public final class ExercisedOperations {

    /** Distinct queries kept per operation and test; enough to see a walk over a few pages, bounded for load tests. */
    static final int MAX_QUERIES_PER_TEST = 64;

    private static final Map<String, Set<String>> BY_API = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Set<Map<String, List<String>>>>> QUERIES = new ConcurrentHashMap<>();

    private ExercisedOperations() {
    }

    static void record(String api, String operationId) {
        BY_API.computeIfAbsent(api, k -> ConcurrentHashMap.newKeySet()).add(operationId);
    }

    /** Records the query parameters of one validated request that {@code test} ({@code Class#method}) sent. */
    static void recordQuery(String api, String operationId, String test, Map<String, List<String>> query) {
        Set<Map<String, List<String>>> queries = QUERIES
                .computeIfAbsent(api + " " + operationId, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(test, k -> Collections.synchronizedSet(new LinkedHashSet<>()));
        synchronized (queries) {
            if (queries.size() < MAX_QUERIES_PER_TEST) {
                queries.add(Map.copyOf(query));
            }
        }
    }

    /** Operations of {@code api} never exercised so far, sorted. */
    public static TreeSet<String> missing(String api) {
        TreeSet<String> missing = ApiSpec.of(api).operationIds();
        missing.removeAll(BY_API.getOrDefault(api, Set.of()));
        return missing;
    }

    /**
     * Per test ({@code SimpleClassName#method}), the distinct query parameter maps of the
     * validated requests it sent for {@code operationId}, in the order first seen.
     */
    public static Map<String, List<Map<String, List<String>>>> queriesByTest(String api, String operationId) {
        Map<String, List<Map<String, List<String>>>> copy = new ConcurrentHashMap<>();
        QUERIES.getOrDefault(api + " " + operationId, Map.of()).forEach((test, queries) -> {
            synchronized (queries) {
                copy.put(test, List.copyOf(new ArrayList<>(queries)));
            }
        });
        return copy;
    }
}
