package org.fedwan.channel.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.fedwan.channel.lora.LoraTxParams;
import org.fedwan.channel.lorawan.RetransmissionPolicy.Next;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Receive windows, retransmissions and fair use (lpwan-facts A3, A4). */
class MacRulesTest {

    @ParameterizedTest(name = "SF{0}: empty window {1} symbols = {2} us")
    @CsvSource({
            // lpwan-facts A4 [C]: max(ceil((4 Tsym + 20 ms) / Tsym), 6) symbols:
            // SF7 24.6 ms, SF9 36.9 ms, SF12 196.6 ms at 125 kHz.
            " 7, 24,  24576",
            " 9,  9,  36864",
            "12,  6, 196608",
    })
    void emptyWindowLength(int sf, int symbols, long expectedUs) {
        LoraTxParams p = LoraTxParams.downlink(sf, 125_000L);
        assertEquals(symbols, ReceiveWindows.emptyWindowSymbols(1L << sf << 3, 6, 10_000L));
        assertEquals(expectedUs, ReceiveWindows.emptyWindowUs(p));
    }

    @Test
    void windowTimingAndConstants() {
        // LoRaWAN 1.0.3 / RP 1.0.3revA defaults (lpwan-facts A4)
        assertEquals(11_000_000L, ReceiveWindows.rx1OpenUs(10_000_000L, ReceiveWindows.RECEIVE_DELAY1_US));
        assertEquals(12_000_000L, ReceiveWindows.rx2OpenUs(10_000_000L, ReceiveWindows.RECEIVE_DELAY1_US));
        // TTN's 5 s RX1 delay moves RX2 to 6 s
        assertEquals(16_000_000L, ReceiveWindows.rx2OpenUs(10_000_000L, 5_000_000L));
        assertEquals(64, ReceiveWindows.ADR_ACK_LIMIT);
        assertEquals(32, ReceiveWindows.ADR_ACK_DELAY);
        assertEquals(16_384, ReceiveWindows.MAX_FCNT_GAP);
    }

    @Test
    void unconfirmedUplinksRepeatNbTransTimes() {
        RetransmissionPolicy p = RetransmissionPolicy.DEFAULT.withNbTrans(3);
        assertEquals(Next.RETRANSMIT, p.afterAttempt(false, 1, false));
        assertEquals(Next.RETRANSMIT, p.afterAttempt(false, 2, false));
        assertEquals(Next.DONE, p.afterAttempt(false, 3, false));
        // a downlink stops the repetitions (LoRaWAN 1.0.4 NbTrans rule)
        assertEquals(Next.DONE, p.afterAttempt(false, 1, true));
        assertEquals(Next.DONE, RetransmissionPolicy.DEFAULT.afterAttempt(false, 1, false));
        assertEquals(0L, p.retransmitDelayUs(false, null));
    }

    @Test
    void confirmedUplinksRetryUntilAckOrEightAttempts() {
        RetransmissionPolicy p = RetransmissionPolicy.DEFAULT;
        assertEquals(Next.DONE, p.afterAttempt(true, 1, true));
        assertEquals(Next.RETRANSMIT, p.afterAttempt(true, 7, false));
        assertEquals(Next.GIVE_UP, p.afterAttempt(true, 8, false));
        assertThrows(IllegalArgumentException.class, () -> p.afterAttempt(true, 0, false));
    }

    @Test
    void retransmitTimeoutIsTwoPlusMinusOneSecond() {
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(5);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        double sum = 0;
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            long d = RetransmissionPolicy.DEFAULT.retransmitDelayUs(true, rng);
            min = Math.min(min, d);
            max = Math.max(max, d);
            sum += d;
        }
        assertTrue(min >= 1_000_000L && max <= 3_000_000L, min + ".." + max);
        assertEquals(2_000_000.0, sum / n, 10_000.0);
        assertThrows(IllegalArgumentException.class, () -> new RetransmissionPolicy(16, 8, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new RetransmissionPolicy(1, 0, 1, 2));
    }

    @Test
    void fairUseAllowsThirtySecondsOfAirtimePerDay() {
        // TTN fair use (lpwan-facts A3): 30 s of uplink airtime per device per day.
        DailyBudget b = new DailyBudget(DailyBudget.TTN_UPLINK_AIRTIME_US_PER_DAY);
        long frameUs = 1_482_752L; // SF12, 12-byte payload + 13 bytes overhead
        long t = 0;
        int frames = 0;
        while (b.allows(t, frameUs)) {
            b.consume(t, frameUs);
            frames++;
            t += 60_000_000L;
        }
        assertEquals(20, frames); // floor(30 s / 1.4828 s)
        assertEquals(DailyBudget.DAY_US, b.nextAllowedUs(t, frameUs));
        assertTrue(b.allows(DailyBudget.DAY_US, frameUs));
        assertEquals(DailyBudget.TTN_UPLINK_AIRTIME_US_PER_DAY, b.remaining(DailyBudget.DAY_US + 1));
        assertEquals(Long.MAX_VALUE, new DailyBudget(DailyBudget.TTN_UPLINK_AIRTIME_US_PER_DAY)
                .nextAllowedUs(0, 31_000_000L));
        assertEquals(20L * frameUs, b.usedTotal());
        assertThrows(IllegalStateException.class, () -> {
            DailyBudget small = new DailyBudget(10);
            small.consume(0, 11);
        });
    }

    @Test
    void downlinkQuotaCountsMessages() {
        DailyBudget downlinks = new DailyBudget(DailyBudget.TTN_DOWNLINKS_PER_DAY);
        for (int i = 0; i < 10; i++) {
            downlinks.consume(i, 1);
        }
        assertFalse(downlinks.allows(11, 1));
        assertTrue(downlinks.allows(DailyBudget.DAY_US + 5, 1));
    }
}
