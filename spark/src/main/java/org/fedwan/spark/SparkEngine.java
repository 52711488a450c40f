package org.fedwan.spark;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.fedwan.scenarios.run.DataSets;
import org.fedwan.scenarios.run.Execution;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.scenarios.run.RunResult;
import org.fedwan.scenarios.sweep.SweepEngine;
import org.fedwan.sim.config.Scenario;

/**
 * Runs sweep points as Spark tasks. Tasks go out in batches of twice the cluster's default
 * parallelism; each batch's results are collected and handed to the driver's sink before the
 * next batch starts, so an interrupted sweep keeps every finished batch.
 *
 * <p>On a cluster the data folder of the scenario must be readable at the same path by every
 * executor (a shared file system), and executors need {@code OMP_NUM_THREADS=1}
 * ({@code spark.executorEnv.OMP_NUM_THREADS=1}).
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

    /** One computed run. */
    record Done(int index, LinkedHashMap<String, String> tables, LinkedHashMap<String, Object> summary, long startMs,
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
        RunResult r = Execution.execute(c, Executors.DATA, 1, null);
        return new Done(t.index(), new LinkedHashMap<>(r.tables()), new LinkedHashMap<>(r.summary()), start,
                System.currentTimeMillis());
    }

    /** The configuration Spark starts with (UI off; local masters bound to the loopback address). */
    SparkConf conf() {
        SparkConf conf = new SparkConf().setAppName("fedwan-sweep").set("spark.ui.enabled", "false")
                .set("spark.executorEnv.OMP_NUM_THREADS", "1");
        if (master != null) {
            conf.setMaster(master);
        }
        if (conf.get("spark.master", "").startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    @Override
    public void execute(List<Scenario> runs, ResultSink sink) throws Exception {
        if (runs.isEmpty()) {
            return;
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf())) {
            int batch = Math.max(1, 2 * sc.defaultParallelism());
            for (int from = 0; from < runs.size(); from += batch) {
                List<Task> tasks = new ArrayList<>();
                for (int i = from; i < Math.min(runs.size(), from + batch); i++) {
                    tasks.add(new Task(i, new LinkedHashMap<>(ResultFolder.resolved(runs.get(i)))));
                }
                List<Done> done = sc.parallelize(tasks, tasks.size()).map(SparkEngine::compute).collect();
                for (Done d : done) {
                    Map<String, Object> summary = d.summary();
                    sink.accept(d.index(), new RunResult(runs.get(d.index()), d.tables(), summary),
                            Instant.ofEpochMilli(d.startMs()), Instant.ofEpochMilli(d.endMs()));
                }
            }
        }
    }
}
