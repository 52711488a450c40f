package org.fedwan.channel.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/** Shadowing statistics and device placement. */
class ShadowingAndPlacementTest {

    private static RandomGenerator rng(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    @Test
    void shadowingHasZeroMeanAndTheGivenSigma() {
        RandomGenerator r = rng(1);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = Shadowing.FLORA.drawDb(r);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        // standard error of the mean 3.57 / sqrt(2e5) = 0.008 dB
        assertEquals(0.0, mean, 0.04);
        assertEquals(3.57, sd, 0.03);
    }

    @Test
    void zeroSigmaDrawsNothing() {
        RandomGenerator a = rng(2);
        RandomGenerator b = rng(2);
        assertEquals(0.0, Shadowing.NONE.drawDb(a));
        assertEquals(b.nextLong(), a.nextLong(), "sigma 0 must leave the stream untouched");
        assertThrows(IllegalArgumentException.class, () -> new Shadowing(-1.0));
    }

    @Test
    void discPlacementIsUniformInArea() {
        RandomGenerator r = rng(3);
        int n = 100_000;
        int inner = 0;
        for (int i = 0; i < n; i++) {
            Position p = Placement.uniformInDisc(1_000.0, r);
            double d = p.distanceM(Position.ORIGIN);
            assertTrue(d <= 1_000.0 + 1e-9);
            if (d <= 500.0) {
                inner++;
            }
        }
        // uniform in area: a quarter of the points lie within half the radius (uniform radius would give half)
        assertEquals(0.25, (double) inner / n, 0.01);
    }

    @Test
    void gridIsCentredAndEvenlySpaced() {
        List<Position> grid = Placement.grid(9, 100.0);
        assertEquals(9, grid.size());
        assertEquals(new Position(-100.0, -100.0), grid.get(0));
        assertEquals(Position.ORIGIN, grid.get(4));
        assertEquals(new Position(100.0, 100.0), grid.get(8));
        assertEquals(100.0, grid.get(0).distanceM(grid.get(1)), 1e-12);
        assertEquals(5, Placement.grid(5, 10.0).size());
        assertThrows(IllegalArgumentException.class, () -> Placement.grid(4, 0.0));
    }

    @Test
    void sunflowerStartsAtTheCentreAndStaysInTheDisc() {
        List<Position> g = Placement.sunflower(7, 1_000.0);
        assertEquals(Position.ORIGIN, g.get(0));
        for (Position p : g) {
            assertTrue(p.distanceM(Position.ORIGIN) < 1_000.0);
        }
        assertEquals(List.of(Position.ORIGIN), Placement.sunflower(1, 500.0));
    }

    @Test
    void listedPositionsAreCopied() {
        List<Position> in = new ArrayList<>(List.of(new Position(1, 2), new Position(3, 4)));
        List<Position> out = Placement.listed(in);
        in.clear();
        assertEquals(2, out.size());
        assertEquals(Math.hypot(2, 2), out.get(0).distanceM(out.get(1)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Position(Double.NaN, 0));
    }
}
