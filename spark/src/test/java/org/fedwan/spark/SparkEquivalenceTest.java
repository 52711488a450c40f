package org.fedwan.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fedwan.scenarios.sweep.LocalEngine;
import org.fedwan.scenarios.sweep.SweepRunner;
import org.fedwan.scenarios.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same small sweep on the local pool and on embedded Spark (local[2]) gives identical tables. */
class SparkEquivalenceTest {

    @TempDir
    Path dir;

    @Test
    void localPoolAndEmbeddedSparkGiveIdenticalTables() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "dataset: synthetic\ntrain_samples: 240\ntest_samples: 100\n"
                + "clients: 3\nrounds: 2\nbatch_size: 20\nseed: 11\ntarget_accuracy: 0.5\n");
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, "scenario: base.yaml\ngrid:\n  uplink_codec: [fp32, int8]\n  data_rate: [5, 4]\n"
                + "replications: 2\n");
        SweepSpec spec = SweepSpec.load(study, dir);
        SweepRunner.Outcome local = SweepRunner.run(spec, dir.resolve("local"), new LocalEngine(2, 1), null);
        SweepRunner.Outcome spark = SweepRunner.run(spec, dir.resolve("spark"), new SparkEngine("local[2]"), null);
        assertEquals(8, spark.executed());
        assertArrayEquals(Files.readAllBytes(local.table()), Files.readAllBytes(spark.table()));
        for (SweepSpec.Point p : spec.points()) {
            for (int r = 0; r < 2; r++) {
                for (String f : List.of("rounds.csv", "transmissions.csv", "summary.json")) {
                    assertArrayEquals(Files.readAllBytes(SweepRunner.runDir(dir.resolve("local"), p, r).resolve(f)),
                            Files.readAllBytes(SweepRunner.runDir(dir.resolve("spark"), p, r).resolve(f)), p.id() + " r" + r + " " + f);
                }
            }
        }
        SweepRunner.Outcome resumed = SweepRunner.run(spec, dir.resolve("spark"), new SparkEngine("local[2]"), null);
        assertEquals(8, resumed.skipped());
    }
}
