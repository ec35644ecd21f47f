package dev.roomsdk.contract;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which spec operations the suite has sent a validated request for, per API. Filled by
 * {@link ContractServer} after each test and read by the per-API spec coverage tests, which
 * run last (see the surefire class order in the pom).
 */
public final class ExercisedOperations {

    private static final Map<String, Set<String>> BY_API = new ConcurrentHashMap<>();

    private ExercisedOperations() {
    }

    static void record(String api, String operationId) {
        BY_API.computeIfAbsent(api, k -> ConcurrentHashMap.newKeySet()).add(operationId);
    }

    /** Operations of {@code api} never exercised so far, sorted. */
    public static TreeSet<String> missing(String api) {
        TreeSet<String> missing = ApiSpec.of(api).operationIds();
        missing.removeAll(BY_API.getOrDefault(api, Set.of()));
        return missing;
    }
}
