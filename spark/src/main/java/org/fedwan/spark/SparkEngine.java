package org.fedwan.spark;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Serializable;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.fedwan.results.Table;
import org.fedwan.results.TableWriter;
import org.fedwan.scenarios.run.DataSets;
import org.fedwan.scenarios.run.Execution;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.scenarios.sweep.SweepEngine;
import org.fedwan.sim.config.Scenario;

/**
 * Runs sweep points as Spark tasks. Tasks go out in batches of twice the cluster's default
 * parallelism; each batch's results are collected and handed to the driver's sink before the
 * next batch starts, so an interrupted sweep keeps every finished batch.
 *
 * <p>On a cluster the data folder of the scenario must be readable at the same path by every
 * executor (a shared file system), and executors need {@code OMP_NUM_THREADS=1}
 * ({@code spark.executorEnv.OMP_NUM_THREADS=1}, set here). With a cluster master and neither
 * {@code spark.jars} nor {@code spark.executor.extraClassPath} configured (the {@code ./fedwan}
 * launcher; spark-submit always sets {@code spark.jars}), the engine ships FedWAN's jars: this
 * module's jar and the list {@code runtime-jars.txt} the build writes beside it.
 *
 * <p>A task lost with its executor is run again by Spark; since a run's result depends only on its
 * resolved scenario and only the driver writes, the re-run gives the same bytes and no folder is
 * written twice. Tables travel gzip-compressed ({@link Done}) and are inflated into the run's
 * folder as they are written. {@link TaskReport} prints what the cluster did on standard error.
 */
public final class SparkEngine implements SweepEngine {

    private final String master;

    /** @param master Spark master URL, e.g. {@code local[2]}; null to take it from spark-submit's configuration */
    public SparkEngine(String master) {
        this.master = master;
    }

    @Override
    public String describe() {
        return "spark (" + (master == null ? "spark-submit master" : master) + ")";
    }

    /** One run to compute: its index in the sweep's to-do list and its resolved scenario. */
    record Task(int index, LinkedHashMap<String, Object> resolved) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * One computed run, its tables gzip-compressed as the executor wrote them (UTF-8 CSV; a CNN run's
     * 363 MB transmission table is a few tens of MB), so that neither the executor nor the driver
     * holds a table's text.
     */
    record Done(int index, LinkedHashMap<String, byte[]> tables, LinkedHashMap<String, Object> summary, long startMs,
            long endMs) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Executor-side data cache: one per executor JVM, never changes results. */
    private static final class Executors {
        static final DataSets.Cache DATA = new DataSets.Cache();
    }

    static Done compute(Task t) throws Exception {
        long start = System.currentTimeMillis();
        Scenario c = ResultFolder.fromResolved(t.resolved());
        Map<String, ByteArrayOutputStream> compressed = new LinkedHashMap<>();
        Map<String, Writer> writers = new LinkedHashMap<>();
        Map<String, Object> summary;
        try {
            for (Table<?> table : TableWriter.TABLES) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                compressed.put(table.file(), bytes);
                writers.put(table.file(), new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(bytes),
                        StandardCharsets.UTF_8)));
            }
            summary = Execution.executeStreaming(c, Executors.DATA, 1, null, writers);
        } finally {
            for (Writer w : writers.values()) {
                w.close();
            }
        }
        LinkedHashMap<String, byte[]> tables = new LinkedHashMap<>();
        compressed.forEach((file, bytes) -> tables.put(file, bytes.toByteArray()));
        return new Done(t.index(), tables, new LinkedHashMap<>(summary), start, System.currentTimeMillis());
    }

    /** Writes run {@code d} into the folder the driver's sink opens for it, its tables inflated as they stream. */
    private static void write(Done d, ResultSink sink) throws Exception {
        ResultFolder.Streamed folder = sink.open(d.index());
        try {
            char[] chunk = new char[8_192];
            for (Map.Entry<String, byte[]> t : d.tables().entrySet()) {
                Appendable out = folder.tables().get(t.getKey());
                try (Reader in = new InputStreamReader(new GZIPInputStream(new ByteArrayInputStream(t.getValue())),
                        StandardCharsets.UTF_8)) {
                    for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                        out.append(CharBuffer.wrap(chunk, 0, n));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            folder.abandon(e);
            throw e;
        }
        sink.written(d.index(), folder, d.summary(), Instant.ofEpochMilli(d.startMs()), Instant.ofEpochMilli(d.endMs()));
    }

    /**
     * The configuration Spark starts with (UI off; local masters bound to the loopback address;
     * masters whose tasks run in executor JVMs, {@code local-cluster[...]} included, get FedWAN's
     * jars, see {@link #shipJars}).
     */
    SparkConf conf() throws IOException {
        SparkConf conf = new SparkConf().setAppName("fedwan-sweep").set("spark.ui.enabled", "false")
                .set("spark.executorEnv.OMP_NUM_THREADS", "1");
        if (master != null) {
            conf.setMaster(master);
        }
        String m = conf.get("spark.master", "");
        if (m.startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        // local and local[...] run tasks in this JVM; local-cluster[...] and cluster masters in executor JVMs
        if (!m.equals("local") && !m.startsWith("local[")) {
            shipJars(conf, ownLocation());
        }
        return conf;
    }

    /**
     * Sets {@code spark.jars} to the jars executors need to run FedWAN's tasks, unless
     * {@code spark.jars} or {@code spark.executor.extraClassPath} is configured already: the
     * spark module's jar {@code ownJar} and the comma-separated list {@code runtime-jars.txt} in its
     * folder (written by {@code mvn -Pspark package}: every runtime dependency, Spark excluded).
     *
     * @throws IllegalStateException when the jars are not configured and cannot be found
     */
    static void shipJars(SparkConf conf, Path ownJar) throws IOException {
        if (!conf.get("spark.jars", "").isBlank() || !conf.get("spark.executor.extraClassPath", "").isBlank()) {
            return;
        }
        Path list = ownJar.getParent() == null ? null : ownJar.getParent().resolve("runtime-jars.txt");
        if (!Files.isRegularFile(ownJar) || list == null || !Files.isRegularFile(list)) {
            throw new IllegalStateException("Spark master " + conf.get("spark.master", "(none)") + ": executors need FedWAN's "
                    + "jars, but " + ownJar + " is not a jar with runtime-jars.txt beside it; build with 'mvn -B -Pspark "
                    + "-DskipTests package', or set spark.jars (spark-submit --jars)");
        }
        List<String> jars = new ArrayList<>();
        jars.add(ownJar.toAbsolutePath().toString());
        Arrays.stream(Files.readString(list).trim().split(",")).filter(s -> !s.isBlank()).forEach(jars::add);
        conf.set("spark.jars", String.join(",", jars));
    }

    private static Path ownLocation() {
        try {
            return Path.of(SparkEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the spark module's jar: " + e.getMessage(), e);
        }
    }

    @Override
    public void execute(List<Scenario> runs, ResultSink sink) throws Exception {
        if (runs.isEmpty()) {
            return;
        }
        TaskReport report = new TaskReport(System.err);
        try (JavaSparkContext sc = new JavaSparkContext(conf())) {
            sc.sc().addSparkListener(report);
            int batch = Math.max(1, 2 * sc.defaultParallelism());
            for (int from = 0; from < runs.size(); from += batch) {
                List<Task> tasks = new ArrayList<>();
                for (int i = from; i < Math.min(runs.size(), from + batch); i++) {
                    tasks.add(new Task(i, new LinkedHashMap<>(ResultFolder.resolved(runs.get(i)))));
                }
                sc.setLocalProperty(TaskReport.BATCH_FROM, Integer.toString(from));
                List<Done> done = sc.parallelize(tasks, tasks.size()).map(SparkEngine::compute).collect();
                for (Done d : done) {
                    write(d, sink);
                }
            }
        }
        // after stop(), which delivers every pending listener event
        System.err.println(report.summary());
    }
}
