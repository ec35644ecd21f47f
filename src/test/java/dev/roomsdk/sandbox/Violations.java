package dev.roomsdk.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The contract violations the sandbox saw, every API together: requests the SDK (or your
 * code) sent against the contract, and any answer of the sandbox itself that broke it. The
 * first {@value #KEPT} reports are kept; all are counted. Thread-safe.
 */
final class Violations {

    static final int KEPT = 100;

    private final List<String> kept = new ArrayList<>();
    private long count;
    private volatile Consumer<String> listener = report -> { };

    synchronized void add(String report) {
        count++;
        if (kept.size() < KEPT) {
            kept.add(report);
        }
        listener.accept(report);
    }

    /** Told of each violation as it is seen (server mode prints them). */
    void onViolation(Consumer<String> listener) {
        this.listener = listener;
    }

    synchronized List<String> list() {
        return List.copyOf(kept);
    }

    synchronized long count() {
        return count;
    }

    synchronized void clear() {
        kept.clear();
        count = 0;
    }
}
