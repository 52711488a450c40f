package org.fedwan.scenarios.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fedwan.plots.FigureOptions;
import org.fedwan.results.ConsoleNumbers;
import org.fedwan.results.Summary;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.scenarios.run.ScenarioRunner;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.federation.RunSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fedwan run SCENARIO}: one federated run, its tables and figures. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario file and write DIR/rounds.csv, transmissions.csv, energy.csv, clients.csv, devices.csv, summary.json, "
                + "manifest.json, figures/ and report.html.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML)")
    Path scenario;

    @Option(names = "--out", paramLabel = "DIR", description = "result folder (default: results/<scenario name> under the current directory)")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "master seed, overrides the file's 'seed'")
    Long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "trainer threads (default: number of cores); results are identical for any value")
    Integer threads;

    @Option(names = "--no-figures", description = "skip the figures")
    boolean noFigures;

    @Option(names = "--no-title", description = "draw the figures without titles (the caption belongs to the paper)")
    boolean noTitle;

    @Option(names = "--dry-run", description = "load and check the scenario, print it resolved (every key) and the number of runs; "
            + "run nothing, write nothing")
    boolean dryRun;

    @Option(names = "--json", description = "print one JSON document on stdout (the summary, or with --dry-run the resolved "
            + "scenario); progress goes to stderr")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario config;
        try {
            config = ScenarioLoader.load(scenario, FedwanCli.home().resolve("data"));
        } catch (ScenarioException e) {
            for (String p : e.problems()) {
                spec.commandLine().getErr().println(p);
            }
            return 2;
        }
        if (seed != null) {
            config = config.with("seed", seed);
        }
        int n = CliLimits.threads("--threads", threads);
        Path dir = CliLimits.resultFolder(out != null ? "--out" : null,
                out != null ? out : Path.of("results").resolve(config.run().name()));
        if (dryRun) {
            System.out.print(json ? DryRun.runJson(config, dir) : DryRun.run(config, dir));
            return 0;
        }
        ScenarioRunner.Outcome o = ScenarioRunner.run(config, dir, n,
                noFigures ? null : FigureOptions.DEFAULT.withTitles(!noTitle), json ? System.err : System.out,
                System.console() != null);
        if (json) {
            System.out.print(Json.document(jsonSummary(o, dir)));
            return 0;
        }
        RunSummary summary = o.summary();
        String accuracy = Double.isNaN(summary.finalAccuracy()) ? "not measured" : ConsoleNumbers.percent(summary.finalAccuracy(), 2);
        System.out.println("fedwan: final accuracy " + accuracy + ", " + ConsoleNumbers.count(summary.uplinkBytes(),
                "uplink byte", "uplink bytes") + ", " + ConsoleNumbers.quantity(summary.energyJ(), 3, "J")
                + " (all devices, every state), " + formatDuration(summary.simTimeUs()) + " simulated, "
                + ConsoleNumbers.quantity(o.wallTimeS(), 1, "s") + " wall");
        System.out.println("fedwan: " + Summary.lostUpdates(o.keys()));
        String sensors = Summary.background(o.keys());
        if (sensors != null) {
            System.out.println("fedwan: " + sensors);
        }
        System.out.println("fedwan: results in " + dir.toAbsolutePath().normalize()
                + (o.figures().isEmpty() ? "" : " (" + o.figures().size() + " figure files in figures/)"));
        return 0;
    }

    /** The run's end as one JSON document: the folder, wall time, figures and its {@code summary.json}. */
    private static Map<String, Object> jsonSummary(ScenarioRunner.Outcome o, Path dir) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("results_dir", dir.toAbsolutePath().normalize().toString());
        doc.put("wall_time_s", o.wallTimeS());
        doc.put("figure_files", o.figures().size());
        doc.put("summary", o.keys());
        return doc;
    }

    static String formatDuration(long us) {
        long s = us / 1_000_000;
        return String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, s / 60 % 60, s % 60);
    }
}
