package org.fedwan.channel.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fedwan.channel.lora.SensitivityTable;
import org.junit.jupiter.api.Test;

/** Path-loss models against lpwan-facts A7 and textbook values. */
class PathLossTest {

    @Test
    void borModelIsLog10WithItsPublishedConstants() {
        PathLossModel bor = LogDistancePathLoss.BOR_2016;
        // Bor et al. 2016 / LoRaSim: 127.41 dB at d0 = 40 m, +20.8 dB per decade.
        assertEquals(127.41, bor.pathLossDb(40.0), 1e-9);
        assertEquals(127.41 + 20.8, bor.pathLossDb(400.0), 1e-9);
        // the natural-log pitfall (lpwan-facts A7) would give 127.41 + 20.8 * ln(10) = 175.3 dB at 400 m
        assertTrue(Math.abs(bor.pathLossDb(400.0) - (127.41 + 20.8 * Math.log(10.0))) > 27.0);
    }

    @Test
    void borRangesOfTheFactSheet() {
        // lpwan-facts A7 [C]: at 14 dBm without shadowing the range is 129 m (SF7, ns-3 end-device
        // table, -124 dBm) to 718 m (SF12, ns-3 gateway table, -139.5 dBm).
        assertEquals(129.0, rangeM(14.0, SensitivityTable.DEVICE_SX1272.sensitivityDbm(7, 125_000L)), 0.5);
        assertEquals(718.0, rangeM(14.0, SensitivityTable.GATEWAY_SX1301.sensitivityDbm(12, 125_000L)), 0.5);
    }

    private static double rangeM(double txPowerDbm, double sensitivityDbm) {
        double maxLossDb = LinkBudget.maxPathLossDb(txPowerDbm, 0.0, sensitivityDbm);
        LogDistancePathLoss m = LogDistancePathLoss.BOR_2016;
        return m.referenceDistanceM() * Math.pow(10.0, (maxLossDb - m.referenceLossDb()) / (10.0 * m.exponent()));
    }

    @Test
    void okumuraHataUrbanAt868MHz() {
        // lpwan-facts A7 [C]: 868 MHz, hb 30 m, hm 1.5 m -> 126.0 + 35.2 log10(d_km);
        // FLoRa's fitted K1 = 127.5, K2 = 35.2 [V].
        PathLossModel hata = OkumuraHataPathLoss.URBAN_868;
        assertEquals(126.0, hata.pathLossDb(1_000.0), 0.05);
        assertEquals(126.0 + 35.2, hata.pathLossDb(10_000.0), 0.1);
        assertEquals(35.2, hata.pathLossDb(10_000.0) - hata.pathLossDb(1_000.0), 0.05);
    }

    @Test
    void okumuraHataEnvironmentsFollowHatasCorrections() {
        // Hata 1980, eqs. (4)-(6), at 868 MHz, hb 30 m, hm 1.5 m, worked by hand:
        // suburban: -2 (log10(868/28))^2 - 5.4 = -9.848 dB; open: -4.78 (log10 868)^2 + 18.33 log10 868
        // - 40.94 = -28.352 dB; large city: a(1.5) = 3.2 (log10 17.625)^2 - 4.97 = -0.0009 dB against
        // 0.0145 dB for a small city, so +0.0154 dB.
        double urban = OkumuraHataPathLoss.URBAN_868.pathLossDb(3_000.0);
        assertEquals(-9.848, at(OkumuraHataPathLoss.Environment.SUBURBAN) - urban, 0.002);
        assertEquals(-28.352, at(OkumuraHataPathLoss.Environment.OPEN) - urban, 0.002);
        assertEquals(0.0154, at(OkumuraHataPathLoss.Environment.URBAN_LARGE) - urban, 0.0005);
    }

    private static double at(OkumuraHataPathLoss.Environment environment) {
        return new OkumuraHataPathLoss(868e6, 30.0, 1.5, environment).pathLossDb(3_000.0);
    }

    @Test
    void freeSpaceMatchesTheItuFormula() {
        // ITU-R P.525: L = 32.44 + 20 log10(f_MHz) + 20 log10(d_km); 868 MHz at 1 km -> 91.21 dB.
        double expected = 32.44 + 20 * Math.log10(868.0) + 20 * Math.log10(1.0);
        assertEquals(expected, FreeSpacePathLoss.AT_868_MHZ.pathLossDb(1_000.0), 0.01);
        assertEquals(6.02, FreeSpacePathLoss.AT_868_MHZ.pathLossDb(2_000.0)
                - FreeSpacePathLoss.AT_868_MHZ.pathLossDb(1_000.0), 0.01);
    }

    @Test
    void distancesBelowOneMetreAreClamped() {
        assertEquals(LogDistancePathLoss.BOR_2016.pathLossDb(1.0), LogDistancePathLoss.BOR_2016.pathLossDb(0.0));
        assertThrows(IllegalArgumentException.class, () -> LogDistancePathLoss.BOR_2016.pathLossDb(-1.0));
        assertThrows(IllegalArgumentException.class, () -> new LogDistancePathLoss(127.0, 0.0, 2.0));
        assertThrows(IllegalArgumentException.class, () -> new OkumuraHataPathLoss(868e6, -30.0, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new FreeSpacePathLoss(0.0));
    }

    @Test
    void linkBudgetAddsGainsAndSubtractsLosses() {
        // 14 dBm + 2 dBi + 3 dBi - 130 dB - 4 dB shadowing = -115 dBm; margin against -126.5: 11.5 dB
        double rx = LinkBudget.rxPowerDbm(14.0, 2.0, 3.0, 130.0, 4.0);
        assertEquals(-115.0, rx, 1e-12);
        assertEquals(11.5, LinkBudget.marginDb(rx, -126.5), 1e-12);
        assertEquals(153.5, LinkBudget.maxPathLossDb(14.0, 0.0, -139.5), 1e-12);
    }
}
