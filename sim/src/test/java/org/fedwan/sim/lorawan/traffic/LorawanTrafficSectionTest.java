package org.fedwan.sim.lorawan.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.background.TrafficArrival;
import org.fedwan.sim.lorawan.InterferenceModel;
import org.junit.jupiter.api.Test;

/** The lorawan-net run a scenario describes, read through the schema FL runs use. */
class LorawanTrafficSectionTest {

    @Test
    void trafficKeysAndSeedMakeTheConfig() {
        LorawanNetworkConfig c = LorawanTrafficSection.config(Scenarios.build(Map.of("net_devices", 7,
                "net_period_s", 120, "net_payload_bytes", 23, "net_duration_h", 0.5, "net_arrival", "poisson",
                "seed", 9, "link", "realistic", "interference", "cumulative"), null));
        assertEquals(7, c.devices());
        assertEquals(120.0, c.periodS());
        assertEquals(23, c.payloadBytes());
        assertEquals(0.5, c.durationH());
        assertEquals(TrafficArrival.POISSON, c.arrival());
        assertEquals(9L, c.seed());
        assertEquals(InterferenceModel.CUMULATIVE, c.network().interference());
    }

    @Test
    void theScenarioRouteRunsWhatTheOldOptionsRan() {
        // lorawan-net's implicit keys (link realistic, sf_policy link-budget) over the schema's defaults
        // give the same frames and energies as LorawanNetworkConfig.of with the builder's defaults.
        LorawanNetworkReport viaKeys = LorawanNetworkSimulation.run(LorawanTrafficSection.config(Scenarios.build(
                Map.of("link", "realistic", "sf_policy", "link-budget", "net_devices", 300, "net_duration_h", 2,
                        "seed", 5), null)));
        LorawanNetworkReport direct = LorawanNetworkSimulation.run(LorawanNetworkConfig.of(300, 500, 600, 20, 2.0, 1, 5));
        assertEquals(direct.framesSent(), viaKeys.framesSent());
        assertEquals(direct.framesReceived(), viaKeys.framesReceived());
        assertEquals(direct.lostCollision(), viaKeys.lostCollision());
        assertEquals(direct.framesPerDataRate(), viaKeys.framesPerDataRate());
        assertEquals(direct.energyPerDeviceMeanJ(), viaKeys.energyPerDeviceMeanJ(), 0.0);
        assertEquals(direct.events(), viaKeys.events());
    }
}
