package org.fedwan.scenarios.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.scenarios.sweep.Budget;
import org.fedwan.scenarios.sweep.BudgetReport;
import org.fedwan.scenarios.sweep.SweepRunner;
import org.fedwan.scenarios.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fedwan budget STUDY [--objective O] [--target-accuracy A] [constraints] [--group-by KEY]
 * [--json | --csv FILE] [--dry-run]}: runs or resumes a sweep, then names the best point that meets every
 * constraint, over the sweep or per value of one swept setting ({@link Budget}, {@link BudgetReport});
 * with {@code --dry-run} prints the plan instead ({@link BudgetDryRun}).
 */
@Command(name = "budget", mixinStandardHelpOptions = true,
        description = {"Run (or resume) a sweep, then check every point against the constraints given and rank the",
            "feasible ones by an objective; the last line names the answer (per value of --group-by)."})
final class BudgetCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "sweep file (YAML)")
    Path study;

    @Option(names = "--out", paramLabel = "DIR", description = "the sweep's result folder (default: results/<sweep name> under the current directory)")
    Path out;

    @Option(names = "--workers", paramLabel = "N", description = "runs at once when runs are missing (default: cores)")
    Integer workers;

    @Option(names = "--objective", paramLabel = "O", defaultValue = "time-to-target",
            description = "what to optimise: time-to-target (default), largest-model, most-rounds-per-day, cheapest "
                    + "(least energy per device per round), best-accuracy, least-energy-to-target")
    String objective;

    @Option(names = "--target-accuracy", paramLabel = "A",
            description = "target test accuracy every run must reach, e.g. 0.85 (needed by time-to-target, "
                    + "least-energy-to-target, --max-time-s and --max-energy-j-per-device)")
    Double target;

    @Option(names = "--max-energy-j-per-device", paramLabel = "J", description = "energy per device to reach the target (the ledger: radio, MCU and training), J")
    Double maxEnergyJPerDevice;

    @Option(names = "--max-time-s", paramLabel = "S", description = "wall-clock deadline: simulated seconds to the target")
    Double maxTimeS;

    @Option(names = "--max-round-latency-s", paramLabel = "S", description = "mean round latency, s")
    Double maxRoundLatencyS;

    @Option(names = "--min-rounds-per-day", paramLabel = "N", description = "FL rounds per simulated day, rounds back to back")
    Double minRoundsPerDay;

    @Option(names = "--max-energy-j-per-device-per-day", paramLabel = "J", description = "energy per device per simulated day, J")
    Double maxEnergyJPerDevicePerDay;

    @Option(names = "--min-battery-life-days", paramLabel = "D", description = "battery life running rounds back to back, days")
    Double minBatteryLifeDays;

    @Option(names = "--max-airtime-s-per-day", paramLabel = "S", description = "uplink airtime per device per simulated day, s")
    Double maxAirtimeSPerDay;

    @Option(names = "--max-duty-cycle", paramLabel = "DC",
            description = "largest measured duty cycle of the busiest device (uplink airtime / simulated time, a fraction)")
    Double maxDutyCycle;

    @Option(names = "--group-by", paramLabel = "KEY", description = "a swept setting: one answer per value of it, e.g. data_rate")
    String groupBy;

    @Option(names = "--json", description = "print one JSON document (constraints, objective, rows, answer) instead of the table")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the rows as CSV to FILE (- : to the console instead of the table)")
    Path csv;

    @Option(names = "--dry-run", description = "load and check the sweep and the options, print the points, the number of runs, "
            + "which are already complete in the result folder, the objective and the constraints; run nothing, write nothing")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Budget.Objective goal = Budget.Objective.parse(objective);
        if (target != null && !(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("--target-accuracy " + target + ": allowed: a number > 0 and <= 1");
        }
        budget("--max-energy-j-per-device", maxEnergyJPerDevice, Double.MAX_VALUE);
        budget("--max-time-s", maxTimeS, Double.MAX_VALUE);
        budget("--max-round-latency-s", maxRoundLatencyS, Double.MAX_VALUE);
        budget("--min-rounds-per-day", minRoundsPerDay, Double.MAX_VALUE);
        budget("--max-energy-j-per-device-per-day", maxEnergyJPerDevicePerDay, Double.MAX_VALUE);
        budget("--min-battery-life-days", minBatteryLifeDays, Double.MAX_VALUE);
        budget("--max-airtime-s-per-day", maxAirtimeSPerDay, 86_400);
        budget("--max-duty-cycle", maxDutyCycle, 1);
        if (target == null) {
            if (goal.needsTarget()) {
                throw new IllegalArgumentException("--objective " + goal.label()
                        + (objective.equals(Budget.Objective.TIME_TO_TARGET.label()) ? " (the default)" : "")
                        + " needs --target-accuracy A; allowed without it: --objective "
                        + String.join(", ", Arrays.stream(Budget.Objective.values()).filter(o -> !o.needsTarget())
                                .map(Budget.Objective::label).toList()));
            }
            needsTarget("--max-energy-j-per-device", maxEnergyJPerDevice);
            needsTarget("--max-time-s", maxTimeS);
        }
        boolean csvToConsole = csv != null && csv.toString().equals("-");
        if (json && csvToConsole) {
            throw new IllegalArgumentException("--json and --csv -: allowed: one of them on the console (give --csv a FILE)");
        }
        if (dryRun && csv != null) {
            throw new IllegalArgumentException("--dry-run and --csv " + csv + ": a dry run writes nothing and ranks nothing; "
                    + "allowed: --dry-run with --json or alone");
        }
        SweepSpec sweep;
        try {
            sweep = SweepSpec.load(study, FedwanCli.home().resolve("data"));
        } catch (ScenarioException e) {
            e.problems().forEach(p -> spec.commandLine().getErr().println(p));
            return 2;
        }
        if (groupBy != null && !sweep.parameters().contains(groupBy)) {
            throw new IllegalArgumentException("--group-by " + groupBy + ": not a swept setting of " + sweep.name()
                    + "; allowed: " + (sweep.parameters().isEmpty() ? "none (the study sweeps no setting)"
                            : String.join(", ", sweep.parameters())));
        }
        Path dir = CliLimits.resultFolder(out != null ? "--out" : null,
                out != null ? out : Path.of("results").resolve(sweep.name()));
        Budget.Limits limits = new Budget.Limits(target, maxEnergyJPerDevice, maxAirtimeSPerDay, maxDutyCycle, maxTimeS,
                maxRoundLatencyS, minRoundsPerDay, maxEnergyJPerDevicePerDay, minBatteryLifeDays);
        if (dryRun) {
            System.out.print(json ? BudgetDryRun.json(sweep, dir, goal, limits, groupBy)
                    : BudgetDryRun.text(sweep, dir, goal, limits, groupBy));
            return 0;
        }
        // the console carries only the document when one is asked for there: progress goes to stderr
        PrintStream progress = json || csvToConsole ? System.err : System.out;
        SweepRunner.run(sweep, dir, SweepCommand.engine(workers), progress);
        Budget.Ranking ranking = Budget.rank(Budget.measure(sweep, dir, target), limits, goal, groupBy);
        if (csv != null && !csvToConsole) {
            Path parent = csv.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(csv, BudgetReport.csv(ranking), StandardCharsets.UTF_8);
        }
        System.out.print(json ? BudgetReport.json(sweep.name(), ranking)
                : csvToConsole ? BudgetReport.csv(ranking) : BudgetReport.text(ranking));
        System.out.flush();
        return 0;
    }

    /** A limit, when given, is a number from 0 to {@code max}: NaN and negative limits rank nothing. */
    private static void budget(String option, Double value, double max) {
        if (value != null && !(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(option + " " + value + ": allowed: a number >= 0 and <= "
                    + (max == Double.MAX_VALUE ? "any finite value" : String.valueOf(max)));
        }
    }

    private static void needsTarget(String option, Double value) {
        if (value != null) {
            throw new IllegalArgumentException(option + " " + value + ": a cost to the target; allowed only with "
                    + "--target-accuracy A");
        }
    }
}
