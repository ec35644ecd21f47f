package dev.roomsdk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples used heap on a daemon thread every few milliseconds and keeps the peak. */
final class HeapWatcher implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peak;

    HeapWatcher() {
        System.gc();
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watcher");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakBytes() {
        return peak;
    }

    /**
     * Heap still in use right after a full collection: what is reachable now. Costs a
     * {@code System.gc()}, so call it at a few chosen points only.
     */
    static long liveBytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(1000);
    }

    static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
