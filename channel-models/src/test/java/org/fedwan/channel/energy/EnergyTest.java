package org.fedwan.channel.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lorawan.DataRate;
import org.fedwan.channel.lorawan.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Energy per useful byte against lpwan-facts A9. */
class EnergyTest {

    /** lpwan-facts A4 [C]: empty receive windows (LoRaMac-node timeout formula), SF9 and SF12. */
    private static final long RX_WINDOW_SF9_US = 36_864L;
    private static final long RX_WINDOW_SF12_US = 196_608L;

    @Test
    void joulesIsVoltsTimesAmpsTimesSeconds() {
        // E = V * I * t (lpwan-facts A5): 3.3 V * 44 mA * 1 s = 0.1452 J.
        assertEquals(0.1452, Energy.joules(3.3, 0.044, 1_000_000L), 1e-12);
        assertEquals(0.0, Energy.joules(3.3, 0.044, 0L));
    }

    @Test
    void sf9MaxFrameCosts0855MillijoulesPerByte() {
        // lpwan-facts A9: SF9 (N = 115, PHY = 128 B), TX 14 dBm, SX1276 44 mA at 3.3 V:
        // 0.855 mJ/B; inside seed 000's quoted 0.84-2.32 mJ/B range.
        DataRate dr3 = Region.EU868.dataRate(3);
        long airtimeUs = LoraPhy.timeOnAirUs(dr3.maxPhyPayloadBytes(), dr3.uplinkParams());

        double mjPerByte = Energy.joules(RadioProfile.SX1276_14DBM, RadioState.TX, airtimeUs) * 1e3 / 115;

        assertEquals(128, dr3.maxPhyPayloadBytes());
        assertEquals(0.855, mjPerByte, 0.855 * 0.01);
        assertTrue(mjPerByte >= 0.84 && mjPerByte <= 2.32, mjPerByte + " mJ/B");
    }

    @ParameterizedTest(name = "EU868 DR{0}: {1} mJ/B")
    @CsvSource({
            // lpwan-facts A9, column "TX 14 dBm" (SX1276, 44 mA, 3.3 V, max-size frames):
            // SF7 (242) 0.240, SF8 (242) 0.424, SF9 (115) 0.855, SF10 (51) 1.99, SF12 (51) 7.95.
            "5, 0.240", "4, 0.424", "3, 0.855", "2, 1.99", "0, 7.95",
    })
    void txEnergyPerByteColumn(int index, double tableMjPerByte) {
        DataRate dr = Region.EU868.dataRate(index);
        long airtimeUs = LoraPhy.timeOnAirUs(dr.maxPhyPayloadBytes(), dr.uplinkParams());

        double mjPerByte = Energy.joules(RadioProfile.SX1276_14DBM, RadioState.TX, airtimeUs) * 1e3
                / dr.maxFrmPayloadBytes();

        assertEquals(tableMjPerByte, mjPerByte, tableMjPerByte * 0.01, "DR" + index);
    }

    @Test
    void sx1262WithTwoEmptyReceiveWindows() {
        // lpwan-facts A9, column "SX1262 14 dBm +RX", SF9: 0.905 mJ/B. TX 45 mA over the SF9
        // max frame, then RX 4.6 mA over an empty RX1 at SF9 and an empty RX2 at SF12 (EU868 RX2
        // is DR0, lpwan-facts A4), window lengths from A4.
        RadioProfile radio = RadioProfile.SX1262_14DBM;
        DataRate dr3 = Region.EU868.dataRate(3);
        long airtimeUs = LoraPhy.timeOnAirUs(dr3.maxPhyPayloadBytes(), dr3.uplinkParams());

        double joules = Energy.joules(radio, RadioState.TX, airtimeUs)
                + Energy.joules(radio, RadioState.RX, RX_WINDOW_SF9_US)
                + Energy.joules(radio, RadioState.RX, RX_WINDOW_SF12_US);

        assertEquals(0.905, joules * 1e3 / 115, 0.905 * 0.01);
    }

    @Test
    void sx1276ReceiveColumnAssumesLnaBoostCurrent() {
        // lpwan-facts A9, column "+RX SX1276", SF9: 0.932 mJ/B. It is reproduced with the 11.5 mA
        // LNA-boost RX current of A5 [V], not with the profile's 10.8 mA default [U], which gives
        // 0.927 (outside the table's rounding); the [U] default is configurable through withRxCurrentA.
        DataRate dr3 = Region.EU868.dataRate(3);
        long airtimeUs = LoraPhy.timeOnAirUs(dr3.maxPhyPayloadBytes(), dr3.uplinkParams());

        RadioProfile lnaBoost = RadioProfile.SX1276_14DBM.withRxCurrentA(11.5e-3);
        double lnaBoostMjPerByte = (Energy.joules(lnaBoost, RadioState.TX, airtimeUs)
                + Energy.joules(lnaBoost, RadioState.RX, RX_WINDOW_SF9_US + RX_WINDOW_SF12_US)) * 1e3 / 115;
        RadioProfile defaults = RadioProfile.SX1276_14DBM;
        double defaultMjPerByte = (Energy.joules(defaults, RadioState.TX, airtimeUs)
                + Energy.joules(defaults, RadioState.RX, RX_WINDOW_SF9_US + RX_WINDOW_SF12_US)) * 1e3 / 115;

        assertEquals(0.932, lnaBoostMjPerByte, 0.0005);
        assertTrue(Math.abs(defaultMjPerByte - 0.932) > 0.0005, defaultMjPerByte + " mJ/B");
    }

    @Test
    void highPowerEndOfTheRange() {
        // lpwan-facts A9, column "SX1276 20 dBm" (120 mA, A5), SF9: 2.331 mJ/B, the top of the
        // quoted 0.84-2.32 mJ/B range.
        DataRate dr3 = Region.EU868.dataRate(3);
        long airtimeUs = LoraPhy.timeOnAirUs(dr3.maxPhyPayloadBytes(), dr3.uplinkParams());
        RadioProfile radio = RadioProfile.SX1276_14DBM.withTxPower(20.0, 120e-3);

        double mjPerByte = Energy.joules(radio, RadioState.TX, airtimeUs) * 1e3 / 115;

        assertEquals(2.331, mjPerByte, 0.0005);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Energy.joules(3.3, 0.044, -1L));
        assertThrows(IllegalArgumentException.class, () -> Energy.joules(-3.3, 0.044, 1L));
        assertThrows(IllegalArgumentException.class, () -> Energy.joules(3.3, Double.NaN, 1L));
    }
}
