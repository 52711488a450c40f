package org.fedwan.scenarios.cli;

import java.util.concurrent.Callable;
import org.fedwan.sim.nbiot.traffic.NbiotNetworkConfig;
import org.fedwan.sim.nbiot.traffic.NbiotNetworkReport;
import org.fedwan.sim.nbiot.traffic.NbiotNetworkSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fedwan nbiot-net}: one NB-IoT cell alone, periodic reports, no FL: the counterpart of lorawan-net. */
@Command(name = "nbiot-net", mixinStandardHelpOptions = true,
        description = {"Run one NB-IoT cell alone with periodic reports (no FL) and print delivery, latency percentiles",
            "and energy per device."})
final class NbiotNetCommand implements Callable<Integer> {

    @Option(names = "--devices", required = true, paramLabel = "N", description = "devices in the cell")
    int devices;

    @Option(names = "--period-s", required = true, paramLabel = "T", description = "seconds between a device's reports")
    double periodS;

    @Option(names = "--payload", required = true, paramLabel = "B", description = "report payload bytes")
    int payload;

    @Option(names = "--duration-h", required = true, paramLabel = "H", description = "simulated hours")
    double durationH;

    @Option(names = "--coupling-loss-db", required = true, paramLabel = "L",
            description = "coupling loss in dB (CE0 up to 144, CE1 up to 154, CE2 up to 164)")
    double couplingLossDb;

    @Option(names = "--profile", defaultValue = "SARA_N211", paramLabel = "MODULE",
            description = "module power profile (default ${DEFAULT-VALUE}; also NRF9160_CLASS, QUECTEL_BC95_CLASS, QUECTEL_BC66_CLASS, TR_45_820)")
    String profile;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        CliLimits.network(devices, periodS, durationH, "--devices", "--period-s", "--duration-h");
        NbiotNetworkConfig.Builder b = NbiotNetworkConfig.builder();
        b.devices = devices;
        b.periodS = periodS;
        b.payloadBytes = payload;
        b.durationH = durationH;
        b.couplingLossDb = couplingLossDb;
        b.profile = profile;
        b.seed = seed;
        NbiotNetworkReport r = NbiotNetworkSimulation.run(b.build());
        r.summaryLines().forEach(System.out::println);
        return 0;
    }
}
