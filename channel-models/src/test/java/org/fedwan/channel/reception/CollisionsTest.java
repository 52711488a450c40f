package org.fedwan.channel.reception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Collision and capture cases built by hand: two frames on the same channel and SF7/125 kHz
 * (Tsym 1024 µs), LoRaSim rule (6 dB capture, 3 preamble symbols).
 */
class CollisionsTest {

    private static final long TSYM_US = 1_024L;
    private static final CaptureRule RULE = CaptureRule.LORASIM;

    private static int resolve(long aStart, long aEnd, double aDbm, long bStart, long bEnd, double bDbm) {
        return Collisions.resolve(aStart, aEnd, aDbm, bStart, bEnd, bDbm, TSYM_US, RULE);
    }

    @Test
    void framesThatDoNotOverlapBothSurvive() {
        assertEquals(Collisions.NONE_LOST, resolve(0, 50_000, -120, 50_000, 100_000, -120));
        assertEquals(Collisions.NONE_LOST, resolve(60_000, 90_000, -120, 0, 50_000, -120));
    }

    @Test
    void strongerByTenDecibelsCapturesTheWeaker() {
        // B starts 10 ms into A and is 10 dB stronger: A is lost, B survives.
        assertEquals(Collisions.FIRST_LOST, resolve(0, 50_000, -120, 10_000, 60_000, -110));
        // the same with the roles swapped
        assertEquals(Collisions.SECOND_LOST, resolve(0, 50_000, -110, 10_000, 60_000, -120));
    }

    @Test
    void withinTheCaptureThresholdBothAreLost() {
        assertEquals(Collisions.BOTH_LOST, resolve(0, 50_000, -120, 10_000, 60_000, -117));
        assertEquals(Collisions.BOTH_LOST, resolve(0, 50_000, -120, 0, 50_000, -120));
        assertEquals(Collisions.BOTH_LOST, resolve(0, 50_000, -120.0, 10_000, 60_000, -114.01));
        // exactly 6 dB captures (LoRaSim: abs(diff) < 6 collides both)
        assertEquals(Collisions.FIRST_LOST, resolve(0, 50_000, -120.0, 10_000, 60_000, -114.0));
    }

    @Test
    void overlapWithinTheFirstThreePreambleSymbolsIsHarmless() {
        // A ends 3 symbols after B starts: only B's first 3 preamble symbols overlap.
        assertEquals(Collisions.NONE_LOST, resolve(0, 50_000, -120, 50_000 - 3 * TSYM_US, 90_000, -120));
        // one microsecond more overlap and the power rule applies
        assertEquals(Collisions.BOTH_LOST, resolve(0, 50_000, -120, 50_000 - 3 * TSYM_US - 1, 90_000, -120));
        // argument order does not matter
        assertEquals(Collisions.NONE_LOST, resolve(50_000 - 3 * TSYM_US, 90_000, -120, 0, 50_000, -120));
    }

    @Test
    void ruleParametersAreHonoured() {
        CaptureRule noRescue = new CaptureRule(1.0, 0);
        assertEquals(Collisions.SECOND_LOST,
                Collisions.resolve(0, 50_000, -118, 49_000, 90_000, -120, TSYM_US, noRescue));
        assertThrows(IllegalArgumentException.class, () -> new CaptureRule(-1.0, 3));
        assertThrows(IllegalArgumentException.class, () -> new CaptureRule(6.0, -1));
    }

    @Test
    void eightDemodulatorsThenNone() {
        DemodulatorPool pool = new DemodulatorPool(DemodulatorPool.SX1301_PATHS);
        for (int i = 0; i < 8; i++) {
            assertTrue(pool.tryAcquire(1_000 + i, 100_000), "path " + i);
        }
        assertEquals(8, pool.busyPaths(50_000));
        assertFalse(pool.tryAcquire(50_000, 120_000));
        // a path frees when its frame ends
        assertTrue(pool.tryAcquire(100_000, 150_000));
        assertEquals(1, pool.busyPaths(100_000));
        assertThrows(IllegalArgumentException.class, () -> new DemodulatorPool(0));
    }
}
