package dev.roomsdk.core.transfer;

/** Counts bytes and tells a {@link ProgressListener}, rate-limited so a fast copy does not flood it. */
final class ProgressReporter {

    private static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final ProgressListener listener;
    private final long total;
    private long done;
    private long lastReport = Long.MIN_VALUE;

    ProgressReporter(ProgressListener listener, long total) {
        this.listener = listener;
        this.total = total;
    }

    void add(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (lastReport == Long.MIN_VALUE || now - lastReport >= MIN_INTERVAL_NANOS) {
            lastReport = now;
            listener.onProgress(done, total);
        }
    }

    void finish() {
        listener.onProgress(done, total);
    }

    long done() {
        return done;
    }
}
