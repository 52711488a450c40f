package org.fedwan.sim.lorawan.traffic;

import java.util.List;
import org.fedwan.sim.background.TrafficArrival;
import org.fedwan.sim.config.Key;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.config.Section;
import org.fedwan.sim.config.Types;
import org.fedwan.sim.lorawan.LorawanLinks;

/**
 * The traffic of a network-only run ({@code ./fedwan lorawan-net}): the keys FL runs ignore. The
 * network itself comes from the {@code lorawan} section, read the same way an FL run reads it
 * ({@link LorawanLinks#networkSettings}), and the seed from {@code seed}.
 *
 * @param netDevices      end devices
 * @param netPeriodS      seconds between a device's packets (the mean, for Poisson arrivals)
 * @param netPayloadBytes application payload (FRMPayload) per packet, bytes
 * @param netDurationH    hours during which packets are generated
 * @param netArrival      periodic (ns-3 PeriodicSender, random phase) or poisson (LoRaSim)
 */
public record LorawanTrafficSection(int netDevices, double netPeriodS, int netPayloadBytes, double netDurationH,
                                    TrafficArrival netArrival) {

    public static final Section<LorawanTrafficSection> SECTION = new Section<>("lorawan-net",
            "the traffic of ./fedwan lorawan-net (network-only runs); FL runs ignore these keys",
            LorawanTrafficSection.class, List.of(
            Key.of("net_devices", Types.integer(1, 10_000_000), 100, "end devices of a lorawan-net run"),
            Key.of("net_period_s", Types.number(0, false, 1e9), 600.0,
                    "seconds between a device's packets (mean of the gaps under poisson)"),
            Key.of("net_payload_bytes", Types.integer(0, LorawanNetworkConfig.MAX_PAYLOAD_BYTES), 20,
                    "application payload (FRMPayload) per packet, bytes"),
            Key.of("net_duration_h", Types.number(0, false, 1e5), 24.0,
                    "hours of packet generation; frames on the air then finish"),
            Key.of("net_arrival", Types.label(TrafficArrival.class), TrafficArrival.PERIODIC,
                    "packet spacing: periodic (one period apart, uniform random phase: ns-3 PeriodicSender) or "
                            + "poisson (exponential gaps: LoRaSim)")));

    /**
     * The network-only run a scenario describes.
     *
     * @param scenario a scenario of {@code org.fedwan.sim.Scenarios}' schema
     * @return the run's configuration: this section's traffic, the scenario's {@code seed}, the
     *         {@code lorawan} section's network
     */
    public static LorawanNetworkConfig config(Scenario scenario) {
        LorawanTrafficSection t = scenario.section(LorawanTrafficSection.class);
        return new LorawanNetworkConfig(t.netDevices(), t.netPeriodS(), t.netPayloadBytes(), t.netDurationH(),
                scenario.run().seed(), t.netArrival(), LorawanLinks.networkSettings(scenario, t.netDevices()));
    }
}
