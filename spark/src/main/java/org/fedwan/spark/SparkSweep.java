package org.fedwan.spark;

import java.nio.file.Path;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.scenarios.sweep.SweepRunner;
import org.fedwan.scenarios.sweep.SweepSpec;

/**
 * Entry point for {@code spark-submit}: {@code SparkSweep STUDY --out DIR [--data-dir DIR]}. The
 * master comes from spark-submit ({@code --master spark://host:7077}, {@code yarn},
 * {@code k8s://...}).
 */
public final class SparkSweep {

    private SparkSweep() {
    }

    public static void main(String[] args) throws Exception {
        Path study = null;
        Path out = null;
        Path dataDir = Path.of("data").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir")).toAbsolutePath();
                default -> {
                    if (study != null) {
                        usage("unexpected argument '" + args[i] + "'");
                    }
                    study = Path.of(args[i]);
                }
            }
        }
        if (study == null || out == null) {
            usage("a sweep file and --out DIR are needed");
        }
        SweepSpec spec;
        try {
            spec = SweepSpec.load(study, dataDir);
        } catch (ScenarioException e) {
            e.problems().forEach(System.err::println);
            System.exit(2);
            return;
        }
        SweepRunner.Outcome o = SweepRunner.run(spec, out, new SparkEngine(null), System.out);
        System.out.println("fedwan: " + o.executed() + " runs executed, " + o.skipped() + " already complete; table " + o.table());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            usage(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("fedwan spark: " + problem + "; usage: SparkSweep STUDY --out DIR [--data-dir DIR]");
        System.exit(2);
    }
}
