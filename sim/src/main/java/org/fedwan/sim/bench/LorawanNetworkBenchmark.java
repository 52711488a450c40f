package org.fedwan.sim.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkConfig;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkReport;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkSimulation;

/**
 * Wall time and events per second of {@code lorawan-net}: 1,000 and 10,000 devices over one
 * simulated day, one 20-byte packet every 10 minutes per device, every other setting at its
 * default (EU868, one gateway, disc of 500 m, link-budget SF, LoRaSim capture). The goal of
 * issue 3 is 10,000 devices x 1 day in under 10 s of wall time.
 *
 * <p>One short warm-up run (1,000 devices, 1 hour) lets the JIT compile the hot path first.
 * Usage: {@code java -cp ... org.fedwan.sim.bench.LorawanNetworkBenchmark [devices...]}.
 * Timings depend on the machine and its load; never asserted in unit tests.
 */
public final class LorawanNetworkBenchmark {

    /** Device counts measured by default. */
    public static final int[] DEFAULT_DEVICES = {1_000, 10_000};
    /** Simulated hours of each measured run. */
    public static final double HOURS = 24.0;
    /** Seconds between a device's packets. */
    public static final double PERIOD_S = 600.0;
    /** Application bytes per packet. */
    public static final int PAYLOAD_BYTES = 20;
    /** Disc radius of the benchmark, m. */
    public static final double RADIUS_M = 500.0;

    private LorawanNetworkBenchmark() {
    }

    /**
     * @param devices device counts to measure
     * @param hours   simulated hours per run
     * @return one report per device count
     */
    public static List<LorawanNetworkReport> run(int[] devices, double hours) {
        List<LorawanNetworkReport> reports = new ArrayList<>();
        for (int n : devices) {
            reports.add(LorawanNetworkSimulation.run(LorawanNetworkConfig.of(n, RADIUS_M, PERIOD_S, PAYLOAD_BYTES,
                    hours, 1, 1L)));
        }
        return reports;
    }

    /**
     * @param reports reports of {@link #run}
     * @param out     where to print the table
     */
    public static void print(List<LorawanNetworkReport> reports, PrintStream out) {
        out.println("| devices | simulated | events | wall time | events/s | frames sent | PDR |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (LorawanNetworkReport r : reports) {
            out.println(String.format(Locale.ROOT, "| %,d | %.1f h | %,d | %.2f s | %,.0f | %,d | %.4f |",
                    r.devices(), r.simulatedUs() / 3.6e9, r.events(), r.wallTimeMs() / 1e3, r.eventsPerSecond(),
                    r.framesSent(), r.packetDeliveryRatio()));
        }
    }

    /**
     * @param args device counts (default 1000 10000)
     */
    public static void main(String[] args) {
        int[] devices = args.length == 0 ? DEFAULT_DEVICES
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        run(new int[] {1_000}, 1.0);
        print(run(devices, HOURS), System.out);
    }
}
