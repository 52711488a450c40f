package org.fedwan.plots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/**
 * Writes the figures of one run ({@link Figures#run()}) from its result tables into
 * {@code resultsDir/figures/}, as {@code png} (300 dpi) and {@code svg} by default, {@code pdf} on
 * request, by default {@link #DEFAULT_WIDTH} one column wide. A figure whose table or column is
 * absent (older results folders) is skipped, never failed.
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
    /** Vector format for LaTeX. */
    public static final String PDF = "pdf";

    /**
     * Width of figures unless asked otherwise: one column. Panels that share an axis are stacked,
     * so they need height rather than width.
     */
    public static final FigureWidth DEFAULT_WIDTH = FigureWidth.SINGLE;

    private static final List<String> FORMATS = List.of(PNG, SVG, PDF);
    /** Formats written unless asked otherwise: PNG and SVG (PDF on request, for speed). */
    public static final Set<String> DEFAULT_FORMATS = Set.of(PNG, SVG);

    private RunFigures() {
    }

    /** @return the names of all run figures, in the order they are written */
    public static List<String> figureNames() {
        return Figures.run().stream().map(Figures.Figure::name).toList();
    }

    /** @return the output formats, {@code png}, {@code svg} and {@code pdf} */
    public static List<String> formats() {
        return FORMATS;
    }

    /**
     * Writes every figure the tables allow as PNG and SVG.
     *
     * @param resultsDir a run's results directory holding {@code rounds.csv}
     * @return the files written, figure by figure in {@link #figureNames()} order, PNG before SVG
     * @throws IllegalArgumentException if {@code rounds.csv} is missing or a table is malformed
     */
    public static List<Path> writeAll(Path resultsDir) {
        return writeAll(resultsDir, Set.copyOf(figureNames()), DEFAULT_FORMATS);
    }

    /**
     * Writes every figure the tables allow in the given formats.
     *
     * @param resultsDir a run's results directory
     * @param formats some of {@code png}, {@code svg}, {@code pdf}
     * @return the files written, in {@link #figureNames()} order, then png, svg, pdf
     */
    public static List<Path> writeAll(Path resultsDir, Set<String> formats) {
        return writeAll(resultsDir, Set.copyOf(figureNames()), formats);
    }

    /**
     * Writes the chosen figures in the chosen formats, each at its default width.
     *
     * @param resultsDir a run's results directory
     * @param only names from {@link #figureNames()}; at least one
     * @param formats some of {@code png}, {@code svg}, {@code pdf}; at least one
     * @return the files written, in {@link #figureNames()} order, then png, svg, pdf
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
     * @param formats some of {@code png}, {@code svg}, {@code pdf}; at least one
     * @param width printed width of every figure
     * @return the files written, in {@link #figureNames()} order, then png, svg, pdf
     * @throws IllegalArgumentException if a name or format is unknown or a set is empty, or if a
     *     result table is missing or malformed
     */
    public static List<Path> writeAll(Path resultsDir, Set<String> only, Set<String> formats,
                                      FigureWidth width) {
        return writeAll(resultsDir, only, formats, FigureOptions.DEFAULT.withWidth(width));
    }

    /**
     * Writes the chosen figures in the chosen formats with {@code options}: their width (file names
     * {@link FigureOptions#fileName}) and whether they keep their titles.
     *
     * @param resultsDir a run's results directory
     * @param only names from {@link #figureNames()}; at least one
     * @param formats some of {@code png}, {@code svg}, {@code pdf}; at least one
     * @param options width and titles
     * @return the files written, in {@link #figureNames()} order, then png, svg, pdf
     * @throws IllegalArgumentException if a name or format is unknown or a set is empty, or if a
     *     result table is missing or malformed
     */
    public static List<Path> writeAll(Path resultsDir, Set<String> only, Set<String> formats,
                                      FigureOptions options) {
        Objects.requireNonNull(resultsDir, "resultsDir");
        List<Figures.Figure<RunFolder>> figures = chosen(Figures.run(), only);
        List<String> chosenFormats = chosenFormats(formats);
        // Strict check of the core tables first, so that a malformed table writes no figure at all.
        RunFolder run = RunFolder.read(resultsDir);
        RunTables.of(run);
        return write(resultsDir.resolve(FIGURES_DIR), figures, run, chosenFormats, options);
    }

    /** Draws each figure that has its data and writes it in every format; the shared writer of run and sweep figures. */
    static <F> List<Path> write(Path figuresDir, List<Figures.Figure<F>> figures, F folder,
                                List<String> formats, FigureOptions options) {
        Objects.requireNonNull(options, "options");
        try {
            Files.createDirectories(figuresDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + figuresDir, e);
        }
        List<Path> written = new ArrayList<>();
        for (Figures.Figure<F> figure : figures) {
            Optional<JFreeChart> chart = figure.chart().apply(folder);
            if (chart.isEmpty()) {
                continue;
            }
            FigureSize size = options.width().size(figure.panels());
            JFreeChart drawn = options.apply(chart.get());
            for (String format : formats) {
                written.add(FigureWriter.write(drawn, size, figuresDir.resolve(options.fileName(figure.name(), format)), format));
            }
        }
        return List.copyOf(written);
    }

    /**
     * Builds one figure's chart without writing it.
     *
     * @param name a name from {@link #figureNames()}
     * @param run the run
     * @return the chart, or empty when the run lacks the data it needs
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Optional<JFreeChart> chart(String name, RunFolder run) {
        return named(Figures.run(), name).chart().apply(run);
    }

    /**
     * Builds one of the four figures drawn from {@link RunTables} alone without writing it.
     *
     * @param name {@code energy-over-time}, {@code round-latency}, {@code accuracy-per-round} or
     *     {@code accuracy-vs-uplink-bytes}
     * @param tables the run
     * @return the chart
     * @throws IllegalArgumentException if the name is unknown
     */
    public static JFreeChart chart(String name, RunTables tables) {
        return switch (name) {
            case "energy-over-time" -> RunCharts.energyOverTime(RunDatasets.energyOverTime(tables));
            case "round-latency" -> RunCharts.roundLatency(RunDatasets.roundLatency(tables));
            case "accuracy-per-round" -> RunCharts.accuracyPerRound(RunDatasets.accuracyPerRound(tables));
            case "accuracy-vs-uplink-bytes" -> RunCharts.accuracyVsUplinkBytes(RunDatasets.accuracyVsUplinkBytes(tables));
            default -> throw new IllegalArgumentException("figure '" + name + "' is not drawn from RunTables alone; "
                    + "use chart(String, RunFolder)");
        };
    }

    /**
     * The printed size a figure is written at by default.
     *
     * @param name a name from {@link #figureNames()}
     * @return its size
     * @throws IllegalArgumentException if the name is unknown
     */
    public static FigureSize defaultSize(String name) {
        return DEFAULT_WIDTH.size(named(Figures.run(), name).panels());
    }

    static <F> Figures.Figure<F> named(List<Figures.Figure<F>> figures, String name) {
        for (Figures.Figure<F> figure : figures) {
            if (figure.name().equals(name)) {
                return figure;
            }
        }
        throw new IllegalArgumentException("unknown figure '" + name + "', expected one of "
                + figures.stream().map(Figures.Figure::name).toList());
    }

    static <F> List<Figures.Figure<F>> chosen(List<Figures.Figure<F>> all, Set<String> only) {
        Objects.requireNonNull(only, "only");
        if (only.isEmpty()) {
            throw new IllegalArgumentException("choose at least one figure of "
                    + all.stream().map(Figures.Figure::name).toList());
        }
        for (String name : only) {
            named(all, name);
        }
        List<Figures.Figure<F>> figures = new ArrayList<>();
        for (Figures.Figure<F> figure : all) {
            if (only.contains(figure.name())) {
                figures.add(figure);
            }
        }
        return figures;
    }

    static List<String> chosenFormats(Set<String> formats) {
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
