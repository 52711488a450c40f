package org.fedwan.channel.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The energy-per-report formula (lpwan-facts B4) on small hand-made plans. */
class NbiotEnergyTest {

    private static final PowerSavingConfig PS = PowerSavingConfig.DEFAULT.withPsm(true, 10_000_000L, 3_600_000_000L);
    private static final NbiotPowerProfile P = NbiotPowerProfile.TR_45_820;

    private static final ProcedurePlan PLAN = new ProcedurePlan(List.of(
            new Phase(PhaseKind.SYNC, PowerState.RX, 1_000_000L),
            new Phase(PhaseKind.UPLINK_DATA, PowerState.TX, 2_000_000L),
            new Phase(PhaseKind.INACTIVITY, PowerState.CONNECTED_IDLE, 4_000_000L)), 3_000_000L);

    @Test
    void planEnergyIsDrawTimesDuration() {
        // 0.08 W x 1 s + 0.5 W x 2 s + 0.003 W x 4 s = 1.092 J
        assertEquals(1.092, PLAN.energyJ(P, PS), 1e-12);
    }

    @Test
    void reportEnergyAddsIdleThenPsm() {
        // IAT 100 s: plan 7 s, idle T3324 = 10 s at 3 mW (light sleep floor, no paging energy), PSM 83 s at 0.015 mW.
        double expected = 1.092 + 0.003 * 10 + 0.015e-3 * 83;

        assertEquals(10_000_000L, NbiotEnergy.idleUs(PLAN, PS, 100_000_000L));
        assertEquals(83_000_000L, NbiotEnergy.psmUs(PLAN, PS, 100_000_000L));
        assertEquals(expected, NbiotEnergy.reportEnergyJ(PLAN, P, PS, 100_000_000L), 1e-12);
    }

    @Test
    void shortIntervalsNeverReachPsm() {
        assertEquals(5_000_000L, NbiotEnergy.idleUs(PLAN, PS, 12_000_000L));
        assertEquals(0L, NbiotEnergy.psmUs(PLAN, PS, 12_000_000L));
        PowerSavingConfig noPsm = PS.withPsm(false, 10_000_000L, 3_600_000_000L);
        assertEquals(93_000_000L, NbiotEnergy.idleUs(PLAN, noPsm, 100_000_000L));
    }

    @Test
    void lifetimeIsBatteryTimesIntervalOverEnergy() {
        // 18 000 J / 2.5 J x 7200 s = 51.84e6 s
        assertEquals(51.84e6, NbiotEnergy.lifetimeS(NbiotEnergy.TR_45_820_BATTERY_J, 2.5, 7_200_000_000L), 1e-3);
        assertEquals(18_000.0, NbiotEnergy.TR_45_820_BATTERY_J);
    }

    @Test
    void invalidInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> NbiotEnergy.reportEnergyJ(PLAN, P, PS, 6_999_999L));
        assertThrows(IllegalArgumentException.class, () -> NbiotEnergy.lifetimeS(0.0, 1.0, 1L));
        assertThrows(IllegalArgumentException.class, () -> NbiotEnergy.lifetimeS(1.0, 1.0, 0L));
        assertThrows(IllegalArgumentException.class, () -> new Phase(PhaseKind.GAP, PowerState.RX, -1L));
    }
}
