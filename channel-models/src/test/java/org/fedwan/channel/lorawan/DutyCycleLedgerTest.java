package org.fedwan.channel.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fedwan.channel.lora.LoraPhy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Off-time arithmetic (LoRaMac-node 2016 TimeOff = ToA*DCycle - ToA) and the ledger state. */
class DutyCycleLedgerTest {

    private static final long HOUR_US = 3_600_000_000L;

    @ParameterizedTest(name = "EU868 DR{0}: Toff @ 1 % = {1} s")
    @CsvSource({
            // lpwan-facts A2 EU868 table, column "Toff @ 1 %", for a max-N frame at each DR
            // (printed to 0.1 s, so the check allows 0.05 s).
            "0, 276.6", "1, 154.5", "2, 69.1", "3, 67.0", "4, 70.0", "5, 39.6", "6, 19.8",
    })
    void eu868OffTimeColumn(int index, double tableSeconds) {
        DataRate dr = Region.EU868.dataRate(index);
        long airtimeUs = LoraPhy.timeOnAirUs(dr.maxPhyPayloadBytes(), dr.uplinkParams());

        long offUs = DutyCycleLedger.offTimeUs(airtimeUs, 0.01);

        assertEquals(tableSeconds, offUs / 1e6, 0.05, "DR" + index);
        assertEquals(99 * airtimeUs, offUs, "at 1 % the off time is exactly 99 x ToA");
    }

    @Test
    void offTimeRoundsUpToWholeMicroseconds() {
        // 1 us at 30 %: 1/0.3 - 1 = 2.333... us -> 3 us.
        assertEquals(3L, DutyCycleLedger.offTimeUs(1L, 0.3));
        // 10 % sub-band (869.4-869.65 MHz, lpwan-facts A3): 9 x ToA, exact.
        assertEquals(9_000L, DutyCycleLedger.offTimeUs(1_000L, 0.1));
        // 0.1 % sub-band: 999 x ToA.
        assertEquals(999_000L, DutyCycleLedger.offTimeUs(1_000L, 0.001));
        assertEquals(0L, DutyCycleLedger.offTimeUs(1_000L, 1.0));
    }

    @Test
    void firstTransmissionIsAllowedImmediately() {
        DutyCycleLedger ledger = new DutyCycleLedger(0.01);

        assertEquals(5_000L, ledger.nextAllowedTxUs(5_000L));
    }

    @Test
    void transmissionClosesTheSubBandForToaOverDc() {
        // SF7 max-N frame, 399.616 ms; at 1 % the next start is ToA/dc = 39.9616 s after the first.
        DutyCycleLedger ledger = new DutyCycleLedger(0.01);
        ledger.recordTransmission(1_000_000L, 399_616L);

        assertEquals(1_000_000L + 39_961_600L, ledger.nextAllowedTxUs(1_000_000L));
        assertEquals(1_000_000L + 39_961_600L, ledger.nextAllowedTxUs(2_000_000L));
        assertEquals(50_000_000L, ledger.nextAllowedTxUs(50_000_000L));
    }

    @Test
    void startingBeforeAllowedIsAnError() {
        DutyCycleLedger ledger = new DutyCycleLedger(0.01);
        ledger.recordTransmission(0L, 399_616L);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ledger.recordTransmission(39_961_599L, 1_000L));
        assertTrue(e.getMessage().contains("39961600"), e.getMessage());

        ledger.recordTransmission(39_961_600L, 1_000L);
        assertEquals(2L, ledger.transmissionCount());
        assertEquals(400_616L, ledger.totalAirtimeUs());
    }

    @Test
    void onePercentBudgetIsThirtySixSecondsPerHour() {
        // lpwan-facts A3: 1 % = 36 s of airtime per hour; at max N, SF12 gives 12.9 frames/h.
        // Back-to-back SF12 max frames for 100 h: one every ToA/dc = 279.3472 s.
        DutyCycleLedger ledger = new DutyCycleLedger(0.01);
        DataRate dr0 = Region.EU868.dataRate(0);
        long airtimeUs = LoraPhy.timeOnAirUs(dr0.maxPhyPayloadBytes(), dr0.uplinkParams());
        long now = 0;
        while (ledger.nextAllowedTxUs(now) < 100 * HOUR_US) {
            now = ledger.nextAllowedTxUs(now);
            ledger.recordTransmission(now, airtimeUs);
        }

        assertEquals(12.9, ledger.transmissionCount() / 100.0, 0.05);
        assertEquals(36.0, ledger.totalAirtimeUs() / 100.0 / 1e6, 0.1);
    }

    @Test
    void theRememberedOffTimeIsTheFormulasForRepeatedAndChangingAirtimes() {
        // the ledger keeps the off time of the last airtime: repeats, changes and returns must all give the formula's
        DutyCycleLedger ledger = new DutyCycleLedger(0.003);
        long[] airtimesUs = {56_576L, 56_576L, 1_318_912L, 56_576L, 1L, 1L, 370_688L, 56_576L};
        long now = 0;
        for (long airtimeUs : airtimesUs) {
            now = ledger.nextAllowedTxUs(now) + 7L;
            ledger.recordTransmission(now, airtimeUs);
            assertEquals(now + airtimeUs + DutyCycleLedger.offTimeUs(airtimeUs, 0.003), ledger.nextAllowedTxUs(now));
        }
        // 0.3 %: ToA/dc - ToA = 997/3 ToA rounded up, e.g. 56,576 us -> 18,802,090.67 -> 18,802,091 us
        assertEquals(18_802_091L, DutyCycleLedger.offTimeUs(56_576L, 0.003));
    }

    @Test
    void unlimitedStillForbidsOverlap() {
        DutyCycleLedger ledger = DutyCycleLedger.unlimited();
        ledger.recordTransmission(0L, 1_000L);

        assertEquals(1_000L, ledger.nextAllowedTxUs(0L));
        assertThrows(IllegalStateException.class, () -> ledger.recordTransmission(999L, 10L));
    }

    @Test
    void invalidArgumentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DutyCycleLedger(0.0));
        assertTrue(e.getMessage().contains("dutyCycle = 0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DutyCycleLedger(1.01));
        assertThrows(IllegalArgumentException.class, () -> new DutyCycleLedger(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> DutyCycleLedger.offTimeUs(-1L, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new DutyCycleLedger(0.01).recordTransmission(0L, 0L));
    }
}
