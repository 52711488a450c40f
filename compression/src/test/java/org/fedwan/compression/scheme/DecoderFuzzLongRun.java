package org.fedwan.compression.scheme;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fedwan.compression.TestLayouts;

/**
 * The long, coverage-guided fuzz run: for each decoder ({@link FuzzTarget}) one JVM runs Jazzer
 * (libFuzzer with Jazzer's bytecode coverage instrumentation of {@code org.fedwan.compression})
 * on {@link DecoderFuzzTarget} for a number of inputs, keeps going after a finding, and writes
 * under the output folder {@code corpus/<id>/} (inputs that reached new coverage),
 * {@code findings/<id>/} (crash, timeout and out-of-memory inputs, each with a Java reproducer)
 * and {@code logs/<id>.log}; then a table of runs, seconds, executions per second, coverage and
 * findings per target in {@code report.md}. Exits 1 if any target had a finding or failed.
 *
 * <p>Run by {@code mvn -B -Pfuzz -pl compression -am verify} (profile {@code fuzz} puts Jazzer on
 * the test class path and calls this), or by hand with the test class path and Jazzer on it.
 * Arguments, all optional: {@code --runs=N} inputs per target (default 1,000,000),
 * {@code --seconds=S} at most S seconds per target (default no limit), {@code --trace=T} Jazzer's
 * instrumentation types, ':' between (default {@value #DEFAULT_TRACE}),
 * {@code --jobs=J} targets fuzzed side by side (default 1), {@code --targets=ID,ID} (default all),
 * {@code --out=DIR} (default {@code target/fuzz}).
 */
public final class DecoderFuzzLongRun {

    /** Seconds one input may take before libFuzzer reports a hang. */
    static final int TIMEOUT_PER_INPUT_S = 10;
    /** Findings with distinct stack traces one target may report before its run stops. */
    static final int KEEP_GOING_FINDINGS = 50;
    /**
     * Jazzer's instrumentation by default: edge coverage only. Comparison hooks ({@code cmp}, on in
     * Jazzer's own default) cost six times the executions per second here (941 against 5,623 on
     * {@code laq}, 20 s each) and reached no more edges: the field checks behind the CRC are range
     * checks, and the harness already fixes the CRC and hits the exact message lengths.
     */
    static final String DEFAULT_TRACE = "cov";
    /** Heap of each fuzzing JVM, and libFuzzer's limit on its resident memory, MiB. */
    static final int HEAP_MB = 1024;
    static final int RSS_LIMIT_MB = 4096;
    /** The fuzz harness, its nested classes and the test layouts are not instrumented: coverage is the codecs'. */
    static final List<Class<?>> HARNESS = List.of(FuzzBytes.class, FuzzChecks.class, FuzzTarget.class, UplinkFuzzCase.class,
            DownlinkFuzzCase.class, RoundTripBound.class, DecoderFuzzTarget.class, TestLayouts.class);

    private DecoderFuzzLongRun() {
    }

    /** One target's outcome. */
    record Result(String id, int exitCode, long runs, double seconds, long execPerSecond, long coverage, int findings) {

        boolean ok() {
            return findings == 0 && exitCode == 0;
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException, ExecutionException {
        long runs = 1_000_000;
        long seconds = 0;
        String trace = DEFAULT_TRACE;
        int jobs = 1;
        List<FuzzTarget> targets = FuzzTarget.all();
        Path out = Path.of("target", "fuzz");
        for (String a : args) {
            String v = a.substring(a.indexOf('=') + 1);
            if (a.startsWith("--runs=")) {
                runs = Long.parseLong(v);
            } else if (a.startsWith("--seconds=")) {
                seconds = Long.parseLong(v);
            } else if (a.startsWith("--trace=")) {
                trace = v;
            } else if (a.startsWith("--jobs=")) {
                jobs = Integer.parseInt(v);
            } else if (a.startsWith("--targets=")) {
                targets = v.isBlank() || v.equals("all") ? FuzzTarget.all()
                        : Stream.of(v.split(",")).map(String::trim).map(FuzzTarget::byId).toList();
            } else if (a.startsWith("--out=")) {
                out = Path.of(v);
            } else {
                throw new IllegalArgumentException("unknown argument '" + a + "'; expected --runs=N --seconds=S --trace=T --jobs=J --targets=ID,ID --out=DIR");
            }
        }
        if (ClassLoader.getSystemResource("com/code_intelligence/jazzer/Jazzer.class") == null) {
            throw new IllegalStateException("Jazzer is not on the class path: run with mvn -Pfuzz (see docs/compression.md, Fuzzing)");
        }
        long perTarget = runs;
        long maxSeconds = seconds;
        String traceTypes = trace;
        Path dir = out;
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<Result>> futures = new ArrayList<>();
        for (FuzzTarget t : targets) {
            futures.add(pool.submit(() -> fuzz(t, perTarget, maxSeconds, traceTypes, dir)));
        }
        List<Result> results = new ArrayList<>();
        for (Future<Result> f : futures) {
            Result r = f.get();
            System.out.println(line(r));
            results.add(r);
        }
        pool.shutdown();
        String report = report(results, runs, seconds, trace);
        Files.writeString(out.resolve("report.md"), report, StandardCharsets.UTF_8);
        System.out.print(report);
        System.exit(results.stream().allMatch(Result::ok) ? 0 : 1);
    }

    /** Fuzzes one target in its own JVM for {@code runs} inputs or {@code maxSeconds} (0: no limit), and reads its log. */
    static Result fuzz(FuzzTarget t, long runs, long maxSeconds, String trace, Path out) throws IOException, InterruptedException {
        Path corpus = Files.createDirectories(out.resolve("corpus").resolve(t.id()));
        Path findings = Files.createDirectories(out.resolve("findings").resolve(t.id()));
        Path log = Files.createDirectories(out.resolve("logs")).resolve(t.id() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"),
                "-D" + DecoderFuzzTarget.TARGET_PROPERTY + "=" + t.id(),
                "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + DecoderFuzzTarget.class.getName(),
                "--instrumentation_includes=org.fedwan.compression.**",
                "--instrumentation_excludes=" + harnessClasses(),
                "--trace=" + trace,
                "--keep_going=" + KEEP_GOING_FINDINGS,
                "--reproducer_path=" + findings,
                "-runs=" + runs, "-max_total_time=" + maxSeconds, "-timeout=" + TIMEOUT_PER_INPUT_S, "-rss_limit_mb=" + RSS_LIMIT_MB,
                "-artifact_prefix=" + findings + File.separator, "-print_final_stats=1", corpus.toString());
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String text = Files.readString(log, StandardCharsets.UTF_8);
        int found;
        try (Stream<Path> files = Files.list(findings)) {
            found = (int) files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("crash-") || n.startsWith("timeout-") || n.startsWith("oom-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(t.id(), exit, last(text, "stat::number_of_executed_units:\\s*(\\d+)"), seconds,
                last(text, "stat::average_exec_per_sec:\\s*(\\d+)"), last(text, "cov: (\\d+)"), found);
    }

    /**
     * Names of the {@link #HARNESS} classes and of their nested and anonymous classes, as Jazzer's
     * exclusion list takes them (exact names, ':' between), read from the class files beside them.
     */
    static String harnessClasses() throws IOException {
        List<String> names = new ArrayList<>();
        for (Class<?> c : HARNESS) {
            Path dir;
            try {
                dir = Path.of(c.getResource(c.getSimpleName() + ".class").toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    String n = f.getFileName().toString();
                    if (n.equals(c.getSimpleName() + ".class") || (n.startsWith(c.getSimpleName() + "$") && n.endsWith(".class"))) {
                        names.add(c.getPackageName() + "." + n.substring(0, n.length() - ".class".length()));
                    }
                }
            }
        }
        return String.join(":", names);
    }

    /** The last number {@code regex} captures in {@code text}, or -1. */
    static long last(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        long v = -1;
        while (m.find()) {
            v = Long.parseLong(m.group(1));
        }
        return v;
    }

    static String line(Result r) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %d | %d | %d | %s |", r.id(), r.runs(), r.seconds(),
                r.execPerSecond(), r.coverage(), r.findings(), r.exitCode() == 0 ? "ok" : "exit " + r.exitCode());
    }

    static String report(List<Result> results, long runs, long seconds, String trace) {
        StringBuilder b = new StringBuilder();
        b.append("Decoder fuzzing, Jazzer (trace ").append(trace).append("), ").append(runs).append(" inputs per target")
                .append(seconds > 0 ? ", at most " + seconds + " s each" : "").append("\n\n");
        b.append("| target | runs | seconds | exec/s | coverage (edges) | findings | status |\n");
        b.append("|---|---:|---:|---:|---:|---:|---|\n");
        double total = 0;
        int found = 0;
        for (Result r : results) {
            b.append(line(r)).append('\n');
            total += r.seconds();
            found += r.findings();
        }
        b.append(String.format(Locale.ROOT, "%n%d targets, %.0f s in all, %d findings%n", results.size(), total, found));
        return b.toString();
    }
}
