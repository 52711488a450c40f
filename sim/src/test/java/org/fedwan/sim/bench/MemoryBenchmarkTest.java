package org.fedwan.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedwan.fl.bench.MemoryProbe;
import org.fedwan.results.EnergyBreakdown;
import org.fedwan.results.RoundRecord;
import org.junit.jupiter.api.Test;

class MemoryBenchmarkTest {

    private static MemoryBenchmark.Sample sample(int round, long rss) {
        return new MemoryBenchmark.Sample(round, new MemoryProbe(rss, rss, 0, 0, 0, 0));
    }

    @Test
    void slopeIsTheLeastSquaresLineFromTheGivenRound() {
        List<MemoryBenchmark.Sample> samples = new ArrayList<>();
        // rounds 1-9 are far off the line and must be ignored
        for (int round = 1; round < 10; round++) {
            samples.add(sample(round, 1_000_000_000L));
        }
        // rounds 10-14: 100, 103, 101, 106, 105; by hand: mean x 12, mean y 103,
        // sum dx*dy = (-2)(-3) + (-1)(0) + 0 + (1)(3) + (2)(2) = 13, sum dx^2 = 10, slope 1.3
        long[] y = {100, 103, 101, 106, 105};
        for (int i = 0; i < y.length; i++) {
            samples.add(sample(10 + i, y[i]));
        }
        assertEquals(1.3, MemoryBenchmark.slopePerRound(samples, 10, MemoryProbe::residentBytes), 1e-12);
        assertEquals(0.0, MemoryBenchmark.slopePerRound(samples.subList(0, 9), 1, MemoryProbe::residentBytes), 0.0);
        assertTrue(Double.isNaN(MemoryBenchmark.slopePerRound(samples.subList(0, 10), 10, MemoryProbe::residentBytes)));
    }

    @Test
    void printsOneLinePerRoundAndASummary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MemoryBenchmark bench = new MemoryBenchmark(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bench.printHeader();
        for (int round = 1; round <= 12; round++) {
            bench.onRound(new RoundRecord(round, 0, 1, 0.5, 1.0, 0, 0, 0, 0, 0, EnergyBreakdown.ZERO, 1, 0, 0, 0, Double.NaN,
                    Double.NaN, Double.NaN, 0, Map.of()));
        }
        bench.printSummary();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(12, bench.samples().size());
        assertTrue(lines[0].startsWith("round"));
        assertTrue(lines[12].trim().startsWith("12 "), lines[12]);
        assertTrue(lines[13].startsWith("peak RSS"), lines[13]);
        assertTrue(lines[14].startsWith("from round 10 to round 12"), lines[14]);
    }
}
