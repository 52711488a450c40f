package org.fedwan.channel.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Coupling loss to coverage level (MCL 144 / 154 / 164 dB, TR 45.820; lpwan-facts B1). */
class CoverageThresholdsTest {

    @ParameterizedTest(name = "{0} dB -> {1}")
    @CsvSource({
            "100.0, CE0", "144.0, CE0", "144.01, CE1", "154.0, CE1", "154.5, CE2", "164.0, CE2",
    })
    void defaultThresholdsAreTheMclTargets(double couplingLossDb, CoverageLevel expected) {
        assertEquals(Optional.of(expected), CoverageThresholds.TR_45_820.levelOf(couplingLossDb));
    }

    @Test
    void beyondTheCe2BoundIsOutOfCoverageNotAnError() {
        assertEquals(Optional.empty(), CoverageThresholds.TR_45_820.levelOf(164.01));
        assertEquals(Optional.empty(), CoverageThresholds.TR_45_820.levelOf(180.0));
    }

    @Test
    void thresholdsAreConfigurable() {
        CoverageThresholds operator = new CoverageThresholds(140.0, 150.0, 160.0);

        assertEquals(Optional.of(CoverageLevel.CE1), operator.levelOf(144.0));
        assertEquals(Optional.empty(), operator.levelOf(162.0));
        assertEquals(150.0, operator.maxCouplingLossDb(CoverageLevel.CE1));
    }

    @Test
    void invalidThresholdsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CoverageThresholds(154.0, 144.0, 164.0));
        assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CoverageThresholds(Double.NaN, 154.0, 164.0));
        assertThrows(IllegalArgumentException.class, () -> CoverageThresholds.TR_45_820.levelOf(Double.NaN));
    }
}
