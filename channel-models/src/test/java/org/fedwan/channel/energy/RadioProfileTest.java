package org.fedwan.channel.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Built-in profiles (lpwan-facts A5), lookup, validation and copies. */
class RadioProfileTest {

    @Test
    void sx1276Currents() {
        // lpwan-facts A5: sleep 0.2 uA, standby 1.6 mA [U], RX 10.8 mA [U], TX 44 mA at 14 dBm, 3.3 V.
        RadioProfile p = RadioProfile.SX1276_14DBM;

        assertEquals(3.3, p.supplyVoltageV());
        assertEquals(0.2e-6, p.currentA(RadioState.SLEEP));
        assertEquals(1.6e-3, p.currentA(RadioState.STANDBY));
        assertEquals(10.8e-3, p.currentA(RadioState.RX));
        assertEquals(44e-3, p.currentA(RadioState.TX));
        assertEquals(14.0, p.txPowerDbm());
    }

    @Test
    void sx1262Currents() {
        // lpwan-facts A5: sleep 0.16 uA, standby 0.6 mA [U], RX 4.6 mA, TX 45 mA at 14 dBm, 3.3 V.
        RadioProfile p = RadioProfile.SX1262_14DBM;

        assertEquals(0.16e-6, p.currentA(RadioState.SLEEP));
        assertEquals(0.6e-3, p.currentA(RadioState.STANDBY));
        assertEquals(4.6e-3, p.currentA(RadioState.RX));
        assertEquals(45e-3, p.currentA(RadioState.TX));
    }

    @Test
    void datasheetCurrentsByTxPower() {
        // SX1276 datasheet rev. 7 table 6 (lpwan-facts A5): PA_BOOST +17 dBm 87 mA, +20 dBm 120 mA;
        // LNA boost on, band 1: RX 11.5 mA. SX1262: +22 dBm 118 mA (A5), +17 dBm 58 mA [U].
        assertSame(RadioProfile.SX1276_14DBM, RadioProfile.datasheet("sx1276", 14.0, false));
        assertSame(RadioProfile.SX1262_14DBM, RadioProfile.datasheet("SX1262_14dbm", 14.0, false));
        assertEquals(87e-3, RadioProfile.datasheet("sx1276", 17.0, false).currentA(RadioState.TX));
        assertEquals(120e-3, RadioProfile.datasheet("sx1276", 20.0, false).currentA(RadioState.TX));
        assertEquals(20.0, RadioProfile.datasheet("sx1276", 20.0, false).txPowerDbm());
        assertEquals(118e-3, RadioProfile.datasheet("sx1262", 22.0, false).currentA(RadioState.TX));
        assertEquals(58e-3, RadioProfile.datasheet("sx1262", 17.0, false).currentA(RadioState.TX));
        RadioProfile boosted = RadioProfile.datasheet("sx1276", 14.0, true);
        assertEquals(11.5e-3, boosted.currentA(RadioState.RX));
        assertEquals(44e-3, boosted.currentA(RadioState.TX));
        assertEquals(5.3e-3, RadioProfile.datasheet("sx1262", 14.0, true).currentA(RadioState.RX));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RadioProfile.datasheet("sx1276", 22.0, false));
        assertTrue(e.getMessage().contains("allowed: 14, 17, 20 dBm"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RadioProfile.datasheet("sx1272", 14.0, false));
    }

    @Test
    void byNameIgnoresCaseAndListsAllowedNames() {
        assertSame(RadioProfile.SX1276_14DBM, RadioProfile.byName("sx1276_14dbm"));
        assertSame(RadioProfile.SX1262_14DBM, RadioProfile.byName("SX1262_14DBM"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RadioProfile.byName("SX1272"));
        assertTrue(e.getMessage().contains("SX1272"), e.getMessage());
        assertTrue(e.getMessage().contains("SX1276_14DBM, SX1262_14DBM"), e.getMessage());
    }

    @Test
    void copiesChangeOneValue() {
        // lpwan-facts A5: LoRaSim models at 3.0 V; ns-3's standby is 1.4 mA.
        RadioProfile p = RadioProfile.SX1276_14DBM;

        assertEquals(3.0, p.withSupplyVoltageV(3.0).supplyVoltageV());
        assertEquals(p.rxCurrentA(), p.withSupplyVoltageV(3.0).rxCurrentA());
        assertEquals(29e-3, p.withTxCurrentA(29e-3).txCurrentA());
        assertEquals(1.4e-3, p.withStandbyCurrentA(1.4e-3).currentA(RadioState.STANDBY));
        assertEquals(1.5e-6, p.withSleepCurrentA(1.5e-6).currentA(RadioState.SLEEP));
        assertEquals(11.5e-3, p.withRxCurrentA(11.5e-3).currentA(RadioState.RX));
        assertEquals("MINE", p.withName("MINE").name());
        RadioProfile boosted = p.withTxPower(17.0, 87e-3);
        assertEquals(17.0, boosted.txPowerDbm());
        assertEquals(87e-3, boosted.txCurrentA());
        assertNotEquals(p, boosted);
        assertEquals(p, p.withTxCurrentA(44e-3));
    }

    @Test
    void invalidValuesAreRejected() {
        RadioProfile p = RadioProfile.SX1276_14DBM;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.withSupplyVoltageV(0.0));
        assertTrue(e.getMessage().contains("supplyVoltageV = 0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.withTxCurrentA(0.0));
        assertThrows(IllegalArgumentException.class, () -> p.withRxCurrentA(-1e-3));
        assertThrows(IllegalArgumentException.class, () -> p.withSleepCurrentA(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> p.withTxPower(Double.NaN, 44e-3));
        assertThrows(IllegalArgumentException.class, () -> p.withName(""));
    }
}
