package org.fedwan.plots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures rendering all run figures (PNG and SVG, as a run writes them) of a synthetic 100-round
 * run with 10 devices. Not a test: run it by hand, e.g.
 * {@code java -cp plots/target/classes:plots/target/test-classes:$(cat cp.txt) org.fedwan.plots.FigureBench 7}.
 */
public final class FigureBench {

    private FigureBench() {
    }

    /** @param args repetitions (default 7) after one warm-up */
    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path dir = RunFolderFixture.writeLongRun(Files.createTempDirectory("fedwan-bench"), 100, 10);
        RunFigures.writeAll(dir);
        double[] seconds = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            int files = RunFigures.writeAll(dir).size();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %d files in %.2f s%n", i + 1, files, seconds[i]);
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "median %.2f s over %d runs (after one warm-up)%n", seconds[repetitions / 2], repetitions);
    }
}
