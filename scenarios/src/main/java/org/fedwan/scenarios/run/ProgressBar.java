package org.fedwan.scenarios.run;

import java.io.PrintStream;
import java.util.Locale;
import org.fedwan.results.ConsoleNumbers;
import org.fedwan.results.RoundRecord;
import org.fedwan.results.RunListener;

/**
 * A one-line progress bar per run on a terminal (redrawn in place), or one line per round when
 * the output is not a terminal (CI logs).
 */
public final class ProgressBar implements RunListener {

    private static final int WIDTH = 24;

    private final PrintStream out;
    private final int rounds;
    private final boolean inPlace;
    private final long startNanos = System.nanoTime();

    public ProgressBar(PrintStream out, int rounds, boolean inPlace) {
        this.out = out;
        this.rounds = rounds;
        this.inPlace = inPlace;
    }

    /** Draws the empty bar. */
    public void start(String name) {
        out.println("fedwan: running " + name + " (" + ConsoleNumbers.count(rounds, "round", "rounds") + ")");
        if (inPlace) {
            draw(0, Double.NaN, 0);
        }
    }

    @Override
    public void onRound(RoundRecord r) {
        draw(r.round(), r.accuracy(), r.endUs());
        if (!inPlace || r.round() == rounds) {
            out.println();
        }
        out.flush();
    }

    private void draw(int done, double accuracy, long simUs) {
        int filled = rounds == 0 ? WIDTH : (int) ((long) WIDTH * done / rounds);
        double wallS = (System.nanoTime() - startNanos) / 1e9;
        double etaS = done == 0 ? Double.NaN : wallS / done * (rounds - done);
        StringBuilder s = new StringBuilder();
        if (inPlace) {
            s.append('\r');
        }
        s.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                .append("round ").append(ConsoleNumbers.grouped(done)).append('/').append(ConsoleNumbers.grouped(rounds));
        if (!Double.isNaN(accuracy)) {
            s.append("  accuracy ").append(ConsoleNumbers.percent(accuracy, 2)).append("  simulated ").append(simulated(simUs))
                    .append("  wall ").append(ConsoleNumbers.quantity(wallS, 0, "s"));
            if (done < rounds) {
                s.append("  ETA ").append(ConsoleNumbers.quantity(etaS, 0, "s"));
            }
        }
        out.print(s);
        out.flush();
    }

    static String simulated(long us) {
        long s = us / 1_000_000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
