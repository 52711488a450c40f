package org.fedwan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine needs on a cluster: the jars it ships to executors, and the report of lost and
 * re-run tasks. The cluster itself (a standalone master, two workers, one killed mid-sweep) is
 * exercised by {@code spark/cluster-test.sh}.
 */
class SparkClusterSupportTest {

    @TempDir
    Path dir;

    @Test
    void clusterMasterGetsTheJarsListedBesideTheModuleJar() throws Exception {
        Path own = Files.writeString(dir.resolve("fedwan-spark.jar"), "jar");
        Files.writeString(dir.resolve("runtime-jars.txt"), "/m2/a.jar,/work/sim/target/fedwan-sim.jar\n");
        SparkConf conf = new SparkConf(false).setMaster("spark://127.0.0.1:7077");
        SparkEngine.shipJars(conf, own);
        assertEquals(own.toAbsolutePath() + ",/m2/a.jar,/work/sim/target/fedwan-sim.jar", conf.get("spark.jars"));
    }

    @Test
    void configuredJarsOrClassPathAreLeftAlone() throws Exception {
        Path own = Files.writeString(dir.resolve("fedwan-spark.jar"), "jar");
        Files.writeString(dir.resolve("runtime-jars.txt"), "/m2/a.jar");
        SparkConf submitted = new SparkConf(false).setMaster("yarn").set("spark.jars", "app.jar");
        SparkEngine.shipJars(submitted, own);
        assertEquals("app.jar", submitted.get("spark.jars"));
        SparkConf shared = new SparkConf(false).setMaster("yarn").set("spark.executor.extraClassPath", "/shared/*");
        SparkEngine.shipJars(shared, own);
        assertFalse(shared.contains("spark.jars"));
    }

    @Test
    void clusterMasterWithoutJarsFailsWithAClearMessage() throws Exception {
        SparkConf conf = new SparkConf(false).setMaster("spark://127.0.0.1:7077");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SparkEngine.shipJars(conf, dir));
        assertTrue(e.getMessage().contains("runtime-jars.txt"), e.getMessage());
        // the test class path holds the module's classes folder, not its jar
        assertThrows(IllegalStateException.class, new SparkEngine("spark://127.0.0.1:7077")::conf);
        assertThrows(IllegalStateException.class, new SparkEngine("local-cluster[2,1,1024]")::conf);
        assertFalse(new SparkEngine("local[2]").conf().contains("spark.jars"));
    }

    @Test
    void reportNamesTheRunOfAFailedAttemptAndItsRetry() throws Exception {
        TaskReport report = new TaskReport(null);
        // local[1,2]: one core, a task may fail once (Spark's "local[N,F]" master)
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[1,2]").setAppName("report")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"))) {
            sc.sc().addSparkListener(report);
            sc.setLocalProperty(TaskReport.BATCH_FROM, "4");
            List<Integer> out = sc.parallelize(List.of(0, 1, 2), 3).map(x -> {
                if (x == 1 && TaskContext.get().attemptNumber() == 0) {
                    throw new IllegalStateException("first attempt of partition 1 fails");
                }
                return x * 10;
            }).collect();
            assertEquals(List.of(0, 10, 20), out);
        }
        assertEquals(1, report.failedAttempts());
        assertEquals(1, report.rerunOk());
        List<String> lines = report.lines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("spark: run 5 failed on executor driver at attempt 1")
                && l.contains("first attempt of partition 1 fails") && l.endsWith("Spark runs it again")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("spark: run 5 done on executor driver at attempt 2")),
                lines.toString());
        assertTrue(report.summary().contains("failed task attempts 1; runs that succeeded on a later attempt 1"),
                report.summary());
    }
}
