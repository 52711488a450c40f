package org.fedwan.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Checks the benchmark's plumbing on a tiny workload; never its timings (those are machine
 * dependent and belong to {@code ./fedwan bench kernel}).
 */
class KernelBenchmarkTest {

    @Test
    void tinyRunReportsItsConfigurationAndConsistentMedians() {
        KernelBenchmark.Result result = KernelBenchmark.run(50, 20_000, 1);

        assertEquals(50, result.pendingTimers());
        assertEquals(20_000, result.eventsPerRepetition());
        assertEquals(1, result.repetitions());
        assertTrue(result.kernelEventsPerSecond() > 0 && Double.isFinite(result.kernelEventsPerSecond()));
        assertTrue(result.bareEventsPerSecond() > 0 && Double.isFinite(result.bareEventsPerSecond()));
        assertEquals(result.kernelEventsPerSecond() / result.bareEventsPerSecond(), result.ratio(), 1e-9);
        assertTrue(Double.isNaN(result.kernelBytesPerEvent()) || result.kernelBytesPerEvent() >= 0);
    }

    @Test
    void kernelAndBareLoopProcessTheSameEvents() {
        KernelBenchmark.KernelLoop kernel = new KernelBenchmark.KernelLoop(300);
        KernelBenchmark.BareLoop bare = new KernelBenchmark.BareLoop(300);

        for (int i = 0; i < 3; i++) {
            assertEquals(bare.process(10_000), kernel.process(10_000));
        }
        assertEquals(300, kernel.model.scheduler().pendingEvents());
        assertEquals(30_000, kernel.model.scheduler().eventsProcessed());
    }

    @Test
    void delaysStayWithinOneTo2048Microseconds() {
        KernelBenchmark.DelaySequence delays = new KernelBenchmark.DelaySequence();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 100_000; i++) {
            long d = delays.nextDelayUs();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }

        assertEquals(1, min);
        assertEquals(2048, max);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, KernelBenchmark.median(new double[] {3, 1, 2}));
        assertEquals(2.5, KernelBenchmark.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void rejectsEmptyConfigurations() {
        assertThrows(IllegalArgumentException.class, () -> KernelBenchmark.run(0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> KernelBenchmark.run(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> KernelBenchmark.run(1, 10, 0));
    }
}
