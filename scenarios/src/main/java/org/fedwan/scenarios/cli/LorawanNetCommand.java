package org.fedwan.scenarios.cli;

import java.util.concurrent.Callable;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkConfig;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkReport;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fedwan lorawan-net}: the LoRaWAN network alone, periodic traffic, no FL (same engine as FL runs). */
@Command(name = "lorawan-net", mixinStandardHelpOptions = true,
        description = {"Run the LoRaWAN network alone with periodic traffic (no FL) on the engine FL runs use, and print",
            "frames sent, received, lost to collision and under sensitivity, delivery ratio, energy per device, wall time."})
final class LorawanNetCommand implements Callable<Integer> {

    @Option(names = "--devices", required = true, paramLabel = "N", description = "end devices")
    int devices;

    @Option(names = "--radius-m", required = true, paramLabel = "R", description = "radius of the disc devices are placed in, m")
    double radiusM;

    @Option(names = "--period-s", required = true, paramLabel = "T", description = "seconds between a device's frames")
    double periodS;

    @Option(names = "--payload", required = true, paramLabel = "B", description = "application payload (FRMPayload) bytes")
    int payload;

    @Option(names = "--duration-h", required = true, paramLabel = "H", description = "simulated hours")
    double durationH;

    @Option(names = "--gateways", defaultValue = "1", paramLabel = "G", description = "gateways (default ${DEFAULT-VALUE})")
    int gateways;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        LorawanNetworkReport r = LorawanNetworkSimulation.run(
                LorawanNetworkConfig.of(devices, radiusM, periodS, payload, durationH, gateways, seed));
        System.out.print(r.format());
        return 0;
    }
}
