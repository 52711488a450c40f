package org.fedwan.plots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;

/**
 * Writes the standard figures of one run from its result tables into {@code resultsDir/figures/}.
 *
 * <p>Figures, by file name (without extension):
 * <ul>
 *   <li>{@code energy-over-time}: cumulative radio energy over simulated time, all devices and
 *       each device (two panels);</li>
 *   <li>{@code round-latency}: latency of each round (bars);</li>
 *   <li>{@code accuracy-per-round}: test accuracy (%) and test loss per round (two panels);</li>
 *   <li>{@code accuracy-vs-uplink-bytes}: test accuracy against cumulative uplink bytes, one
 *       point per round.</li>
 * </ul>
 * Each is written as {@code png} (300 dpi) and {@code svg}, by default {@link #DEFAULT_WIDTH}
 * one column wide.
 */
public final class RunFigures {

    static {
        Headless.ensure();
    }

    /** Sub-directory of the results directory that receives the figures. */
    public static final String FIGURES_DIR = "figures";
    /** Raster format, 300 dpi. */
    public static final String PNG = "png";
    /** Vector format. */
    public static final String SVG = "svg";

    /**
     * Width of figures unless asked otherwise: one column. Panels that share an axis are stacked,
     * so they need height rather than width.
     */
    public static final FigureWidth DEFAULT_WIDTH = FigureWidth.SINGLE;

    private static final List<String> FORMATS = List.of(PNG, SVG);

    private enum Figure {
        ENERGY_OVER_TIME("energy-over-time", 2,
                tables -> RunCharts.energyOverTime(RunDatasets.energyOverTime(tables))),
        ROUND_LATENCY("round-latency", 1,
                tables -> RunCharts.roundLatency(RunDatasets.roundLatency(tables))),
        ACCURACY_PER_ROUND("accuracy-per-round", 2,
                tables -> RunCharts.accuracyPerRound(RunDatasets.accuracyPerRound(tables))),
        ACCURACY_VS_UPLINK_BYTES("accuracy-vs-uplink-bytes", 1,
                tables -> RunCharts.accuracyVsUplinkBytes(RunDatasets.accuracyVsUplinkBytes(tables)));

        final String fileName;
        final int panels;
        final Function<RunTables, JFreeChart> chart;

        Figure(String fileName, int panels, Function<RunTables, JFreeChart> chart) {
            this.fileName = fileName;
            this.panels = panels;
            this.chart = chart;
        }

        static Figure named(String name) {
            for (Figure figure : values()) {
                if (figure.fileName.equals(name)) {
                    return figure;
                }
            }
            throw new IllegalArgumentException("unknown figure '" + name + "', expected one of " + figureNames());
        }
    }

    private RunFigures() {
    }

    /** @return the names of all figures, in the order they are written */
    public static List<String> figureNames() {
        List<String> names = new ArrayList<>();
        for (Figure figure : Figure.values()) {
            names.add(figure.fileName);
        }
        return List.copyOf(names);
    }

    /** @return the output formats, {@code png} and {@code svg} */
    public static List<String> formats() {
        return FORMATS;
    }

    /**
     * Writes every figure as PNG and SVG.
     *
     * @param resultsDir a run's results directory holding {@code rounds.csv} and
     *     {@code transmissions.csv}
     * @return the files written, figure by figure in {@link #figureNames()} order, PNG before SVG
     * @throws IllegalArgumentException if a result table is missing or malformed
     */
    public static List<Path> writeAll(Path resultsDir) {
        return writeAll(resultsDir, Set.copyOf(figureNames()), Set.copyOf(FORMATS));
    }

    /**
     * Writes the chosen figures in the chosen formats, each at its default width.
     *
     * @param resultsDir a run's results directory
     * @param only names from {@link #figureNames()}; at least one
     * @param formats {@code png} and/or {@code svg}; at least one
     * @return the files written, in {@link #figureNames()} order, PNG before SVG
     * @throws IllegalArgumentException if a name or format is unknown or a set is empty, or if a
     *     result table is missing or malformed
     */
    public static List<Path> writeAll(Path resultsDir, Set<String> only, Set<String> formats) {
        return writeAll(resultsDir, only, formats, DEFAULT_WIDTH);
    }

    /**
     * Writes the chosen figures in the chosen formats, all at {@code width}.
     *
     * @param resultsDir a run's results directory
     * @param only names from {@link #figureNames()}; at least one
     * @param formats {@code png} and/or {@code svg}; at least one
     * @param width printed width of every figure
     * @return the files written, in {@link #figureNames()} order, PNG before SVG
     * @throws IllegalArgumentException if a name or format is unknown or a set is empty, or if a
     *     result table is missing or malformed
     */
    public static List<Path> writeAll(Path resultsDir, Set<String> only, Set<String> formats,
                                      FigureWidth width) {
        Objects.requireNonNull(resultsDir, "resultsDir");
        Objects.requireNonNull(width, "width");
        List<Figure> figures = chosenFigures(only);
        List<String> chosenFormats = chosenFormats(formats);
        RunTables tables = RunTables.read(resultsDir);
        Path figuresDir = resultsDir.resolve(FIGURES_DIR);
        try {
            Files.createDirectories(figuresDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + figuresDir, e);
        }
        List<Path> written = new ArrayList<>();
        for (Figure figure : figures) {
            JFreeChart chart = figure.chart.apply(tables);
            FigureSize size = width.size(figure.panels);
            for (String format : chosenFormats) {
                Path file = figuresDir.resolve(figure.fileName + "." + format);
                written.add(PNG.equals(format)
                        ? FigureWriter.writePng(chart, size, file)
                        : FigureWriter.writeSvg(chart, size, file));
            }
        }
        return List.copyOf(written);
    }

    /**
     * Builds one figure's chart without writing it.
     *
     * @param name a name from {@link #figureNames()}
     * @param tables the run
     * @return the chart
     * @throws IllegalArgumentException if the name is unknown
     */
    public static JFreeChart chart(String name, RunTables tables) {
        return Figure.named(name).chart.apply(tables);
    }

    /**
     * The printed size a figure is written at by default.
     *
     * @param name a name from {@link #figureNames()}
     * @return its size
     * @throws IllegalArgumentException if the name is unknown
     */
    public static FigureSize defaultSize(String name) {
        return DEFAULT_WIDTH.size(Figure.named(name).panels);
    }

    private static List<Figure> chosenFigures(Set<String> only) {
        Objects.requireNonNull(only, "only");
        if (only.isEmpty()) {
            throw new IllegalArgumentException("choose at least one figure of " + figureNames());
        }
        for (String name : only) {
            Figure.named(name);
        }
        List<Figure> figures = new ArrayList<>();
        for (Figure figure : Figure.values()) {
            if (only.contains(figure.fileName)) {
                figures.add(figure);
            }
        }
        return figures;
    }

    private static List<String> chosenFormats(Set<String> formats) {
        Objects.requireNonNull(formats, "formats");
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("choose at least one format of " + FORMATS);
        }
        for (String format : formats) {
            if (!FORMATS.contains(format)) {
                throw new IllegalArgumentException("unknown format '" + format + "', expected one of " + FORMATS);
            }
        }
        List<String> chosen = new ArrayList<>(FORMATS);
        chosen.retainAll(formats);
        return chosen;
    }
}
