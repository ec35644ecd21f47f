package dev.roomsdk.bench.perf;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the contenders of one scenario in alternation: every round runs one batch of each, in
 * an order rotated from round to round (so none always goes first, after the collector or
 * after another's garbage), after warm-up rounds done the same way and thrown away. A batch
 * is timed with {@link System#nanoTime()} and its allocation read from the calling thread's
 * allocated-bytes counter ({@link com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()}),
 * so both are per operation. Measured rounds stop early, keeping at least three, once the
 * scenario's time cap is spent.
 */
final class Sampler {

    /** One operation of one contender. */
    interface Op {
        Object run() throws Exception;
    }

    /** A contender's operation under its name ({@code raw} is the reference). */
    record Entry(String name, Op op) {
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    // results land here so no operation's work can be dropped as unused
    private static final Object[] KEEP = new Object[64];

    private Sampler() {
    }

    /**
     * @param opsPerBatch  operations per batch (one timing and one allocation reading)
     * @param itemsPerOp   divisor of each figure (100,000 for the listing: per item, not per pass)
     * @param gcFirst      collect before each batch, so each pays for its own garbage
     */
    static Map<String, Series> rounds(List<Entry> entries, int opsPerBatch, int itemsPerOp, int warmupRounds,
                                      int rounds, boolean gcFirst, long capNanos) throws Exception {
        Map<String, Series> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.name(), new Series(e.name())));
        for (int w = 0; w < warmupRounds; w++) {
            for (Entry e : rotated(entries, w)) {
                batch(e, opsPerBatch, gcFirst);
            }
        }
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            if (r >= 3 && System.nanoTime() - start > capNanos) {
                break;
            }
            for (Entry e : rotated(entries, r)) {
                long[] m = batch(e, opsPerBatch, gcFirst);
                double per = (double) opsPerBatch * itemsPerOp;
                out.get(e.name()).values.add(m[0] / per);
                out.get(e.name()).allocated.add(m[1] / per);
            }
        }
        return out;
    }

    /** {nanos, bytes allocated by this thread} for {@code ops} operations. */
    private static long[] batch(Entry e, int ops, boolean gcFirst) throws Exception {
        if (gcFirst) {
            System.gc();
        }
        long a0 = THREADS.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            Object result = e.op().run();
            if (result == null) {
                throw new IllegalStateException(e.name() + " returned nothing");
            }
            KEEP[i & 63] = result;
        }
        long t1 = System.nanoTime();
        long a1 = THREADS.getCurrentThreadAllocatedBytes();
        return new long[] {t1 - t0, a1 - a0};
    }

    /**
     * Throughput with {@code threads} threads calling one shared contender for
     * {@code roundNanos} per round (each thread also stops after {@code maxOpsPerThread}):
     * operations per second over the round's wall time.
     */
    static Map<String, Series> throughput(List<Entry> entries, int threads, long warmupNanos, long roundNanos,
                                          int rounds, long maxOpsPerThread) throws Exception {
        Map<String, Series> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.name(), new Series(e.name())));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "perf-load");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Entry e : entries) {
                concurrent(pool, e, threads, warmupNanos, maxOpsPerThread);
            }
            for (int r = 0; r < rounds; r++) {
                for (Entry e : rotated(entries, r)) {
                    out.get(e.name()).values.add(concurrent(pool, e, threads, roundNanos, maxOpsPerThread));
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return out;
    }

    private static double concurrent(ExecutorService pool, Entry e, int threads, long nanos, long maxOps) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<Long>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                go.await();
                long n = 0;
                while (n < maxOps && System.nanoTime() < deadline[0]) {
                    if (e.op().run() == null) {
                        throw new IllegalStateException(e.name() + " returned nothing");
                    }
                    n++;
                }
                return n;
            }));
        }
        long t0 = System.nanoTime();
        deadline[0] = t0 + nanos;
        go.countDown();
        long total = 0;
        for (Future<Long> f : done) {
            total += f.get(nanos / 1_000_000 + 60_000, TimeUnit.MILLISECONDS);
        }
        long elapsed = System.nanoTime() - t0;
        return total / (elapsed / 1e9);
    }

    static List<Entry> rotated(List<Entry> entries, int round) {
        List<Entry> r = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            r.add(entries.get((i + round) % entries.size()));
        }
        return r;
    }
}
