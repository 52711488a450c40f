package org.fedwan.sim.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.fedwan.fl.bench.MemoryProbe;
import org.fedwan.results.RoundRecord;
import org.fedwan.results.RunListener;

/**
 * Memory of a long run, round by round ({@code ./fedwan bench memory}): attached to a run as a
 * listener, it reads the process's memory ({@link MemoryProbe}: resident set, its peak, ND4J's
 * native bytes, JavaCPP's bytes, Java heap in use and committed) at the end of every round and prints one line per round, then
 * a summary with the least-squares slope of each figure from round {@value #SLOPE_FROM_ROUND} to
 * the last round, in MB per 100 rounds. A run whose memory is bounded has slopes near 0; the
 * first rounds are left out because the JVM, the JIT and ND4J's caches settle in them.
 *
 * <p>Nothing is forced: no {@code System.gc()} is called, so the figures are those of a real run.
 * MB are 2^20 bytes. Memory figures depend on the machine, the JVM and its options, not on the
 * load; they are printed, never asserted (the tests assert native bytes instead).
 */
public final class MemoryBenchmark implements RunListener {

    /** The first round of the slope: the rounds before it warm the JVM, the JIT and ND4J's caches. */
    public static final int SLOPE_FROM_ROUND = 10;
    /** Bytes per MB (2^20) in what is printed. */
    private static final double MB = 1024.0 * 1024.0;

    /** The memory at the end of one round (1-based). */
    public record Sample(int round, MemoryProbe memory) {
    }

    private final PrintStream out;
    private final List<Sample> samples = new ArrayList<>();

    /** @param out where the per-round lines and the summary go */
    public MemoryBenchmark(PrintStream out) {
        this.out = out;
    }

    /** Prints the column header; call before the run. */
    public void printHeader() {
        out.println("round   rss_MB  peak_rss_MB  nd4j_native_MB  javacpp_MB  heap_used_MB  heap_committed_MB");
    }

    @Override
    public void onRound(RoundRecord round) {
        Sample s = new Sample(round.round(), MemoryProbe.now());
        samples.add(s);
        MemoryProbe m = s.memory();
        out.printf(Locale.ROOT, "%5d %8.1f %12.1f %15.1f %11.1f %13.1f %18.1f%n", s.round(), mb(m.residentBytes()),
                mb(m.peakResidentBytes()), mb(m.nd4jNativeBytes()), mb(m.javacppBytes()), mb(m.heapUsedBytes()),
                mb(m.heapCommittedBytes()));
    }

    /** The samples so far, in round order. */
    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Prints the peak resident set and the slopes from round {@value #SLOPE_FROM_ROUND} to the last round. */
    public void printSummary() {
        if (samples.isEmpty()) {
            out.println("no round finished: nothing measured");
            return;
        }
        Sample last = samples.get(samples.size() - 1);
        out.printf(Locale.ROOT, "peak RSS %.1f MB after %d rounds%n", mb(last.memory().peakResidentBytes()), last.round());
        Sample first = samples.stream().filter(s -> s.round() >= SLOPE_FROM_ROUND).findFirst().orElse(null);
        if (first == null || first == last) {
            out.printf(Locale.ROOT, "slopes need rounds %d to at least %d; the run had %d rounds%n", SLOPE_FROM_ROUND,
                    SLOPE_FROM_ROUND + 1, last.round());
            return;
        }
        out.printf(Locale.ROOT, "from round %d to round %d (least-squares slope, MB per 100 rounds):%n", first.round(), last.round());
        summaryLine("RSS", first, last, MemoryProbe::residentBytes);
        summaryLine("ND4J native", first, last, MemoryProbe::nd4jNativeBytes);
        summaryLine("JavaCPP", first, last, MemoryProbe::javacppBytes);
        summaryLine("Java heap used", first, last, MemoryProbe::heapUsedBytes);
        summaryLine("heap committed", first, last, MemoryProbe::heapCommittedBytes);
    }

    private void summaryLine(String what, Sample first, Sample last, ToLongFunction<MemoryProbe> figure) {
        double slope = slopePerRound(samples, SLOPE_FROM_ROUND, figure);
        out.printf(Locale.ROOT, "  %-15s %8.1f MB -> %8.1f MB, slope %+8.2f MB per 100 rounds%n", what,
                mb(figure.applyAsLong(first.memory())), mb(figure.applyAsLong(last.memory())), 100 * slope / MB);
    }

    /**
     * Least-squares slope of {@code figure} against the round number over the samples of rounds
     * {@code >= fromRound}, in bytes per round; NaN with fewer than two such samples.
     */
    public static double slopePerRound(List<Sample> samples, int fromRound, ToLongFunction<MemoryProbe> figure) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        for (Sample s : samples) {
            if (s.round() >= fromRound) {
                n++;
                sx += s.round();
                sy += figure.applyAsLong(s.memory());
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        for (Sample s : samples) {
            if (s.round() >= fromRound) {
                double dx = s.round() - mx;
                sxy += dx * (figure.applyAsLong(s.memory()) - my);
                sxx += dx * dx;
            }
        }
        return sxy / sxx;
    }

    private static double mb(long bytes) {
        return bytes < 0 ? Double.NaN : bytes / MB;
    }
}
