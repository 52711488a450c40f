package org.fedwan.sim.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.fedwan.channel.nbiot.BlockErrorModel;
import org.fedwan.channel.nbiot.CoverageLevel;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.PowerSavingConfig;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.InvalidScenario;
import org.fedwan.sim.config.Scenario;
import org.junit.jupiter.api.Test;

/** The NB-IoT keys: FL defaults as before, timer values as TS 24.008 allows them, the link they set. */
class NbiotSectionTest {

    private static NbiotSection section(Map<String, ?> given) {
        Scenario s = Scenarios.defaults().with(given);
        return s.section(NbiotSection.class);
    }

    @Test
    void defaultsAreThePowerSavingFlRunsHadBefore() {
        // before the keys: PowerSavingConfig.DEFAULT with T3324 = 186 min and T3412 = max(54 min, 2 x 186 min)
        PowerSavingConfig before = new PowerSavingConfig(20_000_000L, false, 2_560_000L, 0L, true,
                186L * 60 * 1_000_000, 2 * 186L * 60 * 1_000_000);
        NbiotSection d = section(Map.of());

        assertEquals(before, d.powerSaving());
        assertEquals(NbiotLinkConfig.DEFAULT, d.link(NbiotLinkConfig.DEFAULT));
    }

    @Test
    void timersReadAsSecondsFromTheirAllowedValues() {
        NbiotSection s = section(Map.of("edrx_cycle_s", 81.92, "paging_window_s", 10.24, "drx_cycle_s", 1.28,
                "t3324_s", 0.0, "t3412_s", 86_400.0, "release_assistance", true, "rrc_inactivity_s", 10.0));
        PowerSavingConfig ps = s.powerSaving();

        assertEquals(EdrxCycle.S81_92, s.edrxCycleS());
        assertEquals(81_920_000L, ps.edrxCycleUs());
        assertEquals(10_240_000L, ps.pagingWindowUs());
        assertEquals(8, ps.pagingOccasionsPerCycle());
        assertEquals(0L, ps.t3324Us());
        assertEquals(86_400_000_000L, ps.t3412Us());
        assertEquals(true, ps.releaseAssistance());
        assertEquals("81.92", EdrxCycle.S81_92.label());
        assertEquals("12.8", PagingWindow.S12_8.label());
        assertEquals(Map.of("edrx_cycle_s", 81.92).get("edrx_cycle_s"),
                Scenarios.defaults().with("edrx_cycle_s", "81.92").resolved().get("edrx_cycle_s"));
    }

    @Test
    void refusesValuesTheStandardDoesNotHave() {
        assertThrows(InvalidScenario.class, () -> section(Map.of("edrx_cycle_s", 30.0)));
        assertThrows(InvalidScenario.class, () -> section(Map.of("paging_window_s", 3.0)));
        assertThrows(InvalidScenario.class, () -> section(Map.of("t3324_s", 20_000.0)));
        assertThrows(InvalidScenario.class, () -> section(Map.of("t3412_s", 60.0, "t3324_s", 120.0)));
        assertThrows(InvalidScenario.class, () -> section(Map.of("npusch_repetitions", 3)));
        assertThrows(InvalidScenario.class, () -> section(Map.of("edrx_cycle_s", 20.48, "paging_window_s", 40.96)));
    }

    @Test
    void blockErrorsAndRepetitionsSetTheLink() {
        NbiotSection s = section(Map.of("bler_at_edge", 0.1, "npusch_repetitions", 8));
        NbiotLinkConfig link = s.link(NbiotLinkConfig.DEFAULT);

        assertEquals(BlockErrorModel.EDGE_10_PERCENT, link.blockErrors());
        for (CoverageLevel l : CoverageLevel.values()) {
            assertEquals(8, link.level(l).npuschRepetitions());
            assertEquals(NbiotLinkConfig.DEFAULT.level(l).uplinkTbsIndex(), link.level(l).uplinkTbsIndex());
        }
    }
}
