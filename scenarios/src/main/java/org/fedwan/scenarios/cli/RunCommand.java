package org.fedwan.scenarios.cli;

import org.fedwan.results.Summary;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fedwan.plots.FigureOptions;
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
        ScenarioRunner.Outcome o = ScenarioRunner.run(config, dir, n,
                noFigures ? null : FigureOptions.DEFAULT.withTitles(!noTitle), System.out, System.console() != null);
        RunSummary summary = o.summary();
        String accuracy = Double.isNaN(summary.finalAccuracy()) ? "not measured"
                : String.format(Locale.ROOT, "%.2f%%", 100 * summary.finalAccuracy());
        System.out.printf(Locale.ROOT, "fedwan: final accuracy %s, %d uplink bytes, %.3f J (all devices, every state), "
                + "%s simulated, %.1f s wall%n", accuracy, summary.uplinkBytes(), summary.energyJ(),
                formatDuration(summary.simTimeUs()), o.wallTimeS());
        System.out.println("fedwan: " + Summary.lostUpdates(o.keys()));
        String sensors = Summary.background(o.keys());
        if (sensors != null) {
            System.out.println("fedwan: " + sensors);
        }
        System.out.println("fedwan: results in " + dir.toAbsolutePath().normalize()
                + (o.figures().isEmpty() ? "" : " (" + o.figures().size() + " figure files in figures/)"));
        return 0;
    }

    static String formatDuration(long us) {
        long s = us / 1_000_000;
        return String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, s / 60 % 60, s % 60);
    }
}
