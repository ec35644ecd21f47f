package dev.roomsdk.bench.perf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The performance comparison of issue 12: raw OkHttp + Gson, the stock generator ("plain")
 * and the SDK, side by side against one loopback server, one scenario after another, the
 * contenders alternating round by round inside each scenario. Writes the report to
 * {@code <args[0]>/results.md} (default {@code target/perf}) and prints it. Run with
 * {@code mvn -B -Pperf verify -DskipTests}; {@code -Dperf.quick=true} (passed through
 * {@code -Dperf.jvmArgs="-Xms1g -Xmx1g -Dperf.quick=true"}) runs a few-second smoke version.
 * {@code -Dperf.enforce=true} makes a failed decode-allocation check fail the run.
 * Every loop is bounded in count, every scenario in time, every child JVM by a timeout.
 */
public final class PerfBenchmark {

    private static final boolean QUICK = Boolean.getBoolean("perf.quick");
    /** {@code -Dperf.only=cold-start,download}: only these scenarios (names with dashes for spaces), e.g. to profile one. */
    private static final List<String> ONLY = System.getProperty("perf.only", "").isBlank() ? List.of()
            : List.of(System.getProperty("perf.only").split("\\s*,\\s*"));
    private static final double DECODE_ALLOCATION_LIMIT = 1.5;
    private static final long DOWNLOAD_SIZE = QUICK ? 64L << 20 : 1L << 30;
    private static final long UPLOAD_SIZE = QUICK ? 8L << 20 : 64L << 20;

    private final List<String> report = new ArrayList<>();
    private final Path outDir;
    private PerfServer server;
    private Bodies bodies;
    private boolean decodeCheckPassed = true;

    private PerfBenchmark(Path outDir) {
        this.outDir = outDir;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/perf");
        Files.createDirectories(out);
        PerfBenchmark bench = new PerfBenchmark(out);
        bench.run();
        if (Boolean.getBoolean("perf.enforce") && !bench.decodeCheckPassed) {
            System.exit(1);
        }
        // the contenders' OkHttp threads are daemons or idle; nothing else to wait for
        System.exit(0);
    }

    private static int pick(int full, int quick) {
        return QUICK ? quick : full;
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        String uptimeBefore = command("uptime");
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        log("perf benchmark " + (QUICK ? "(quick) " : "") + "starting " + date + "; load " + uptimeBefore);

        bodies = Bodies.build();
        long t = System.nanoTime();
        List<String> valid = SpecCheck.check(bodies);
        log("bodies checked against the specs in " + Fmt.time(System.nanoTime() - t) + ": " + valid);

        try (LoadWatch load = new LoadWatch(); PerfServer s = new PerfServer(bodies, DOWNLOAD_SIZE)) {
            server = s;
            Endpoints loopback = new Endpoints(server.baseUrl(), null);
            Map<String, Contender> contenders = new LinkedHashMap<>();
            for (String name : Contenders.NAMES) {
                contenders.put(name, Contenders.create(name, loopback));
            }
            try {
                checkSameResults(contenders);
                scenario("getRoom latency", () -> getRoomLatency(contenders));
                scenario("getRoom throughput", () -> getRoomThroughput(contenders));
                scenario("build", () -> buildRequest(contenders));
                scenario("in-memory getRoom", this::inMemoryGetRoom);
                scenario("listRoom", () -> carbonioListRoom(contenders));
                scenario("listing", () -> videskListing(contenders));
                scenario("upload", () -> upload(contenders));
                scenario("cold start", () -> coldStart(contenders));
                scenario("download", () -> download(contenders));
            } finally {
                contenders.values().forEach(Contender::close);
            }
            String uptimeAfter = command("uptime");
            write(date, uptimeBefore, uptimeAfter, load.peakOneMinute(), valid, System.nanoTime() - started);
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private void scenario(String name, Body body) throws Exception {
        if (!ONLY.isEmpty() && !ONLY.contains(name.replace(' ', '-'))) {
            return;
        }
        String before = LoadWatch.now();
        long t0 = System.nanoTime();
        log("scenario " + name + " (load " + before + ")");
        body.run();
        String line = "Load average (1, 5, 15 min) at start " + before + ", at end " + LoadWatch.now()
                + "; scenario took " + Fmt.time(System.nanoTime() - t0) + ".";
        report.add(line + "\n");
        log("  " + line);
    }

    // ------------------------------------------------------------------ correctness

    /** Every contender decodes the same values before anything is timed. */
    private void checkSameResults(Map<String, Contender> contenders) throws Exception {
        String room = null;
        String rooms = null;
        Long listing = null;
        for (Contender c : contenders.values()) {
            String r = c.videskRoomSummary(c.videskGetRoom(Bodies.VIDESK_ROOM_ID));
            String l = c.carbonioRoomsSummary(c.carbonioListRoom());
            long sum = c.videskListAll();
            Path file = uploadFile();
            String id = c.carbonioUpload(Bodies.CARBONIO_ROOM_ID, file);
            if (room == null) {
                room = r;
                rooms = l;
                listing = sum;
            }
            if (!r.equals(room) || !l.equals(rooms) || sum != listing
                    || sum != (long) Bodies.VIDESK_LISTING_TOTAL * 24 || !id.equals(Bodies.uuid(0xF11E, 1))) {
                throw new IllegalStateException(c.name() + " decoded something else: " + r + " / " + l + " / " + sum
                        + " / " + id + " (raw: " + room + " / " + rooms + " / " + listing + ")");
            }
        }
        log("all contenders decode the same: room " + room + "; rooms " + rooms + "; listing id chars " + listing);
    }

    // ------------------------------------------------------------------ scenarios

    private static List<Sampler.Entry> entries(Map<String, Contender> contenders, Function<Contender, Sampler.Op> op) {
        return contenders.values().stream().map(c -> new Sampler.Entry(c.name(), op.apply(c))).collect(Collectors.toList());
    }

    private void getRoomLatency(Map<String, Contender> contenders) throws Exception {
        // short batches, many rounds: a burst of load elsewhere spoils a few rounds, not a contender
        Map<String, Series> s = Sampler.rounds(entries(contenders, c -> () -> c.videskGetRoom(Bodies.VIDESK_ROOM_ID)),
                pick(100, 50), 1, pick(100, 4), pick(200, 5), false, TimeUnit.SECONDS.toNanos(60));
        add(new ResultTable("Videsk getRoom, 1 KB, latency, 1 thread",
                "Time per call over loopback HTTP (keep-alive), one thread; " + pick(100, 50)
                        + " calls per contender per round.", false, Fmt::time, "allocated per call", s)
                .note(how(contenders, Contender.Operation.GET_ROOM)));
    }

    private void getRoomThroughput(Map<String, Contender> contenders) throws Exception {
        int threads = 8;
        Map<String, Series> s = Sampler.throughput(entries(contenders, c -> () -> c.videskGetRoom(Bodies.VIDESK_ROOM_ID)),
                threads, TimeUnit.MILLISECONDS.toNanos(pick(1500, 300)), TimeUnit.MILLISECONDS.toNanos(pick(1500, 300)),
                pick(8, 2), 1_000_000);
        add(new ResultTable("Videsk getRoom, 1 KB, throughput, 8 threads",
                "Calls per second, " + threads + " threads sharing one client, " + pick(1500, 300)
                        + " ms per contender per round (the server runs on the same cores).",
                true, v -> Fmt.rate(v, "calls/s"), "allocated per call", s)
                .note(how(contenders, Contender.Operation.GET_ROOM)));
    }

    private void buildRequest(Map<String, Contender> contenders) throws Exception {
        Map<String, Series> s = Sampler.rounds(entries(contenders, c -> () -> c.videskBuildGetRoom(Bodies.VIDESK_ROOM_ID)),
                pick(20_000, 2_000), 1, pick(6, 2), pick(20, 3), false, TimeUnit.SECONDS.toNanos(40));
        add(new ResultTable("Building the Videsk getRoom call, no I/O",
                "From arguments to an executable okhttp3.Call, nothing sent. Interceptors run only when a call"
                        + " executes, so they are not in this figure; the in-memory scenario below has them.",
                false, Fmt::time, "allocated per call", s).note(how(contenders, Contender.Operation.BUILD_GET_ROOM)));
    }

    private void inMemoryGetRoom() throws Exception {
        InMemorySockets sockets = new InMemorySockets(PerfServer.response(200, "application/json", bodies.videskRoom));
        Endpoints inMemory = new Endpoints("http://127.0.0.1:9", sockets);
        Map<String, Contender> contenders = new LinkedHashMap<>();
        for (String name : Contenders.NAMES) {
            contenders.put(name, Contenders.create(name, inMemory));
        }
        try {
            String ref = null;
            for (Contender c : contenders.values()) {
                String r = c.videskRoomSummary(c.videskGetRoom(Bodies.VIDESK_ROOM_ID));
                ref = ref == null ? r : ref;
                if (!r.equals(ref)) {
                    throw new IllegalStateException(c.name() + " decoded " + r + " in memory, raw " + ref);
                }
            }
            Map<String, Series> s = Sampler.rounds(entries(contenders, c -> () -> c.videskGetRoom(Bodies.VIDESK_ROOM_ID)),
                    pick(2_000, 300), 1, pick(6, 2), pick(20, 3), false, TimeUnit.SECONDS.toNanos(40));
            add(new ResultTable("Videsk getRoom, 1 KB, whole call without the network",
                    "The same call with each contender's OkHttp client given an in-memory socket factory (writes"
                            + " discarded, the canned 1 KB response read back): request building, every interceptor,"
                            + " OkHttp's HTTP/1.1 codec and decoding, no kernel, no server. The client CPU cost of one"
                            + " call. Each client is its default one with only the socket factory changed (see each"
                            + " contender's class for how).", false, Fmt::time, "allocated per call", s)
                    .note(how(contenders, Contender.Operation.GET_ROOM)));
        } finally {
            contenders.values().forEach(Contender::close);
        }
    }

    private void carbonioListRoom(Map<String, Contender> contenders) throws Exception {
        List<Sampler.Entry> e = entries(contenders, c -> c::carbonioListRoom);
        RawContender transport = new RawContender(new Endpoints(server.baseUrl(), null));
        String baseline = "transport only (raw, body discarded)";
        e.add(new Sampler.Entry(baseline, transport::carbonioListRoomDiscarded));
        Map<String, Series> s;
        try {
            s = Sampler.rounds(e, 1, 1, pick(3, 1), pick(12, 3), true, TimeUnit.SECONDS.toNanos(60));
        } finally {
            transport.close();
        }
        ResultTable table = new ResultTable("Carbonio listRoom, 10,000 rooms, " + Fmt.bytes(bodies.carbonioRooms.length)
                + " over HTTP", "Time and bytes allocated (calling thread) per call; a full collection before each"
                + " call so each pays for its own garbage. The last row reads the body into nothing: what the"
                + " transport alone allocates.", false, Fmt::time, "allocated per call", s)
                .note(how(contenders, Contender.Operation.LIST_ROOM));
        add(table);
        double base = table.medianAllocated(baseline);
        double raw = table.medianAllocated("raw") - base;
        StringBuilder check = new StringBuilder("### Decode allocation check\n\nBytes the decode allocates for the"
                + " 10,000-room body: allocated per call minus the transport-only row, medians. Limit: "
                + DECODE_ALLOCATION_LIMIT + "x raw Gson data binding.\n\n| contender | decode allocation | ratio to raw |"
                + " verdict |\n| --- | --- | --- | --- |\n");
        for (String name : List.of("raw", "plain", "sdk")) {
            double d = table.medianAllocated(name) - base;
            double ratio = d / raw;
            boolean pass = ratio <= DECODE_ALLOCATION_LIMIT;
            if (name.equals("sdk")) {
                decodeCheckPassed = pass;
            }
            check.append("| ").append(name).append(" | ").append(Fmt.bytes(d)).append(" | ").append(Fmt.ratio(ratio))
                    .append(" | ").append(name.equals("raw") ? "reference" : pass ? "PASS" : "FAIL").append(" |\n");
        }
        String verdict = String.format(Locale.ROOT, "DECODE ALLOCATION CHECK %s: sdk/raw = %.2f (limit %.1f)",
                decodeCheckPassed ? "PASS" : "FAIL", (table.medianAllocated("sdk") - base) / raw, DECODE_ALLOCATION_LIMIT);
        check.append("\n**").append(verdict).append("** (the sdk row decides; plain is for reference).\n");
        report.add(check.toString());
        log(verdict);
    }

    private void videskListing(Map<String, Contender> contenders) throws Exception {
        Map<String, Series> s = Sampler.rounds(entries(contenders, c -> c::videskListAll), 1, Bodies.VIDESK_LISTING_TOTAL,
                1, pick(7, 2), true, TimeUnit.SECONDS.toNanos(90));
        add(new ResultTable("Videsk listing, 100,000 rooms over 1,000 pages",
                "Time and allocation per item: one pass walks all 1,000 pages ($limit=100) and touches each room"
                        + " (sums its id's length)."
                        + String.format(Locale.ROOT, " A page is %,d bytes.", bodies.videskPage(0, 100).length()),
                false, Fmt::time, "allocated per item", s).note(how(contenders, Contender.Operation.LIST_ALL)));
    }

    private void upload(Map<String, Contender> contenders) throws Exception {
        Path file = uploadFile();
        long before = server.uploadedBytes();
        Map<String, Series> s = Sampler.rounds(entries(contenders, c -> () -> c.carbonioUpload(Bodies.CARBONIO_ROOM_ID, file)),
                1, 1, pick(2, 1), pick(10, 3), false, TimeUnit.SECONDS.toNanos(60));
        long moved = server.uploadedBytes() - before;
        ResultTable table = new ResultTable("Carbonio insertAttachment, " + Fmt.size(UPLOAD_SIZE) + " file upload",
                "Time per upload of one file, the server reading and counting every byte.", false, Fmt::time,
                "allocated per call", s).note(how(contenders, Contender.Operation.UPLOAD));
        for (Series x : s.values()) {
            table.note(String.format(Locale.ROOT, "%s %.0f MiB/s.", x.name, UPLOAD_SIZE / 1048576.0 / (Stats.median(x.values) / 1e9)));
        }
        table.note(String.format(Locale.ROOT, "Server received %s in all.", Fmt.mib(moved)));
        add(table);
    }

    private void coldStart(Map<String, Contender> contenders) throws Exception {
        List<String> names = Contenders.NAMES;
        int runs = pick(9, 2);
        Map<String, Series> s = new LinkedHashMap<>();
        names.forEach(n -> s.put(n, new Series(n)));
        for (String n : names) {
            coldRun(n); // page cache and CDS warm for each contender's classes; not counted
        }
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < names.size(); i++) {
                String n = names.get((i + r) % names.size());
                s.get(n).values.add(coldRun(n));
            }
        }
        add(new ResultTable("Cold JVM: launch to first getRoom result",
                "Wall time from starting a child JVM (default flags, the test classpath) to its printing the"
                        + " first getRoom result: JVM start, class loading, client construction, one call. One"
                        + " unmeasured launch per contender first.", false, Fmt::time, "-", s)
                .note(how(contenders, Contender.Operation.GET_ROOM)));
    }

    private double coldRun(String contender) throws Exception {
        List<String> cmd = List.of(javaBinary(), "-cp", System.getProperty("java.class.path"), ColdStart.class.getName(),
                contender, server.baseUrl(), Bodies.VIDESK_ROOM_ID);
        long t0 = System.nanoTime();
        String line = childLine(cmd, "ROOM ", 60);
        long nanos = System.nanoTime() - t0;
        if (!line.equals("ROOM " + Bodies.VIDESK_ROOM_ID)) {
            throw new IllegalStateException(contender + " cold start printed " + line);
        }
        return nanos;
    }

    private void download(Map<String, Contender> contenders) throws Exception {
        List<String> names = List.of("raw", "sdk");
        int runs = pick(8, 1);
        Map<String, Series> s = new LinkedHashMap<>();
        Map<String, List<Double>> peaks = new LinkedHashMap<>();
        names.forEach(n -> {
            s.put(n, new Series(n));
            peaks.put(n, new ArrayList<>());
        });
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < names.size(); i++) {
                String n = names.get((i + r) % names.size());
                List<String> cmd = List.of(javaBinary(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                        DownloadRun.class.getName(), n, server.baseUrl(), Bodies.CARBONIO_FILE_ID.toString(),
                        Long.toString(DOWNLOAD_SIZE));
                String[] f = childLine(cmd, "DOWNLOAD ", 300).split(" ");
                double nanos = Double.parseDouble(f[2]);
                s.get(n).values.add(DOWNLOAD_SIZE / 1048576.0 / (nanos / 1e9));
                peaks.get(n).add(Double.parseDouble(f[3]));
            }
        }
        for (String n : names) {
            s.get(n).extra = "peak heap " + Fmt.mib(Stats.max(peaks.get(n)));
        }
        add(new ResultTable(Fmt.size(DOWNLOAD_SIZE) + " download at -Xmx64m",
                "Throughput of one streamed attachment download into a discarding stream, each in a fresh JVM at"
                        + " -Xmx64m (JIT warm-up included, the same for both).", true,
                v -> Fmt.rate(v, "MiB/s"), "peak heap used (sum of pool peaks)", s)
                .note(how(contenders, Contender.Operation.DOWNLOAD)));
    }

    // ------------------------------------------------------------------ plumbing

    private Path uploadFile() throws IOException {
        Path file = outDir.resolve("upload.bin");
        if (!Files.exists(file) || Files.size(file) != UPLOAD_SIZE) {
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) (i * 131 + (i >>> 11));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long n = 0; n < UPLOAD_SIZE; n += chunk.length) {
                    out.write(chunk);
                }
            }
        }
        return file;
    }

    private static String how(Map<String, Contender> contenders, Contender.Operation operation) {
        return "How: " + contenders.values().stream().map(c -> c.name() + ": " + c.how(operation))
                .collect(Collectors.joining("; ")) + ".";
    }

    private void add(ResultTable table) {
        String md = table.markdown();
        report.add(md);
        System.out.println(md);
    }

    /** Starts {@code cmd}, returns its first output line starting with {@code prefix}; bounded by {@code seconds}. */
    private static String childLine(List<String> cmd, String prefix, int seconds) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                }
            } catch (IOException ignored) {
                // the child ended
            } finally {
                lines.add("\u0000EOF");
            }
        }, "perf-child-out");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> seen = new ArrayList<>();
        try {
            while (true) {
                String l = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (l == null) {
                    throw new IllegalStateException("child timed out after " + seconds + " s: " + cmd.get(cmd.size() - 4)
                            + " ... output " + seen);
                }
                if (l.startsWith(prefix)) {
                    return l;
                }
                if (l.equals("\u0000EOF")) {
                    throw new IllegalStateException("child ended without '" + prefix + "': " + seen);
                }
                if (seen.size() < 50) {
                    seen.add(l);
                }
            }
        } finally {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A short command's output (uptime, nproc, java -version), or what went wrong. */
    private static String command(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException | InterruptedException e) {
            return "(" + String.join(" ", cmd) + " failed: " + e.getMessage() + ")";
        }
    }

    private void write(String date, String uptimeBefore, String uptimeAfter, double peakLoad, List<String> valid,
                       long nanos) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("## Run of ").append(date).append(QUICK ? " (quick smoke run: figures not comparable)" : "").append("\n\n");
        b.append("- Command: `mvn -B -Pperf verify -DskipTests`\n");
        b.append("- Benchmark JVM flags: `").append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()))
                .append("`; collectors: ").append(ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "))).append('\n');
        b.append("- `java -version`: ").append(command(javaBinary(), "-version").replace("\n", "; ")).append('\n');
        b.append("- `nproc`: ").append(command("nproc")).append("; CPU: ").append(cpuModel()).append("; memory: ")
                .append(memTotal()).append("; ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append('\n');
        b.append("- `uptime` before: `").append(uptimeBefore).append("`\n");
        b.append("- `uptime` after: `").append(uptimeAfter).append("`\n");
        b.append(String.format(Locale.ROOT, "- Highest 1-minute load average seen during the run: %.2f (the benchmark's"
                + " own threads included)%n", peakLoad));
        b.append("- Whole run: ").append(Fmt.time(nanos)).append('\n');
        b.append("- Bodies (").append(String.join("; ", bodies.describe())).append(") checked against the specs: ")
                .append(String.join("; ", valid)).append("\n\n");
        for (String section : report) {
            b.append(section).append('\n');
        }
        Path file = outDir.resolve("results.md");
        Files.writeString(file, b.toString());
        System.out.println(b);
        log("report written to " + file.toAbsolutePath());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void log(String message) {
        System.out.println("[perf] " + message);
        System.out.flush();
    }
}
