package org.fedwan.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fedwan.plots.FigureOptions;
import org.fedwan.plots.FigureWidth;
import org.fedwan.plots.Figures;
import org.fedwan.plots.Report;
import org.fedwan.plots.RunFigures;
import org.fedwan.plots.RunFolder;
import org.fedwan.plots.SweepFigures;
import org.fedwan.plots.SweepFolder;
import org.fedwan.scenarios.run.ResultFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fedwan plot}: redraws the figures (and {@code report.html}) of a run or sweep folder from
 * its result tables, without re-running anything.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Redraw the figures and report.html of a run folder (rounds.csv) or a sweep folder (sweep.csv) "
                + "from its tables, without re-running; refuses a folder without manifest.json or whose tables differ "
                + "from the SHA-256 digests it records.")
final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "RESULTS_DIR", description = "a run or sweep results folder")
    Path resultsDir;

    @Option(names = "--only", paramLabel = "NAME", split = ",",
            description = "draw only these figures (see --list); repeatable or comma-separated")
    List<String> only;

    @Option(names = "--format", paramLabel = "FORMATS", split = ",", defaultValue = "png,svg",
            description = "comma-separated formats: png (300 dpi), svg, pdf (default ${DEFAULT-VALUE})")
    List<String> formats;

    @Option(names = "--width", paramLabel = "WIDTH", defaultValue = "single",
            description = "single (3.5 in column: NAME.png) or double (7 in page: NAME-double.png) (default ${DEFAULT-VALUE})")
    String width;

    @Option(names = "--no-title", description = "draw the figures without titles (the caption belongs to the paper)")
    boolean noTitle;

    @Option(names = "--list", description = "name every figure with a one-line description, then exit")
    boolean list;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (list) {
            int longest = Figures.list().keySet().stream().mapToInt(String::length).max().orElse(0);
            for (Map.Entry<String, String> figure : Figures.list().entrySet()) {
                System.out.printf(Locale.ROOT, "%-" + longest + "s  %s%n", figure.getKey(), figure.getValue());
            }
            return 0;
        }
        if (resultsDir == null) {
            throw new IllegalArgumentException("RESULTS_DIR is required (or --list)");
        }
        if (!Files.isDirectory(resultsDir)) {
            throw new IllegalArgumentException(resultsDir + ": no such folder");
        }
        FigureWidth figureWidth = switch (width.toLowerCase(Locale.ROOT)) {
            case "single" -> FigureWidth.SINGLE;
            case "double" -> FigureWidth.DOUBLE;
            default -> throw new IllegalArgumentException("--width " + width + ": allowed: single, double");
        };
        for (String warning : ResultFolder.checkBeforeReading(resultsDir)) {
            spec.commandLine().getErr().println("fedwan: warning: " + warning);
        }
        Set<String> chosenFormats = new LinkedHashSet<>(formats);
        FigureOptions options = new FigureOptions(figureWidth, !noTitle);
        List<Path> written;
        Path report;
        if (RunFolder.isRun(resultsDir)) {
            Set<String> names = only == null ? Set.copyOf(RunFigures.figureNames()) : Set.copyOf(only);
            written = RunFigures.writeAll(resultsDir, names, chosenFormats, options);
            report = Report.writeRun(resultsDir, !noTitle);
        } else if (SweepFolder.isSweep(resultsDir)) {
            Set<String> names = only == null ? Set.copyOf(SweepFigures.figureNames()) : Set.copyOf(only);
            written = SweepFigures.writeAll(resultsDir, names, chosenFormats, options);
            report = Report.writeSweep(resultsDir, !noTitle);
        } else {
            throw new IllegalArgumentException(resultsDir + ": neither a run folder (rounds.csv) nor a sweep folder (sweep.csv)");
        }
        System.out.println("fedwan: wrote " + written.size() + " figure files in " + resultsDir.resolve(RunFigures.FIGURES_DIR)
                + " and " + report);
        return 0;
    }
}
