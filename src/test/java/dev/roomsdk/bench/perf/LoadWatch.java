package dev.roomsdk.bench.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average while the benchmark runs: {@code /proc/loadavg} read every
 * second on a daemon thread, keeping the highest 1-minute figure seen. The benchmark itself
 * counts in it (it keeps a core or two busy), so compare with the value before the run.
 */
final class LoadWatch implements AutoCloseable {

    private final Thread sampler;
    private volatile boolean running = true;
    private volatile double peak1m;

    LoadWatch() {
        sampler = new Thread(() -> {
            while (running) {
                peak1m = Math.max(peak1m, oneMinute());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "perf-load-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    double peakOneMinute() {
        return peak1m;
    }

    /** The three load averages as the kernel prints them, or "unknown". */
    static String now() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double oneMinute() {
        try {
            return Double.parseDouble(now().split(" ")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(2000);
    }
}
