package org.fedwan.channel.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Module profiles against lpwan-facts B3/B4 and the nRF9160 product specification. */
class NbiotPowerProfileTest {

    private static final PowerSavingConfig PS = PowerSavingConfig.DEFAULT;

    @Test
    void tr45820PowerParameters() {
        // lpwan-facts B4: TX 500 mW, sleep 0.015 mW [V]; RX 80 mW, light sleep 3 mW [U].
        NbiotPowerProfile p = NbiotPowerProfile.TR_45_820;

        assertEquals(0.500, p.drawW(PowerState.TX, PS));
        assertEquals(0.080, p.drawW(PowerState.RX, PS));
        assertEquals(0.003, p.drawW(PowerState.CONNECTED_IDLE, PS));
        assertEquals(0.015e-3, p.drawW(PowerState.PSM, PS));
    }

    @Test
    void ratasukPowerParameters() {
        // lpwan-facts B4: TX 543, RX 90, idle 2.4, PSM 0.015 mW.
        NbiotPowerProfile p = NbiotPowerProfile.RATASUK_2016;

        assertEquals(0.543, p.drawW(PowerState.TX, PS));
        assertEquals(0.090, p.drawW(PowerState.RX, PS));
        assertEquals(0.0024, p.drawW(PowerState.IDLE_DRX, PS));
        assertEquals(0.015e-3, p.drawW(PowerState.PSM, PS));
    }

    @Test
    void saraN211Currents() {
        // lpwan-facts B3: 3.6 V; PSM 3 uA, idle 6 mA, RX 46 mA, TX 220 mA at 23 dBm; B5: RRC tail at 46 mA.
        NbiotPowerProfile p = NbiotPowerProfile.SARA_N211;

        assertEquals(3.6 * 220e-3, p.drawW(PowerState.TX, PS), 1e-12);
        assertEquals(3.6 * 46e-3, p.drawW(PowerState.RX, PS), 1e-12);
        assertEquals(3.6 * 6e-3, p.drawW(PowerState.IDLE_DRX, PS), 1e-12);
        assertEquals(3.6 * 46e-3 * 20, p.drawW(PowerState.CONNECTED_IDLE, PS) * 20, 1e-12);
        assertEquals(3.6 * 3e-6, p.drawW(PowerState.PSM, PS), 1e-15);
        assertEquals(23.0, p.txOutputDbm());
    }

    @Test
    void nrf9160IdleModelReproducesBothPublishedEdrxAverages() {
        // nRF9160 PS, Cat-NB1: eDRX average 37 uA at 81.92 s and 9 uA at 655.36 s (one PO per PTW), 3.7 V;
        // PSM floor 2.7 uA.
        NbiotPowerProfile p = NbiotPowerProfile.NRF9160_CLASS;

        assertEquals(37e-6, p.idleDrawW(81_920_000L) / 3.7, 1e-12);
        assertEquals(9e-6, p.idleDrawW(655_360_000L) / 3.7, 1e-12);
        assertEquals(2.7e-6, p.drawW(PowerState.PSM, PS) / 3.7, 1e-15);
        PowerSavingConfig edrx = PS.withPaging(2_560_000L, 81_920_000L);
        assertEquals(37e-6, p.drawW(PowerState.IDLE_EDRX, edrx) / 3.7, 1e-12);
    }

    @Test
    void m5311IdleAverageAtItsDrxCycle() {
        // lpwan-facts B3: CMCC M5311 idle 0.4 mA at DRX 1.28 s, used for the MT2625 (BC66) class.
        NbiotPowerProfile p = NbiotPowerProfile.QUECTEL_BC66_CLASS;
        PowerSavingConfig drx128 = PS.withPaging(1_280_000L, 0L);

        assertEquals(0.4e-3, p.drawW(PowerState.IDLE_DRX, drx128) / 3.3, 1e-12);
        assertEquals(3e-6, p.drawW(PowerState.PSM, PS) / 3.3, 1e-15);
    }

    @Test
    void longerPagingCyclesCostLess() {
        NbiotPowerProfile p = NbiotPowerProfile.NRF9160_CLASS;
        double previous = Double.POSITIVE_INFINITY;
        for (long cycle = 20_480_000L; cycle <= 10_485_760_000L; cycle *= 2) {
            double w = p.idleDrawW(cycle);
            assertTrue(w < previous && w > p.idleSleepDrawW(), "cycle " + cycle);
            previous = w;
        }
    }

    @Test
    void byNameIgnoresCaseAndListsNames() {
        assertSame(NbiotPowerProfile.NRF9160_CLASS, NbiotPowerProfile.byName("nrf9160_class"));
        assertSame(NbiotPowerProfile.SARA_N211, NbiotPowerProfile.byName("SARA_N211"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NbiotPowerProfile.byName("BG96"));
        assertTrue(e.getMessage().contains("BG96") && e.getMessage().contains("QUECTEL_BC66_CLASS"), e.getMessage());
    }

    @Test
    void invalidValuesAreRejected() {
        NbiotPowerProfile p = NbiotPowerProfile.SARA_N211;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.withRxDrawW(-0.1));
        assertTrue(e.getMessage().contains("rxDrawW = -0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.withTx(23.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> p.withPsmDrawW(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> p.withName(" "));
        assertThrows(IllegalArgumentException.class, () -> p.idleDrawW(0L));
        assertEquals(0.01, p.withConnectedIdleDrawW(0.01).connectedIdleDrawW());
    }
}
