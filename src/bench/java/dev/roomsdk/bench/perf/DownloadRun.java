package dev.roomsdk.bench.perf;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One streamed download in a fresh JVM (started with {@code -Xmx64m} by the parent): contender
 * {@code args[0]}, its clients built, fetches attachment {@code args[2]} from {@code args[1]}
 * into a discarding stream and prints {@code DOWNLOAD <bytes> <nanos> <peak heap used>}, the
 * peak being the sum of the heap pools' own peaks from just before the contender is built (an
 * upper bound: the pools need not peak together).
 */
public final class DownloadRun {

    private DownloadRun() {
    }

    public static void main(String[] args) throws Exception {
        // peak heap from the JVM's own per-pool peaks, not a sampling thread: a thread waking
        // every few ms on 2 cores perturbed the throughput it sat beside (by up to 12%)
        System.gc();
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                heap.add(pool);
            }
        }
        Contender c = Contenders.create(args[0], new Endpoints(args[1], null));
        // raw's client exists once it is constructed; the SDK's Carbonio client once asked for
        c.prepareCarbonio();
        long t0 = System.nanoTime();
        long n = c.carbonioDownload(UUID.fromString(args[2]), OutputStream.nullOutputStream());
        long nanos = System.nanoTime() - t0;
        long expected = Long.parseLong(args[3]);
        if (n != expected) {
            throw new AssertionError("downloaded " + n + " of " + expected);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : heap) {
            peak += pool.getPeakUsage().getUsed();
        }
        System.out.println("DOWNLOAD " + n + " " + nanos + " " + peak);
        System.out.flush();
        System.exit(0);
    }
}
