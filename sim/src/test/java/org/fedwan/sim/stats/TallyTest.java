package org.fedwan.sim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final double EPS = 1e-12;

    private static Tally tallyOf(double... values) {
        Tally tally = new Tally();
        for (double v : values) {
            tally.add(v);
        }
        return tally;
    }

    /** 2, 4, 4, 4, 5, 5, 7, 9: sum 40, mean 5, squared deviations sum 32. */
    @Test
    void matchesHandComputedValues() {
        Tally tally = tallyOf(2, 4, 4, 4, 5, 5, 7, 9);

        assertEquals(8, tally.count());
        assertEquals(40.0, tally.sum(), EPS);
        assertEquals(5.0, tally.mean(), EPS);
        assertEquals(32.0 / 7.0, tally.variance(), EPS);
        assertEquals(4.0, tally.populationVariance(), EPS);
        assertEquals(Math.sqrt(32.0 / 7.0), tally.standardDeviation(), EPS);
        assertEquals(2.0, tally.min());
        assertEquals(9.0, tally.max());
    }

    @Test
    void emptyTallyHasNoMeanVarianceOrExtremes() {
        Tally tally = new Tally();

        assertEquals(0, tally.count());
        assertEquals(0.0, tally.sum());
        assertTrue(Double.isNaN(tally.mean()));
        assertTrue(Double.isNaN(tally.variance()));
        assertTrue(Double.isNaN(tally.min()));
        assertTrue(Double.isNaN(tally.max()));
    }

    @Test
    void singleObservationHasZeroVariance() {
        Tally tally = tallyOf(-3.5);

        assertEquals(-3.5, tally.mean());
        assertEquals(0.0, tally.variance());
        assertEquals(-3.5, tally.min());
        assertEquals(-3.5, tally.max());
    }

    @Test
    void resetForgetsEverything() {
        Tally tally = tallyOf(100, 200);

        tally.reset();
        tally.add(1);
        tally.add(3);

        assertEquals(2, tally.count());
        assertEquals(2.0, tally.mean(), EPS);
        assertEquals(2.0, tally.variance(), EPS);
        assertEquals(1.0, tally.min());
        assertEquals(3.0, tally.max());
    }

    @Test
    void agreesWithCommonsMathOnLargeOffsetData() {
        SplittableRandom random = new SplittableRandom(11);
        Tally tally = new Tally();
        SummaryStatistics reference = new SummaryStatistics();
        for (int i = 0; i < 10_000; i++) {
            double value = 1e9 + random.nextDouble(-1.0, 1.0);
            tally.add(value);
            reference.addValue(value);
        }

        assertEquals(reference.getN(), tally.count());
        assertEquals(reference.getMean(), tally.mean(), 1e-6);
        assertEquals(reference.getVariance(), tally.variance(), 1e-6);
        assertEquals(1.0 / 3.0, tally.variance(), 0.02);
        assertEquals(reference.getMin(), tally.min());
        assertEquals(reference.getMax(), tally.max());
        assertEquals(reference.getSum(), tally.sum(), 1e-3);
    }

    @Test
    void rejectsNonFiniteObservations() {
        Tally tally = new Tally();

        assertThrows(IllegalArgumentException.class, () -> tally.add(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> tally.add(Double.POSITIVE_INFINITY));
        assertEquals(0, tally.count());
    }
}
