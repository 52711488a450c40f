package org.fedwan.scenarios.fuzz;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The long, coverage-guided fuzz run of the scenario loader: one JVM runs Jazzer (libFuzzer with
 * Jazzer's bytecode coverage instrumentation of the loader, the schema, Jackson's YAML parser and
 * SnakeYAML) on {@link ScenarioFuzzTarget}, starting from the seed corpus (the malformed corpus,
 * the shipped scenarios and studies, the kept findings), keeps going after a finding, and writes
 * under the output folder {@code corpus/}, {@code findings/} (crash, timeout and out-of-memory
 * inputs with a Java reproducer), {@code log.txt} and {@code report.md}. Exits 1 on a finding.
 *
 * <p>Run by {@code mvn -B -Pfuzz -pl scenarios -am verify} (profile {@code fuzz} puts Jazzer on
 * the test class path and calls this). Arguments, all optional: {@code --runs=N} (default
 * 1,000,000), {@code --seconds=S} (default no limit), {@code --trace=T} (default {@code cov}),
 * {@code --out=DIR} (default {@code target/fuzz}).
 */
public final class ScenarioFuzzLongRun {

    /** Seconds one input may take before libFuzzer reports a hang. */
    static final int TIMEOUT_PER_INPUT_S = 10;
    /** Findings with distinct stack traces the run may report before it stops. */
    static final int KEEP_GOING_FINDINGS = 50;
    /** Heap of the fuzzing JVM, and libFuzzer's limit on its resident memory, MiB. */
    static final int HEAP_MB = 1024;
    static final int RSS_LIMIT_MB = 4096;
    /** Code whose coverage guides the run: the loader, the schema and sections, the YAML parsers. */
    static final String INCLUDES = String.join(":", "org.fedwan.scenarios.**", "org.fedwan.sim.**",
            "com.fasterxml.jackson.dataformat.yaml.**", "org.yaml.snakeyaml.**");

    private ScenarioFuzzLongRun() {
    }

    public static void main(String[] args) throws Exception {
        long runs = 1_000_000;
        long seconds = 0;
        String trace = "cov";
        Path out = Path.of("target", "fuzz");
        for (String a : args) {
            String v = a.substring(a.indexOf('=') + 1);
            if (a.startsWith("--runs=")) {
                runs = Long.parseLong(v);
            } else if (a.startsWith("--seconds=")) {
                seconds = Long.parseLong(v);
            } else if (a.startsWith("--trace=")) {
                trace = v;
            } else if (a.startsWith("--out=")) {
                out = Path.of(v);
            } else {
                throw new IllegalArgumentException("unknown argument '" + a + "'; expected --runs=N --seconds=S --trace=T --out=DIR");
            }
        }
        if (ClassLoader.getSystemResource("com/code_intelligence/jazzer/Jazzer.class") == null) {
            throw new IllegalStateException("Jazzer is not on the class path: run with mvn -Pfuzz (see docs/cli.md, Limits)");
        }
        Path corpus = Files.createDirectories(out.resolve("corpus"));
        Path seeds = Files.createDirectories(out.resolve("seeds"));
        Path findings = Files.createDirectories(out.resolve("findings"));
        int n = 0;
        for (byte[] seed : ScenarioFuzzTest.seeds()) {
            Files.write(seeds.resolve(String.format(Locale.ROOT, "seed-%03d", n++)), seed);
        }
        Path log = out.resolve("log.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"),
                "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + ScenarioFuzzTarget.class.getName(),
                "--instrumentation_includes=" + INCLUDES,
                "--instrumentation_excludes=org.fedwan.scenarios.fuzz.**",
                "--trace=" + trace,
                "--keep_going=" + KEEP_GOING_FINDINGS,
                "--reproducer_path=" + findings,
                "-runs=" + runs, "-max_total_time=" + seconds, "-timeout=" + TIMEOUT_PER_INPUT_S, "-rss_limit_mb=" + RSS_LIMIT_MB,
                "-max_len=" + ScenarioFuzzTarget.MAX_INPUT_BYTES,
                "-artifact_prefix=" + findings + File.separator, "-print_final_stats=1", corpus.toString(), seeds.toString());
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        String text = Files.readString(log, StandardCharsets.UTF_8);
        long found;
        try (Stream<Path> files = Files.list(findings)) {
            found = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith("crash-") || f.startsWith("timeout-") || f.startsWith("oom-")).count();
        }
        String report = String.format(Locale.ROOT, "Scenario loader fuzzing, Jazzer (trace %s), %d seeds%n%n"
                + "| runs | seconds | exec/s | coverage (edges) | corpus | findings | status |%n|---:|---:|---:|---:|---:|---:|---|%n"
                + "| %d | %.1f | %d | %d | %d | %d | %s |%n", trace, n, last(text, "stat::number_of_executed_units:\\s*(\\d+)"),
                wall, last(text, "stat::average_exec_per_sec:\\s*(\\d+)"), last(text, "cov: (\\d+)"), count(corpus), found,
                exit == 0 ? "ok" : "exit " + exit);
        Files.writeString(out.resolve("report.md"), report, StandardCharsets.UTF_8);
        System.out.print(report);
        System.exit(found == 0 && exit == 0 ? 0 : 1);
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
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
}
