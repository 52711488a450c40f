package org.fedwan.channel.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fedwan.channel.lora.LoraDemodulation;
import org.fedwan.channel.lora.SensitivityTable;
import org.junit.jupiter.api.Test;

/** Spreading-factor assignment by link budget and the margin-based ADR. */
class DataRateAssignmentAndAdrTest {

    private static final List<Integer> EU = Region.EU868.channelDataRates();
    private static final SensitivityTable GW = SensitivityTable.GATEWAY_SX1301;

    @Test
    void lowestSpreadingFactorThatClosesTheLink() {
        // ns-3 gateway table: SF7 -126.5, SF8 -129, SF9 -131.5 dBm.
        assertEquals(5, DataRateAssignment.fastestClosing(Region.EU868, EU, -126.5, GW, 0.0));
        assertEquals(4, DataRateAssignment.fastestClosing(Region.EU868, EU, -126.6, GW, 0.0));
        assertEquals(3, DataRateAssignment.fastestClosing(Region.EU868, EU, -131.5, GW, 0.0));
        // a 10 dB margin moves a -120 dBm device from SF7 to SF9 (-131.5 + 10 = -121.5 <= -120)
        assertEquals(5, DataRateAssignment.fastestClosing(Region.EU868, EU, -120.0, GW, 0.0));
        assertEquals(3, DataRateAssignment.fastestClosing(Region.EU868, EU, -120.0, GW, 10.0));
        // out of range even at SF12: the slowest rate (ns-3 SetSpreadingFactorsUp)
        assertEquals(0, DataRateAssignment.fastestClosing(Region.EU868, EU, -150.0, GW, 0.0));
        assertThrows(IllegalArgumentException.class,
                () -> DataRateAssignment.fastestClosing(Region.EU868, List.of(), -100.0, GW, 0.0));
    }

    @Test
    void us915PrefersTheWideChannelWhenItCloses() {
        // DR4 = SF8/500 kHz needs -129 + 6.02 = -122.98 dBm; DR3 = SF7/125 kHz -126.5 dBm.
        List<Integer> us = Region.US915.channelDataRates();
        assertEquals(4, DataRateAssignment.fastestClosing(Region.US915, us, -122.0, GW, 0.0));
        assertEquals(3, DataRateAssignment.fastestClosing(Region.US915, us, -124.0, GW, 0.0));
    }

    @Test
    void adrRaisesTheDataRateByOneStepPerThreeDecibelsOfMargin() {
        // SF12 (DR0, SNRmin -20 dB), SNR -5 dB, installation margin 10 dB:
        // margin = -5 + 20 - 10 = 5 dB -> floor(5/3) = 1 step -> DR1.
        Adr.Decision d = Adr.recommend(-5.0, LoraDemodulation.requiredSnrDb(12), 0, 5, 14.0, 2.0, 14.0,
                Adr.Settings.DEFAULT);
        assertEquals(1, d.dataRateIndex());
        assertEquals(14.0, d.txPowerDbm());
        // ns-3 settings (no margin): 15 dB -> 5 steps -> DR5
        assertEquals(5, Adr.recommend(-5.0, -20.0, 0, 5, 14.0, 2.0, 14.0, Adr.Settings.NS3).dataRateIndex());
        // steps beyond the fastest rate lower the power when power control is on: 9 steps, 5 used by DR
        Adr.Settings withPower = new Adr.Settings(4, Adr.Combining.AVERAGE, 0.0, 3.0, true);
        Adr.Decision p = Adr.recommend(7.0, -20.0, 0, 5, 14.0, 2.0, 14.0, withPower);
        assertEquals(5, p.dataRateIndex());
        assertEquals(6.0, p.txPowerDbm());
        // a negative margin never lowers the data rate; with power control it raises the power
        Adr.Decision up = Adr.recommend(-25.0, -20.0, 2, 5, 10.0, 2.0, 14.0, withPower);
        assertEquals(2, up.dataRateIndex());
        assertEquals(14.0, up.txPowerDbm());
    }

    @Test
    void snrHistoryCombining() {
        double[] h = {-3.0, 1.0, -7.0, 0.0};
        assertEquals(1.0, Adr.combine(h, 4, Adr.Combining.MAX));
        assertEquals(-7.0, Adr.combine(h, 4, Adr.Combining.MIN));
        assertEquals(-2.25, Adr.combine(h, 4, Adr.Combining.AVERAGE));
        assertEquals(-1.0, Adr.combine(h, 2, Adr.Combining.AVERAGE));
        assertThrows(IllegalArgumentException.class, () -> Adr.combine(h, 5, Adr.Combining.MAX));
    }

    @Test
    void deviceBackOffAfterAdrAckLimitPlusDelay() {
        // LoRaWAN 1.0.3 section 4.3.1.1 with ADR_ACK_LIMIT 64 and ADR_ACK_DELAY 32.
        assertFalse(Adr.deviceRequestsAck(63, 64));
        assertTrue(Adr.deviceRequestsAck(64, 64));
        assertFalse(Adr.deviceShouldStepDown(95, 64, 32));
        assertTrue(Adr.deviceShouldStepDown(96, 64, 32));
        assertFalse(Adr.deviceShouldStepDown(97, 64, 32));
        assertTrue(Adr.deviceShouldStepDown(128, 64, 32));
        assertThrows(IllegalArgumentException.class, () -> new Adr.Settings(0, Adr.Combining.MAX, 10, 3, false));
    }
}
