package org.fedwan.plots;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the figures of a sweep ({@link Figures#sweep()}) from {@code sweep.csv} and the runs'
 * {@code rounds.csv} into {@code sweepDir/figures/}. A figure whose data is absent (a heat map with
 * one swept parameter, a sweep without run folders) is skipped.
 */
public final class SweepFigures {

    static {
        Headless.ensure();
    }

    private SweepFigures() {
    }

    /** @return the names of all sweep figures, in the order they are written */
    public static List<String> figureNames() {
        return Figures.sweep().stream().map(Figures.Figure::name).toList();
    }

    /**
     * Writes every sweep figure the tables allow as PNG and SVG, one column wide.
     *
     * @param sweepDir a sweep's results folder holding {@code sweep.csv}
     * @return the files written
     * @throws IllegalArgumentException if {@code sweep.csv} is missing or malformed
     */
    public static List<Path> writeAll(Path sweepDir) {
        return writeAll(sweepDir, Set.copyOf(figureNames()), RunFigures.DEFAULT_FORMATS, RunFigures.DEFAULT_WIDTH);
    }

    /**
     * Writes the chosen sweep figures in the chosen formats at {@code width}.
     *
     * @param sweepDir a sweep's results folder
     * @param only names from {@link #figureNames()}; at least one
     * @param formats some of {@code png}, {@code svg}, {@code pdf}; at least one
     * @param width printed width
     * @return the files written, in {@link #figureNames()} order, then png, svg, pdf
     * @throws IllegalArgumentException if a name or format is unknown or a set is empty, or if
     *     {@code sweep.csv} is missing or malformed
     */
    public static List<Path> writeAll(Path sweepDir, Set<String> only, Set<String> formats, FigureWidth width) {
        return writeAll(sweepDir, only, formats, FigureOptions.DEFAULT.withWidth(width));
    }

    /**
     * Writes the chosen sweep figures in the chosen formats with {@code options} (width, file names,
     * titles).
     *
     * @param sweepDir a sweep's results folder
     * @param only names from {@link #figureNames()}; at least one
     * @param formats some of {@code png}, {@code svg}, {@code pdf}; at least one
     * @param options width and titles
     * @return the files written, in {@link #figureNames()} order, then png, svg, pdf
     * @throws IllegalArgumentException if a name or format is unknown or a set is empty, or if
     *     {@code sweep.csv} is missing or malformed
     */
    public static List<Path> writeAll(Path sweepDir, Set<String> only, Set<String> formats, FigureOptions options) {
        Objects.requireNonNull(sweepDir, "sweepDir");
        List<Figures.Figure<SweepFolder>> figures = RunFigures.chosen(Figures.sweep(), only);
        List<String> chosenFormats = RunFigures.chosenFormats(formats);
        return RunFigures.write(sweepDir.resolve(RunFigures.FIGURES_DIR), figures, SweepFolder.read(sweepDir),
                chosenFormats, options);
    }
}
