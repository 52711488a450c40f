package org.fedwan.scenarios.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.scenarios.sweep.Budget;
import org.fedwan.scenarios.sweep.SweepRunner;
import org.fedwan.scenarios.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fedwan budget STUDY --target-accuracy A [budgets]}: which sweep point reaches the target first within the budgets. */
@Command(name = "budget", mixinStandardHelpOptions = true,
        description = {"Run (or resume) a sweep, then rank its points by simulated time to the target accuracy",
            "among those within every budget given."})
final class BudgetCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "sweep file (YAML)")
    Path study;

    @Option(names = "--out", paramLabel = "DIR", description = "the sweep's result folder (default: results/<sweep name> under the current directory)")
    Path out;

    @Option(names = "--workers", paramLabel = "N", description = "runs at once when runs are missing (default: cores)")
    Integer workers;

    @Option(names = "--target-accuracy", required = true, paramLabel = "A", description = "target test accuracy, e.g. 0.85")
    double target;

    @Option(names = "--max-energy-j-per-device", paramLabel = "J", description = "energy per device to reach the target (the ledger: radio, MCU and training), J")
    Double maxEnergyJPerDevice;

    @Option(names = "--max-airtime-s-per-day", paramLabel = "S", description = "uplink airtime per device per simulated day")
    Double maxAirtimeSPerDay;

    @Option(names = "--max-duty-cycle", paramLabel = "DC", description = "largest device duty cycle allowed (fraction)")
    Double maxDutyCycle;

    @Option(names = "--max-time-s", paramLabel = "S", description = "wall-clock deadline: simulated seconds to the target")
    Double maxTimeS;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("--target-accuracy " + target + ": allowed: a number > 0 and <= 1");
        }
        budget("--max-energy-j-per-device", maxEnergyJPerDevice, Double.MAX_VALUE);
        budget("--max-airtime-s-per-day", maxAirtimeSPerDay, 86_400);
        budget("--max-duty-cycle", maxDutyCycle, 1);
        budget("--max-time-s", maxTimeS, Double.MAX_VALUE);
        SweepSpec sweep;
        try {
            sweep = SweepSpec.load(study, FedwanCli.home().resolve("data"));
        } catch (ScenarioException e) {
            e.problems().forEach(p -> spec.commandLine().getErr().println(p));
            return 2;
        }
        Path dir = CliLimits.resultFolder(out != null ? "--out" : null,
                out != null ? out : Path.of("results").resolve(sweep.name()));
        SweepRunner.run(sweep, dir, SweepCommand.engine(workers), System.out);
        Budget.Limits limits = new Budget.Limits(target, maxEnergyJPerDevice, maxAirtimeSPerDay, maxDutyCycle, maxTimeS);
        System.out.print(Budget.render(sweep, Budget.rank(sweep, dir, limits), limits));
        return 0;
    }

    /** A budget, when given, is a number from 0 to {@code max}: NaN and negative budgets rank nothing. */
    private static void budget(String option, Double value, double max) {
        if (value != null && !(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(option + " " + value + ": allowed: a number >= 0 and <= "
                    + (max == Double.MAX_VALUE ? "any finite value" : String.valueOf(max)));
        }
    }
}
