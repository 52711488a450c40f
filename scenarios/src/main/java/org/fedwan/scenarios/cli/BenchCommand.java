package org.fedwan.scenarios.cli;

import java.util.concurrent.Callable;
import org.fedwan.sim.bench.KernelBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fedwan bench kernel}: benchmarks that print figures (never timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark and print its figures. Benchmarks: kernel (event kernel vs a bare PriorityQueue loop),",
            "lorawan-net (1,000 and 10,000 devices x 1 day), step-time (training step vs PyTorch on the CPU)."})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "benchmark: kernel, lorawan-net, step-time")
    String name;

    @Override
    public Integer call() throws Exception {
        switch (name) {
            case "kernel" -> KernelBenchmark.main(new String[0]);
            case "lorawan-net" -> org.fedwan.sim.bench.LorawanNetworkBenchmark.main(new String[0]);
            case "step-time" -> org.fedwan.fl.bench.StepTimeBenchmark.main(new String[0]);
            default -> throw new IllegalArgumentException("unknown benchmark '" + name + "'; allowed: kernel, lorawan-net, step-time");
        }
        return 0;
    }
}
