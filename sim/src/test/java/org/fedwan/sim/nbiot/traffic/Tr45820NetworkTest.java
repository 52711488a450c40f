package org.fedwan.sim.nbiot.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fedwan.channel.nbiot.BlockErrorModel;
import org.fedwan.channel.nbiot.NbiotEnergy;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.NbiotPowerProfile;
import org.fedwan.channel.nbiot.ReportExchange;
import org.junit.jupiter.api.Test;

/**
 * TR 45.820's battery-life case in the event-driven cell ({@code nbiot-net}): 200 bytes a day at
 * 164 dB, TR power levels, 5 Wh, release right after the data, T3324 = 0, no TAU in the run, 10 %
 * BLER at the MCL with retransmissions drawn block by block. The simulated lifetime must reach the
 * 10-year objective and agree with the mean analytical plan ({@link NbiotEnergy#lifetimeYears}).
 */
class Tr45820NetworkTest {

    static NbiotNetworkConfig.Builder trCase(double couplingLossDb) {
        NbiotNetworkConfig.Builder b = NbiotNetworkConfig.builder();
        b.devices = 20;
        b.periodS = 86_400;
        b.payloadBytes = 200;
        b.durationH = 240;
        b.couplingLossDb = couplingLossDb;
        b.profile = "TR_45_820";
        b.releaseAssistance = true;
        b.t3324S = 0;
        b.t3412S = 310 * 3600;
        b.blerAtEdge = 0.1;
        return b;
    }

    @Test
    void twoHundredBytesADayAt164DbLastsMoreThanTenYears() {
        NbiotNetworkReport r = NbiotNetworkSimulation.run(trCase(164).build());
        double analytic = NbiotEnergy.lifetimeYears(NbiotLinkConfig.DEFAULT.withBlockErrors(BlockErrorModel.EDGE_10_PERCENT),
                164, NbiotPowerProfile.TR_45_820, trCase(164).build().powerSaving(), ReportExchange.uplinkOnly(200),
                86_400_000_000L, NbiotEnergy.TR_45_820_BATTERY_J);

        assertEquals(200, r.reportsDelivered());
        assertTrue(r.blockErrors() > 0, "block errors drawn");
        // 200 reports of 6 blocks at 10 % BLER: 1200 / 0.9 - 1200 = 133 retransmissions expected
        assertEquals(133, r.blockErrors(), 40);
        assertTrue(r.lifetimeYears() >= 10.0, r.lifetimeYears() + " years");
        assertEquals(analytic, r.lifetimeYears(), 0.02 * analytic);
    }

    @Test
    void withoutBlockErrorsNoneAreDrawn() {
        NbiotNetworkConfig.Builder b = trCase(164);
        b.blerAtEdge = 0;
        NbiotNetworkReport r = NbiotNetworkSimulation.run(b.build());

        assertEquals(0, r.blockErrors());
        assertEquals(13.36, r.lifetimeYears(), 0.02 * 13.36);
    }
}
