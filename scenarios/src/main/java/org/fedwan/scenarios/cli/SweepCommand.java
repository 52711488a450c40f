package org.fedwan.scenarios.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fedwan.plots.FigureOptions;
import org.fedwan.results.ConsoleNumbers;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.scenarios.sweep.LocalEngine;
import org.fedwan.scenarios.sweep.SweepEngine;
import org.fedwan.scenarios.sweep.SweepRunner;
import org.fedwan.scenarios.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fedwan sweep STUDY --out DIR}: every point x replication of a sweep file, resumable. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run every point and replication of a sweep file; write one result folder per run and DIR/sweep.csv.",
            "Re-running on the same DIR skips complete runs and redoes incomplete ones."})
final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "sweep file (YAML)")
    Path study;

    @Option(names = "--out", paramLabel = "DIR", description = "result folder (default: results/<sweep name> under the current directory)")
    Path out;

    @Option(names = "--workers", paramLabel = "N", description = "runs at once (default: number of cores); results are identical for any value")
    Integer workers;

    @Option(names = "--engine", defaultValue = "local", paramLabel = "ENGINE",
            description = "local (default: a pool of worker threads) or spark (needs the spark module: mvn -Pspark package)")
    String engineName;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master for --engine spark, e.g. local[2] or spark://host:7077")
    String master;

    @Option(names = "--no-figures", description = "skip the sweep figures and report.html")
    boolean noFigures;

    @Option(names = "--no-title", description = "draw the sweep figures without titles (the caption belongs to the paper)")
    boolean noTitle;

    @Option(names = "--dry-run", description = "load and check the sweep, print its points, the number of runs and the resolved "
            + "scenario of its first run; run nothing, write nothing")
    boolean dryRun;

    @Option(names = "--json", description = "print one JSON document on stdout (the outcome, or with --dry-run the plan); "
            + "progress goes to stderr")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SweepSpec sweep;
        try {
            sweep = SweepSpec.load(study, FedwanCli.home().resolve("data"));
        } catch (ScenarioException e) {
            e.problems().forEach(p -> spec.commandLine().getErr().println(p));
            return 2;
        }
        Path dir = CliLimits.resultFolder(out != null ? "--out" : null,
                out != null ? out : Path.of("results").resolve(sweep.name()));
        if (dryRun) {
            System.out.print(json ? DryRun.sweepJson(sweep, dir) : DryRun.sweep(sweep, dir));
            return 0;
        }
        SweepEngine engine = switch (engineName) {
            case "local" -> engine(workers);
            case "spark" -> sparkEngine(master == null ? "local[" + Runtime.getRuntime().availableProcessors() + "]" : master);
            default -> throw new IllegalArgumentException("--engine " + engineName + ": allowed: local, spark");
        };
        SweepRunner.Outcome o = SweepRunner.run(sweep, dir, engine, json ? System.err : System.out,
                noFigures ? null : FigureOptions.DEFAULT.withTitles(!noTitle));
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("name", sweep.name());
            doc.put("runs", o.runs());
            doc.put("executed", o.executed());
            doc.put("already_complete", o.skipped());
            doc.put("redone", o.redone());
            doc.put("table", o.table().toAbsolutePath().normalize().toString());
            System.out.print(Json.document(doc));
            return 0;
        }
        System.out.println("fedwan: " + ConsoleNumbers.count(o.executed(), "run", "runs") + " executed, "
                + ConsoleNumbers.grouped(o.skipped()) + " already complete; table " + o.table().toAbsolutePath().normalize());
        return 0;
    }

    /** The Spark engine of the optional spark module, found at run time so that this module does not depend on Spark. */
    static SweepEngine sparkEngine(String master) {
        try {
            Class<?> c = Class.forName("org.fedwan.spark.SparkEngine");
            return (SweepEngine) c.getConstructor(String.class).newInstance(master);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalArgumentException("--engine spark: the spark module is not built; run 'mvn -B -Pspark -DskipTests "
                    + "package' once, then ./fedwan adds it (and Spark) to its classpath");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the Spark engine: " + e, e);
        }
    }

    static SweepEngine engine(Integer workers) {
        int cores = Runtime.getRuntime().availableProcessors();
        int n = CliLimits.threads("--workers", workers);
        return new LocalEngine(n, Math.max(1, cores / n));
    }
}
