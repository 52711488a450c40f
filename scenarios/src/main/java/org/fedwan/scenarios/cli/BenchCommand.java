package org.fedwan.scenarios.cli;

import java.util.concurrent.Callable;
import org.fedwan.sim.bench.KernelBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fedwan bench kernel}: benchmarks that print figures (never timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its figures. Benchmarks: kernel (event kernel vs a bare PriorityQueue loop).")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "benchmark: kernel")
    String name;

    @Override
    public Integer call() {
        if (!name.equals("kernel")) {
            throw new IllegalArgumentException("unknown benchmark '" + name + "'; allowed: kernel");
        }
        KernelBenchmark.main(new String[0]);
        return 0;
    }
}
