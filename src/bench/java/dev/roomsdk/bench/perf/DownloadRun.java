package dev.roomsdk.bench.perf;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One streamed download in a fresh JVM (started with {@code -Xmx64m} by the parent): contender
 * {@code args[0]} fetches attachment {@code args[2]} from {@code args[1]} into a discarding
 * stream and prints {@code DOWNLOAD <bytes> <nanos> <peak heap used, sampled every 2 ms>}.
 */
public final class DownloadRun {

    private DownloadRun() {
    }

    public static void main(String[] args) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] peak = new long[1];
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                synchronized (peak) {
                    peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        System.gc();
        sampler.start();
        Contender c = Contenders.create(args[0], new Endpoints(args[1], null));
        long t0 = System.nanoTime();
        long n = c.carbonioDownload(UUID.fromString(args[2]), OutputStream.nullOutputStream());
        long nanos = System.nanoTime() - t0;
        running.set(false);
        sampler.interrupt();
        sampler.join(1000);
        long expected = Long.parseLong(args[3]);
        if (n != expected) {
            throw new AssertionError("downloaded " + n + " of " + expected);
        }
        synchronized (peak) {
            System.out.println("DOWNLOAD " + n + " " + nanos + " " + peak[0]);
        }
        System.out.flush();
        System.exit(0);
    }
}
