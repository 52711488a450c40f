package org.fedwan.channel.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lorawan.DataRate;
import org.fedwan.channel.lorawan.ReceiveWindows;
import org.fedwan.channel.lorawan.Region;
import org.junit.jupiter.api.Test;

/** The radio state machine and the battery. */
class EnergyMeterTest {

    private static final RadioProfile SX1276 = RadioProfile.SX1276_14DBM;

    @Test
    void timeAndEnergyPerState() {
        EnergyMeter m = new EnergyMeter(SX1276, McuProfile.NONE, null, 0L);
        m.enter(1_000_000L, RadioState.TX);   // 1 s asleep
        m.enter(1_500_000L, RadioState.SLEEP); // 0.5 s TX
        m.enter(2_500_000L, RadioState.RX);    // 1 s asleep
        m.advance(2_600_000L);                 // 0.1 s RX

        assertEquals(2_000_000L, m.radioTimeUs(RadioState.SLEEP));
        assertEquals(500_000L, m.radioTimeUs(RadioState.TX));
        assertEquals(100_000L, m.radioTimeUs(RadioState.RX));
        assertEquals(0L, m.radioTimeUs(RadioState.STANDBY));
        // E = V * I * t: 3.3 V * 44 mA * 0.5 s = 72.6 mJ; 3.3 * 10.8 mA * 0.1 s = 3.564 mJ; 3.3 * 0.2 uA * 2 s
        assertEquals(0.0726, m.radioEnergyJ(RadioState.TX), 1e-12);
        assertEquals(0.003564, m.radioEnergyJ(RadioState.RX), 1e-12);
        assertEquals(3.3 * 0.2e-6 * 2.0, m.radioEnergyJ(RadioState.SLEEP), 1e-15);
        assertEquals(0.0726 + 0.003564 + 3.3 * 0.2e-6 * 2.0, m.totalEnergyJ(), 1e-12);
        assertEquals(RadioState.RX, m.state());
        assertThrows(IllegalArgumentException.class, () -> m.advance(2_000_000L));
    }

    @Test
    void mcuIsActiveWhileTheRadioIsAwakeOrTheApplicationKeepsItBusy() {
        EnergyMeter m = new EnergyMeter(SX1276, McuProfile.LOW_POWER_MCU, null, 0L);
        m.enter(1_000_000L, RadioState.TX);
        m.enter(1_200_000L, RadioState.SLEEP);
        m.setMcuBusy(2_000_000L, true);
        m.setMcuBusy(3_000_000L, false);
        m.advance(4_000_000L);

        assertEquals(1_200_000L, m.mcuActiveTimeUs());
        double expectedMcu = 3.3 * (3.2e-3 * 1.2 + 2e-6 * 2.8);
        assertEquals(expectedMcu, m.mcuEnergyJ(), 1e-12);
        assertEquals(m.radioEnergyJ() + expectedMcu, m.totalEnergyJ(), 1e-12);
    }

    @Test
    void energyPerByteAtSf9LiesInSeed000sRange() {
        // seed 000 quotes 0.84-2.32 mJ/B; lpwan-facts A9: SF9 max frame (N = 115) at 14 dBm is
        // 0.855 mJ/B TX only and 0.93 mJ/B with the two empty receive windows (RX1 SF9, RX2 SF12).
        DataRate dr3 = Region.EU868.dataRate(3);
        long txUs = LoraPhy.timeOnAirUs(dr3.maxPhyPayloadBytes(), dr3.uplinkParams());
        long rx1Us = ReceiveWindows.emptyWindowUs(dr3.downlinkParams());
        long rx2Us = ReceiveWindows.emptyWindowUs(Region.EU868.dataRate(0).downlinkParams());
        EnergyMeter m = new EnergyMeter(SX1276, McuProfile.NONE, null, 0L);
        m.enter(0L, RadioState.TX);
        long t = txUs;
        m.enter(t, RadioState.SLEEP);
        t += ReceiveWindows.RECEIVE_DELAY1_US;
        m.enter(t, RadioState.RX);
        m.enter(t + rx1Us, RadioState.SLEEP);
        t += ReceiveWindows.RX2_AFTER_RX1_US;
        m.enter(t, RadioState.RX);
        m.enter(t + rx2Us, RadioState.SLEEP);

        double txMjPerByte = m.radioEnergyJ(RadioState.TX) * 1e3 / 115;
        double withRxMjPerByte = (m.radioEnergyJ(RadioState.TX) + m.radioEnergyJ(RadioState.RX)) * 1e3 / 115;
        assertEquals(0.855, txMjPerByte, 0.005);
        assertEquals(0.927, withRxMjPerByte, 0.005);
        assertTrue(txMjPerByte >= 0.84 && withRxMjPerByte <= 2.32);
    }

    @Test
    void batteryEmptiesInsideTheIntervalThatDrainsIt() {
        // 1 J battery, TX at 3.3 V * 44 mA = 0.1452 W: empty after 1 / 0.1452 = 6.887 s of TX.
        Battery b = new Battery(1.0, 0L);
        EnergyMeter m = new EnergyMeter(SX1276, McuProfile.NONE, b, 0L);
        m.enter(0L, RadioState.TX);
        m.advance(5_000_000L);
        assertFalse(b.isDepleted());
        m.advance(10_000_000L);
        assertTrue(b.isDepleted());
        assertEquals(6_887_052L, b.depletedAtUs(), 2);
        assertEquals(0.0, b.remainingJ());
    }

    @Test
    void batteryCapacityFromMilliampHours() {
        // Casals et al. 2017: 2400 mAh; at 3.3 V that is 2.4 Ah * 3600 s/h * 3.3 V = 28 512 J.
        assertEquals(28_512.0, Battery.joulesOfMilliampHours(2_400.0, 3.3), 1e-9);
        Battery b = Battery.ofMilliampHours(2_400.0, 3.3, 0L);
        assertEquals(28_512.0, b.capacityJ(), 1e-9);
        b.drain(1_000L, 12.0);
        assertEquals(28_500.0, b.remainingJ(), 1e-9);
        assertEquals(Long.MAX_VALUE, b.depletedAtUs());
        assertThrows(IllegalArgumentException.class, () -> b.drain(500L, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Battery(0.0, 0L));
        Battery unlimited = new Battery(Double.POSITIVE_INFINITY, 0L);
        unlimited.drain(10L, 1e9);
        assertFalse(unlimited.isDepleted());
    }
}
