package org.fedwan.sim.nbiot.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fedwan.channel.nbiot.CoverageLevel;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.NbiotPowerProfile;
import org.fedwan.channel.nbiot.ProcedurePlan;
import org.fedwan.channel.nbiot.Procedures;
import org.fedwan.channel.nbiot.ReportExchange;
import org.junit.jupiter.api.Test;

/** The network-only model: bookkeeping, determinism, agreement with the analytical latency, load. */
class NbiotNetworkSimulationTest {

    private static NbiotNetworkConfig.Builder small() {
        NbiotNetworkConfig.Builder b = NbiotNetworkConfig.builder();
        b.devices = 10;
        b.periodS = 600;
        b.payloadBytes = 100;
        b.durationH = 1;
        b.couplingLossDb = 130;
        return b;
    }

    @Test
    void sameSeedSameReport() {
        NbiotNetworkConfig.Builder b = small();
        b.couplingLossSpreadDb = 20;
        NbiotNetworkConfig config = b.build();

        assertEquals(NbiotNetworkSimulation.run(config).withoutWallTime(),
                NbiotNetworkSimulation.run(config).withoutWallTime());
    }

    @Test
    void lightLoadDeliversEveryReportWithinTheAnalyticalLatency() {
        NbiotNetworkConfig config = small().build();
        NbiotNetworkReport r = NbiotNetworkSimulation.run(config);

        // first report at a random phase < 600 s, then every 600 s: exactly 6 per device in one hour
        assertEquals(60, r.reportsGenerated());
        assertEquals(60, r.reportsDelivered() + r.reportsInFlight());
        assertEquals(0, r.reportsFailed());
        assertEquals(10, r.devicesCe0());
        // T3324 (60 s) < period: every report wakes from PSM; latency lies between the plans with no
        // NPRACH wait and a whole NPRACH period of wait (no contention at this load)
        NbiotLinkConfig link = config.linkConfig();
        ProcedurePlan fastest = Procedures.report(link, CoverageLevel.CE0, config.powerSaving(),
                ReportExchange.uplinkOnly(100), true, 0);
        ProcedurePlan slowest = Procedures.report(link, CoverageLevel.CE0, config.powerSaving(),
                ReportExchange.uplinkOnly(100), true, link.ce0().nprachPeriodUs());
        assertTrue(r.latencyP50S() * 1e6 > fastest.uplinkDeliveredUs(), r.latencyP50S() + " s");
        assertTrue(r.latencyP99S() * 1e6 <= slowest.uplinkDeliveredUs(), r.latencyP99S() + " s");
        assertTrue(r.latencyP50S() <= r.latencyP90S() && r.latencyP90S() <= r.latencyP99S()
                && r.latencyP99S() <= r.latencyMaxS());
        assertTrue(r.energyPerDeviceMinJ() <= r.energyPerDeviceMeanJ()
                && r.energyPerDeviceMeanJ() <= r.energyPerDeviceMaxJ());
        assertEquals(3600.0, r.simulatedS());
    }

    @Test
    void moreDevicesOnOneCarrierMeanLongerLatency() {
        // CE0 default: 6 tones (24 lanes), 392-bit blocks of 8 ms, so the carrier carries 2 / 8 ms = 250 blocks/s;
        // a device alone sends one block per 21 ms HARQ cycle (47.6 blocks/s), so about 5 devices fit side by
        // side for free. A 20 kB report is 420 blocks: 60 devices every 120 s ask for 210 blocks/s (84 % of the
        // carrier) and must queue; 2 devices ask for 7 blocks/s.
        NbiotNetworkConfig.Builder few = small();
        few.devices = 2;
        few.payloadBytes = 20_000;
        few.periodS = 120;
        NbiotNetworkConfig.Builder many = small();
        many.devices = 60;
        many.payloadBytes = 20_000;
        many.periodS = 120;
        few.durationH = 0.5;
        many.durationH = 0.5;

        NbiotNetworkReport a = NbiotNetworkSimulation.run(few.build());
        NbiotNetworkReport b = NbiotNetworkSimulation.run(many.build());

        assertEquals(0.84, b.uplinkUtilisation(), 0.05);
        assertTrue(b.uplinkUtilisation() > 10 * a.uplinkUtilisation(), a.uplinkUtilisation() + " -> "
                + b.uplinkUtilisation());
        assertTrue(b.latencyP90S() > 1.5 * a.latencyP90S(), a.latencyP90S() + " s -> " + b.latencyP90S() + " s");
    }

    @Test
    void outOfCoverageDevicesOnlySleep() {
        NbiotNetworkConfig.Builder b = small();
        b.couplingLossDb = 170;
        NbiotNetworkReport r = NbiotNetworkSimulation.run(b.build());

        assertEquals(10, r.devicesOutOfCoverage());
        assertEquals(60, r.reportsOutOfCoverage());
        assertEquals(0, r.reportsDelivered());
        assertEquals(0.0, r.deliveryRatio());
        assertEquals(Double.NaN, r.latencyP50S());
        assertEquals(NbiotPowerProfile.SARA_N211.psmDrawW() * 3600, r.energyPerDeviceMeanJ(), 1e-12);
    }

    @Test
    void nearestRankPercentiles() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = (i + 1) * 1_000_000L;
        }
        assertEquals(50.0, NbiotNetworkSimulation.percentileS(values, 50));
        assertEquals(90.0, NbiotNetworkSimulation.percentileS(values, 90));
        assertEquals(99.0, NbiotNetworkSimulation.percentileS(values, 99));
        assertEquals(7.0, NbiotNetworkSimulation.percentileS(new long[] {7_000_000L}, 99));
        assertEquals(Double.NaN, NbiotNetworkSimulation.percentileS(new long[0], 50));
    }

    @Test
    void summaryNamesDeliveryLatencyAndEnergy() {
        NbiotNetworkReport r = NbiotNetworkSimulation.run(small().build());
        String text = String.join("\n", r.summaryLines());

        assertTrue(text.contains("delivered") && text.contains("p50") && text.contains("p99")
                && text.contains("energy per device"), text);
    }
}
