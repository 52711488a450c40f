package org.fedwan.scenarios.run;

import java.io.PrintStream;
import java.util.Locale;
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
        out.println("fedwan: running " + name + " (" + rounds + " rounds)");
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
                .append(String.format(Locale.ROOT, "round %d/%d", done, rounds));
        if (!Double.isNaN(accuracy)) {
            s.append(String.format(Locale.ROOT, "  accuracy %.2f%%  simulated %s  wall %.0f s", 100 * accuracy,
                    simulated(simUs), wallS));
            if (done < rounds) {
                s.append(String.format(Locale.ROOT, "  ETA %.0f s", etaS));
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
