package org.fedwan.channel.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DRX, eDRX and PSM timer ranges (lpwan-facts B2). */
class PowerSavingConfigTest {

    private static final PowerSavingConfig D = PowerSavingConfig.DEFAULT;

    @Test
    void defaults() {
        assertEquals(20_000_000L, D.inactivityTimerUs());
        assertEquals(2_560_000L, D.drxCycleUs());
        assertEquals(0L, D.edrxCycleUs());
        assertEquals(60_000_000L, D.t3324Us());
        assertEquals(54L * 60 * 1_000_000L, D.t3412Us());
        assertEquals(PowerState.IDLE_DRX, D.idleState());
    }

    @ParameterizedTest
    @ValueSource(longs = {20_480_000L, 81_920_000L, 655_360_000L, 10_485_760_000L})
    void edrxCyclesFrom20sTo2point91h(long cycleUs) {
        PowerSavingConfig c = D.withPaging(2_560_000L, cycleUs);

        assertEquals(PowerState.IDLE_EDRX, c.idleState());
        assertEquals(cycleUs, c.pagingCycleUs());
    }

    @Test
    void outOfRangeTimersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> D.withPaging(3_000_000L, 0L));
        assertTrue(e.getMessage().contains("drxCycleUs = 3000000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> D.withPaging(2_560_000L, 30_000_000L));
        assertThrows(IllegalArgumentException.class, () -> D.withPaging(2_560_000L, 20_971_520_000L));
        assertThrows(IllegalArgumentException.class, () -> D.withPsm(true, 187L * 60 * 1_000_000L, 10_000_000_000L));
        assertThrows(IllegalArgumentException.class, () -> D.withPsm(true, 0L, 9921L * 3600 * 1_000_000L));
        assertThrows(IllegalArgumentException.class, () -> D.withRelease(-1L, false));
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> D.withPsm(true, 600_000_000L, 600_000_000L));
        assertTrue(order.getMessage().contains("t3412Us > t3324Us"), order.getMessage());
    }

    @Test
    void longestTimersAreAllowed() {
        // T3412 31 x 320 h (about 413 days), T3324 186 min.
        PowerSavingConfig c = D.withPsm(true, 186L * 60 * 1_000_000L, 31L * 320 * 3600 * 1_000_000L);
        assertEquals(413.3, c.t3412Us() / 86_400e6, 0.1);
        assertEquals(D.t3324Us(), D.withPsm(false, 60_000_000L, 60_000_000L).t3324Us());
    }

    @Test
    void pagingWindowHoldsOnePagingOccasionPerDrxCycle() {
        PowerSavingConfig edrx = PowerSavingConfig.DEFAULT.withPaging(2_560_000L, 81_920_000L);

        assertEquals(1, edrx.pagingOccasionsPerCycle());
        assertEquals(4, edrx.withPagingWindowUs(10_240_000L).pagingOccasionsPerCycle());
        assertEquals(2, edrx.withPaging(1_280_000L, 81_920_000L).withPagingWindowUs(2_560_000L).pagingOccasionsPerCycle());
        // without eDRX the window does not apply
        assertEquals(1, PowerSavingConfig.DEFAULT.withPagingWindowUs(10_240_000L).pagingOccasionsPerCycle());
        // the idle draw counts each occasion: floor + 4 x E_PO / cycle
        NbiotPowerProfile p = NbiotPowerProfile.NRF9160_CLASS;
        PowerSavingConfig ptw = edrx.withPagingWindowUs(10_240_000L);
        assertEquals(p.idleSleepDrawW() + 4 * p.pagingOccasionJ() / 81.92, p.drawW(PowerState.IDLE_EDRX, ptw), 1e-12);
        assertEquals(p.idleDrawW(81_920_000L), p.drawW(PowerState.IDLE_EDRX, edrx));
    }

    @Test
    void pagingWindowTakesOnlyTheNbS1Values() {
        PowerSavingConfig edrx = PowerSavingConfig.DEFAULT.withPaging(2_560_000L, 20_480_000L);

        assertThrows(IllegalArgumentException.class, () -> edrx.withPagingWindowUs(1_000_000L));
        assertThrows(IllegalArgumentException.class, () -> edrx.withPagingWindowUs(17 * 2_560_000L));
        // longer than the 20.48 s eDRX cycle
        assertThrows(IllegalArgumentException.class, () -> edrx.withPagingWindowUs(10 * 2_560_000L));
        assertEquals(20_480_000L, edrx.withPagingWindowUs(20_480_000L).pagingWindowUs());
    }
}
