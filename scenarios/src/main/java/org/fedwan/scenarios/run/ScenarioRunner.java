package org.fedwan.scenarios.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fedwan.plots.Report;
import org.fedwan.plots.FigureOptions;
import org.fedwan.plots.RunFigures;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.federation.RunSummary;
import org.fedwan.results.RunListener;

/** Runs one resolved scenario from the CLI, streaming its tables to its result folder. */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /**
     * What a finished run wrote.
     *
     * @param summary   the run's totals
     * @param keys      the run's {@code summary.json}, by key
     * @param outDir    the result folder
     * @param figures   the figure files written
     * @param wallTimeS wall-clock time of the run, s
     */
    public record Outcome(RunSummary summary, Map<String, Object> keys, Path outDir, List<Path> figures, double wallTimeS) {
    }

    /**
     * Runs {@code config} into {@code outDir}. Everything (tables, summary, manifest, figures,
     * report) is written into a sibling folder that replaces {@code outDir} only when complete
     * ({@link FolderSwap}): a failed or killed run leaves the previous run of {@code outDir} whole.
     *
     * @param config   the resolved scenario
     * @param outDir   result folder (created, or replaced if it holds a previous run)
     * @param threads  trainer threads (results do not depend on it)
     * @param figures  whether to render figures
     * @param progress where the progress bar goes, or {@code null} for none
     * @param inPlace  redraw the bar in place (terminal) rather than a line per round
     * @throws IllegalArgumentException if {@code outDir} exists and holds what is not a run's, or
     *                                  the data set is smaller than {@code train_samples} or {@code test_samples}
     */
    public static Outcome run(Scenario config, Path outDir, int threads, boolean figures, PrintStream progress,
            boolean inPlace) throws IOException {
        return run(config, outDir, threads, figures ? FigureOptions.DEFAULT : null, progress, inPlace);
    }

    /**
     * Runs {@code config} into {@code outDir} as {@link #run(Scenario, Path, int, boolean, PrintStream, boolean)},
     * drawing the figures with {@code figures} (width, titles), or none when it is {@code null}.
     *
     * @param config   the resolved scenario
     * @param outDir   result folder (created, or replaced if it holds a previous run)
     * @param threads  trainer threads (results do not depend on it)
     * @param figures  how to draw the figures and the report's figures, or {@code null} for no figures
     * @param progress where the progress bar goes, or {@code null} for none
     * @param inPlace  redraw the bar in place (terminal) rather than a line per round
     * @return what the run did
     * @throws IOException if a file cannot be written
     */
    public static Outcome run(Scenario config, Path outDir, int threads, FigureOptions figures, PrintStream progress,
            boolean inPlace) throws IOException {
        DataSets.checkSampleCounts(config);
        Path work = FolderSwap.begin(outDir, ResultFolder::isReplaceable);
        try {
            Outcome o = runInto(config, work, threads, figures, progress, inPlace);
            FolderSwap.commit(work, outDir);
            List<Path> figureFiles = o.figures().stream().map(f -> outDir.resolve(work.relativize(f))).toList();
            return new Outcome(o.summary(), o.keys(), outDir, figureFiles, o.wallTimeS());
        } catch (IOException | RuntimeException | Error e) {
            FolderSwap.abandon(work, e);
            throw e;
        }
    }

    /** Writes the run into the new, empty folder {@code outDir}: tables, summary, manifest, then figures and report. */
    private static Outcome runInto(Scenario config, Path outDir, int threads, FigureOptions figures, PrintStream progress,
            boolean inPlace) throws IOException {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        RunListener bar = null;
        if (progress != null) {
            ProgressBar b = new ProgressBar(progress, config.run().rounds(), inPlace);
            b.start(config.run().name());
            bar = b;
        }
        Execution.RunSummaryAndTarget r;
        TableFiles tables = new TableFiles(outDir);
        try (DataSets.Cache resources = new DataSets.Cache(); tables) {
            r = Execution.execute(config, resources, threads, bar, Execution.sinks(tables.sinks()));
        }
        tables.finish();
        Map<String, Object> keys = Summaries.of(config, r.summary(), r.target());
        ResultFolder.writeSummary(outDir, keys);
        double wallS = (System.nanoTime() - t0) / 1e9;
        ResultFolder.writeManifest(outDir, config, start, Instant.now(),
                Map.of("threads", threads, "wall_time_s", Math.round(wallS * 1000) / 1000.0));
        List<Path> written = figures == null ? List.of()
                : RunFigures.writeAll(outDir, Set.copyOf(RunFigures.figureNames()), RunFigures.DEFAULT_FORMATS, figures);
        if (figures != null) {
            Report.writeRun(outDir, figures.titles());
        }
        return new Outcome(r.summary(), keys, outDir, written, wallS);
    }
}
