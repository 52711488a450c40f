package org.fedwan.scenarios.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.sim.bench.KernelBenchmark;
import org.fedwan.sim.bench.LorawanNetworkBenchmark;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkConfig;
import org.fedwan.sim.lorawan.traffic.LorawanTrafficSection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fedwan bench kernel}: benchmarks that print figures (never timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark and print its figures. Benchmarks: kernel (event kernel vs a bare PriorityQueue loop),",
            "lorawan-net (1,000 and 10,000 devices x 1 day, pairwise and cumulative; ns-3 complete-network-example set-up,",
            "1,000 devices x 6 h, against ns-3), step-time (training step vs PyTorch on the CPU)."})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "benchmark: kernel, lorawan-net, step-time")
    String name;

    @Override
    public Integer call() throws Exception {
        switch (name) {
            case "kernel" -> KernelBenchmark.main(new String[0]);
            case "lorawan-net" -> LorawanNetworkBenchmark.main(LorawanNetworkBenchmark.DEFAULT_DEVICES, ns3SetUp(FedwanCli.home()), System.out);
            case "step-time" -> org.fedwan.fl.bench.StepTimeBenchmark.main(new String[0]);
            default -> throw new IllegalArgumentException("unknown benchmark '" + name + "'; allowed: kernel, lorawan-net, step-time");
        }
        return 0;
    }

    /** The file of ns-3 lorawan's complete-network-example set-up that the lorawan-net benchmark times. */
    static final String NS3_SET_UP = "scenarios/lorawan/ns3-complete-network.yaml";

    /** ns-3's set-up from its shipped file under {@code home}, read as lorawan-net reads it, at the benchmark's size. */
    static LorawanNetworkConfig ns3SetUp(Path home) throws ScenarioException {
        LorawanNetCommand c = new LorawanNetCommand();
        new CommandLine(c).parseArgs("--scenario", home.resolve(NS3_SET_UP).toString(), "--devices",
                Integer.toString(LorawanNetworkBenchmark.NS3_DEVICES), "--duration-h",
                Double.toString(LorawanNetworkBenchmark.NS3_HOURS));
        return LorawanTrafficSection.config(c.scenario());
    }
}
