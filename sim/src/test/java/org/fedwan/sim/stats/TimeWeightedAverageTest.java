package org.fedwan.sim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimeWeightedAverageTest {

    private static final double EPS = 1e-12;

    /** 2 for 1 s, 4 for 2 s, 0 for 1 s: integral 2 + 8 + 0 = 10 value-seconds over 4 s. */
    @Test
    void matchesHandComputedStepFunction() {
        TimeWeightedAverage average = new TimeWeightedAverage(0, 2.0);

        average.update(1_000_000, 4.0);
        average.update(3_000_000, 0.0);

        assertEquals(10.0, average.integral(4_000_000), EPS);
        assertEquals(2.5, average.mean(4_000_000), EPS);
        assertEquals(0.0, average.current());
        assertEquals(3_000_000, average.lastUpdateUs());
    }

    @Test
    void queryingDoesNotChangeTheState() {
        TimeWeightedAverage average = new TimeWeightedAverage(0, 1.0);

        average.mean(500_000);
        average.integral(700_000);
        average.update(1_000_000, 3.0);

        assertEquals(1.0 + 3.0, average.integral(2_000_000), EPS);
    }

    /** Starting at 0.5 s with value 1.5, then 3.5 from 1 s: mean at 2 s = (0.75 + 3.5) / 1.5. */
    @Test
    void averagesFromTheStartTimeOnly() {
        TimeWeightedAverage average = new TimeWeightedAverage(500_000, 1.5);

        average.update(1_000_000, 3.5);

        assertEquals(4.25, average.integral(2_000_000), EPS);
        assertEquals(4.25 / 1.5, average.mean(2_000_000), EPS);
    }

    @Test
    void severalUpdatesAtTheSameTimeKeepOnlyTheLastValue() {
        TimeWeightedAverage average = new TimeWeightedAverage(0, 0.0);

        average.update(250_000, 100.0);
        average.update(250_000, 8.0);

        assertEquals(8.0 * 0.75, average.integral(1_000_000), EPS);
        assertEquals(6.0, average.mean(1_000_000), EPS);
    }

    @Test
    void meanOverAnEmptyPeriodIsTheCurrentValue() {
        TimeWeightedAverage average = new TimeWeightedAverage(1_000, 7.0);

        assertEquals(7.0, average.mean(1_000));
        assertEquals(0.0, average.integral(1_000));
    }

    @Test
    void rejectsTimeGoingBackwards() {
        TimeWeightedAverage average = new TimeWeightedAverage(0, 1.0);
        average.update(2_000, 2.0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> average.update(1_999, 3.0));
        assertThrows(IllegalArgumentException.class, () -> average.mean(1_000));
        assertThrows(IllegalArgumentException.class, () -> average.integral(1_000));

        assertEquals("time went backwards: 1999 us is before the last update at 2000 us", e.getMessage());
        assertEquals(2.0, average.current());
    }

    @Test
    void rejectsNonFiniteValues() {
        TimeWeightedAverage average = new TimeWeightedAverage(0, 1.0);

        assertThrows(IllegalArgumentException.class, () -> average.update(10, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new TimeWeightedAverage(0, Double.NEGATIVE_INFINITY));
        assertEquals(1.0, average.current());
    }
}
