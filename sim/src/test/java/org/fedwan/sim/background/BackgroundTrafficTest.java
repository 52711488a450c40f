package org.fedwan.sim.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.fedwan.results.LossCause;
import org.fedwan.sim.Protocols;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.bench.BackgroundBenchmark;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.link.BackgroundReport;
import org.fedwan.sim.lorawan.LorawanLinks;
import org.fedwan.sim.lorawan.LorawanNetwork;
import org.fedwan.sim.lorawan.traffic.LorawanBackground;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkConfig;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkReport;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkSimulation;
import org.fedwan.sim.lorawan.traffic.LorawanTrafficSection;
import org.junit.jupiter.api.Test;

/**
 * Background sensors in FL runs' networks (issue 14), checked on the networks alone (the rounds of
 * {@link BackgroundBenchmark}, no training): sensors without FL traffic deliver what
 * {@code lorawan-net} delivers, sensors leave the clients' own draws alone, NB-IoT sensors load the
 * cell, and the sensors' energy stays out of the clients' ledger.
 */
class BackgroundTrafficTest {

    private static final int UPDATE_BYTES = 6_022;
    private static final int MODEL_BYTES = 5_994 * 4;

    private static Scenario scenario(Map<String, ?> keys) {
        return Scenarios.defaults().with(Map.of("rounds", 2, "clients", 10, "link", "realistic", "radius_m", 100))
                .with(keys);
    }

    @Test
    void sensorsWithoutFlTrafficDeliverWhatLorawanNetDelivers() {
        // lorawan-net: 1,000 devices, one 20-byte packet per 600 s each, 2 h, the lorawan section's network
        Scenario s = Scenarios.defaults().with(Map.of("link", "realistic", "radius_m", 2_000, "net_devices", 1_000,
                "net_duration_h", 2.0));
        LorawanNetworkConfig config = LorawanTrafficSection.config(s);
        LorawanNetworkReport alone = LorawanNetworkSimulation.run(config);
        // the same 1,000 devices as background sensors after one client that never sends
        Simulation sim = new Simulation("background", 2, 0);
        LorawanNetwork network = new LorawanNetwork(sim, LorawanLinks.networkSettings(s, 1_001), 1_001);
        LorawanBackground sensors = new LorawanBackground(network, 1,
                s.with(Map.of("background_devices", 1_000)).section(BackgroundSection.class));
        sim.scheduler().runUntil(config.durationUs());
        BackgroundReport r = sensors.report(sim.nowUs());

        assertEquals(1_000, r.devices());
        assertEquals(alone.packetsOffered(), r.packetsOffered(), 1_000); // 12,000 +- the packets of the last instant
        double pdrAlone = (double) alone.framesReceived() / alone.packetsOffered();
        // binomial sd at 12,000 packets is under 0.005; 0.02 is four of them plus the packets still on the air
        assertEquals(pdrAlone, r.packetDeliveryRatio(), 0.02, alone.format());
        assertTrue(pdrAlone < 0.99, "the set-up loses packets, so the comparison means something: " + pdrAlone);
        assertTrue(r.lost().values().stream().mapToLong(Long::longValue).sum() > 0);
        assertTrue(r.energyJ() > 0);
    }

    @Test
    void sensorsLeaveTheClientsOwnDrawsAlone() {
        // without interference and with a demodulator per frame, sharing the network cannot change a client's frame:
        // only the clients' own streams (placement, channel, shadowing, start jitter) decide their updates
        Map<String, Object> quiet = Map.of("interference", "none", "demodulator_paths", 64, "radius_m", 400);
        BackgroundBenchmark.Run none = BackgroundBenchmark.once(scenario(quiet), Protocols::groups, 0, UPDATE_BYTES,
                MODEL_BYTES);
        BackgroundBenchmark.Run loaded = BackgroundBenchmark.once(scenario(quiet), Protocols::groups, 300, UPDATE_BYTES,
                MODEL_BYTES);
        assertEquals(none.simulatedS(), loaded.simulatedS());
        assertEquals(none.lost(), loaded.lost());
        assertEquals(none.framesLost(), loaded.framesLost());
        assertTrue(none.lost() > 0, "at 400 m some updates are lost below sensitivity: " + none.lost());
        assertEquals(300, loaded.background().devices());
        assertTrue(loaded.background().packetsOffered() > 0);
    }

    @Test
    void sensorsCollideWithTheClientsOnTheRealisticLink() {
        BackgroundBenchmark.Run none = BackgroundBenchmark.once(scenario(Map.of()), Protocols::groups, 0, UPDATE_BYTES,
                MODEL_BYTES);
        BackgroundBenchmark.Run loaded = BackgroundBenchmark.once(scenario(Map.of("background_period_s", 10.0)),
                Protocols::groups, 1_000, UPDATE_BYTES, MODEL_BYTES);
        assertTrue(loaded.framesLost() > none.framesLost(), none.framesLost() + " vs " + loaded.framesLost());
        assertTrue(loaded.background().lost().getOrDefault(LossCause.COLLISION, 0L) > 0);
    }

    @Test
    void nbiotSensorsShareTheCell() {
        Map<String, Object> nbiot = Map.of("protocol", "nbiot", "background_period_s", 60.0);
        BackgroundBenchmark.Run none = BackgroundBenchmark.once(scenario(nbiot), Protocols::groups, 0, UPDATE_BYTES,
                MODEL_BYTES);
        BackgroundBenchmark.Run loaded = BackgroundBenchmark.once(scenario(nbiot), Protocols::groups, 1_000, UPDATE_BYTES,
                MODEL_BYTES);
        assertTrue(loaded.simulatedS() > none.simulatedS(), none.simulatedS() + " s vs " + loaded.simulatedS() + " s");
        BackgroundReport r = loaded.background();
        assertEquals(1_000, r.devices());
        assertTrue(r.packetsDelivered() > 0 && r.packetsDelivered() <= r.packetsOffered());
        assertTrue(r.energyJ() > 0);
    }

    @Test
    void mixedRunsGiveEveryNetworkItsSensorsAndKeepTheirEnergyOutOfTheLedger() {
        Scenario s = scenario(Map.of("protocol", "mixed", "background_devices", 50));
        double[] clientEnergyJ = new double[1];
        int[] foreignRows = new int[1];
        BackgroundBenchmark.Run run = BackgroundBenchmark.once(s, Protocols::groups, 50, UPDATE_BYTES, MODEL_BYTES,
                (client, energyJ) -> {
                    if (client < 0 || client >= 10) {
                        foreignRows[0]++;
                    }
                    clientEnergyJ[0] += energyJ;
                });
        assertEquals(100, run.background().devices()); // 50 on the LoRaWAN network, 50 in the NB-IoT cell
        assertEquals(0, foreignRows[0], "a sensor's energy reached the ledger");
        assertTrue(clientEnergyJ[0] > 0 && run.background().energyJ() > 0);
    }
}
