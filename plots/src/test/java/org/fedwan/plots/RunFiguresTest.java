package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFiguresTest {

    /** Title and axis labels each figure of the fixture run must show. */
    private static final Map<String, List<String>> TEXTS = Map.of(
            "energy-over-time", List.of(RunCharts.ENERGY_TITLE, "Simulated time (s)", "Total energy (J)",
                    "Device energy (J)", "dev-1", "dev-2", "dev-10"),
            "round-latency", List.of(RunCharts.LATENCY_TITLE, "Round", "Round latency (s)"),
            "accuracy-per-round", List.of(RunCharts.ACCURACY_TITLE, "Round", "Test accuracy (%)", "Test loss"),
            "accuracy-vs-uplink-bytes", List.of(RunCharts.ACCURACY_VS_UPLINK_TITLE,
                    "Cumulative uplink traffic (kB)", "Test accuracy (%)"));

    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d,\\d{1,2}(\\D|$)");
    private static final Pattern DECIMAL_POINT = Pattern.compile("^\\d+\\.\\d+$");

    @TempDir
    Path dir;

    @Test
    void namesTheRunFiguresAndFormats() {
        assertEquals(List.of("energy-over-time", "energy-by-state", "energy-per-device", "energy-small-multiples",
                "battery-level", "round-latency", "client-outcomes", "latency-breakdown", "accuracy-per-round", "training-per-round",
                "accuracy-vs-uplink-bytes", "accuracy-vs-energy", "accuracy-per-byte", "bytes-per-round", "upload-cdf",
                "duty-cycle-share", "frame-timeline"), RunFigures.figureNames());
        assertEquals(List.of("png", "svg", "pdf"), RunFigures.formats());
        assertEquals(java.util.Set.of("png", "svg"), RunFigures.DEFAULT_FORMATS);
    }

    @Test
    void writesEveryFigureAsPngAndSvgIntoFigures() throws Exception {
        ResultTablesFixture.write(dir);

        List<Path> written = RunFigures.writeAll(dir);

        // This fixture has no clients.csv: the four figures drawn from it are skipped; nor training
        // columns in rounds.csv: no training figure; nor energy.csv: no figure of energy by state or device.
        List<String> drawn = new ArrayList<>(RunFigures.figureNames());
        drawn.removeAll(List.of("client-outcomes", "latency-breakdown", "upload-cdf", "duty-cycle-share",
                "training-per-round", "energy-by-state", "energy-per-device", "energy-small-multiples", "battery-level"));
        List<Path> expected = new ArrayList<>();
        for (String name : drawn) {
            expected.add(dir.resolve("figures").resolve(name + ".png"));
            expected.add(dir.resolve("figures").resolve(name + ".svg"));
        }
        assertEquals(expected, written);
        try (Stream<Path> files = Files.list(dir.resolve("figures"))) {
            assertEquals(2 * drawn.size(), files.count());
        }
        for (String name : TEXTS.keySet()) {
            Path png = dir.resolve("figures").resolve(name + ".png");
            assertEquals(1050, FigureFiles.readPng(png).getWidth(), name);
            assertEquals(RunFigures.defaultSize(name).heightPx(300), FigureFiles.readPng(png).getHeight(), name);
            assertEquals(300, FigureFiles.pngDpi(png), name);

            var svg = FigureFiles.readSvg(dir.resolve("figures").resolve(name + ".svg"));
            assertEquals("svg", svg.getDocumentElement().getLocalName(), name);
            List<String> texts = FigureFiles.texts(svg);
            for (String text : TEXTS.get(name)) {
                assertTrue(texts.contains(text), name + " lacks '" + text + "' in " + texts);
            }
        }
    }

    @Test
    void combinedFiguresStackTwoPanelsAndAreTaller() throws IOException {
        RunTables tables = RunTables.read(ResultTablesFixture.write(dir));

        for (String name : List.of("energy-over-time", "accuracy-per-round")) {
            JFreeChart chart = RunFigures.chart(name, tables);
            assertEquals(2, ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().size(), name);
            assertTrue(RunFigures.defaultSize(name).heightIn() > RunFigures.defaultSize("round-latency").heightIn());
        }
    }

    @Test
    void energyLegendNamesDevicesButManyDevicesShareOneEntry() throws IOException {
        RunTables few = RunTables.read(ResultTablesFixture.write(dir.resolve("few")));
        RunTables many = RunTables.read(ResultTablesFixture.writeLongRun(dir.resolve("many"), 2, 60, 9, 1));

        assertEquals(List.of("dev-1", "dev-2", "dev-10"), legendLabels(RunFigures.chart("energy-over-time", few)));
        assertEquals(List.of("each of 9 devices"), legendLabels(RunFigures.chart("energy-over-time", many)));
    }

    @Test
    void writesOnlyTheChosenFiguresAndFormatsAtTheChosenWidth() throws Exception {
        ResultTablesFixture.write(dir);

        List<Path> written = RunFigures.writeAll(dir, Set.of("round-latency"), Set.of("png"), FigureWidth.DOUBLE);

        assertEquals(List.of(dir.resolve("figures/round-latency-double.png")), written);
        assertEquals(2100, FigureFiles.readPng(written.get(0)).getWidth());
        assertFalse(Files.exists(dir.resolve("figures/round-latency-double.svg")));
        assertFalse(Files.exists(dir.resolve("figures/round-latency.png")), "a double-width figure keeps its own name");
    }

    @Test
    void emptyAndSingleRoundRunsStillGiveEveryFigure() throws Exception {
        Path empty = ResultTablesFixture.write(dir.resolve("empty"), ResultTablesFixture.ROUNDS_HEADER + "\n",
                ResultTablesFixture.TRANSMISSIONS_HEADER + "\n");
        Path single = ResultTablesFixture.write(dir.resolve("single"),
                ResultTablesFixture.ROUNDS.substring(0, ResultTablesFixture.ROUNDS.indexOf("\n2,") + 1),
                ResultTablesFixture.TRANSMISSIONS_HEADER + "\ndev-1,1.0,1.5,51,500.0,0.05,collision,uplink\n");

        for (Path run : List.of(empty, single)) {
            List<Path> written = RunFigures.writeAll(run);

            for (String name : TEXTS.keySet()) {
                assertTrue(written.contains(run.resolve("figures").resolve(name + ".png")), name);
            }
            for (Path file : written) {
                if (file.toString().endsWith(".png")) {
                    assertEquals(1050, FigureFiles.readPng(file).getWidth(), file.toString());
                } else {
                    assertEquals("svg", FigureFiles.readSvg(file).getDocumentElement().getLocalName());
                }
            }
        }
    }

    @Test
    void rejectsUnknownOrNoFiguresAndFormats() throws IOException {
        ResultTablesFixture.write(dir);

        var figure = assertThrows(IllegalArgumentException.class,
                () -> RunFigures.writeAll(dir, Set.of("energy"), Set.of("png")));
        assertTrue(figure.getMessage().contains("'energy'") && figure.getMessage().contains("energy-over-time"));
        var format = assertThrows(IllegalArgumentException.class,
                () -> RunFigures.writeAll(dir, Set.of("round-latency"), Set.of("eps")));
        assertTrue(format.getMessage().contains("'eps'"), format.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunFigures.writeAll(dir, Set.of(), Set.of("png")));
        assertThrows(IllegalArgumentException.class, () -> RunFigures.writeAll(dir, Set.of("round-latency"), Set.of()));
        assertFalse(Files.exists(dir.resolve("figures")), "nothing written for a bad request");
    }

    @Test
    void badTableWritesNoFigureAndNamesTheValue() throws IOException {
        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS.replace("1,120.5,0.42,", "1,120.5,n/a,"),
                ResultTablesFixture.TRANSMISSIONS);

        var e = assertThrows(IllegalArgumentException.class, () -> RunFigures.writeAll(dir));

        assertTrue(e.getMessage().contains(dir.resolve("rounds.csv") + " line 2, column 'accuracy'"), e.getMessage());
        assertTrue(e.getMessage().contains("'n/a'"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("figures")));
    }

    @Test
    void roundsThatWereNotEvaluatedAreSkippedByEveryFigure() throws Exception {
        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS_WITH_BLANKS, ResultTablesFixture.TRANSMISSIONS);

        List<Path> written = RunFigures.writeAll(dir);

        // Every figure the old fixture gives, and the training figure from the new columns.
        List<String> drawn = new ArrayList<>(RunFigures.figureNames());
        drawn.removeAll(List.of("client-outcomes", "latency-breakdown", "upload-cdf", "duty-cycle-share",
                "energy-by-state", "energy-per-device", "energy-small-multiples", "battery-level"));
        assertEquals(2 * drawn.size(), written.size());
        List<String> texts = FigureFiles.texts(FigureFiles.readSvg(dir.resolve("figures/accuracy-per-round.svg")));
        assertTrue(texts.containsAll(List.of(RunCharts.TEST_AND_TRAINING_ACCURACY_TITLE,
                RunCharts.TEST_AND_TRAINING_ACCURACY_LABEL, RunCharts.TEST_AND_TRAINING_LOSS_LABEL, "Test", "Training")),
                texts.toString());
        List<String> training = FigureFiles.texts(FigureFiles.readSvg(dir.resolve("figures/training-per-round.svg")));
        assertTrue(training.containsAll(List.of(ComparisonCharts.TRAIN_LOSS_LABEL, ComparisonCharts.GRADIENT_NORM_LABEL,
                RunCharts.ROUND_LABEL)), training.toString());
    }

    @Test
    void theTrainingFigureIsSkippedWhenTheColumnsAreEmpty() throws Exception {
        ResultTablesFixture.write(dir, ResultTablesFixture.ROUNDS_WITH_BLANKS
                .replace(",1.70,0.45,3.0\n", ",,,\n").replace(",0.90,0.76,0.2\n", ",,,\n"),
                ResultTablesFixture.TRANSMISSIONS);

        List<Path> written = RunFigures.writeAll(dir, Set.of("training-per-round", "accuracy-per-round"), Set.of("svg"));

        assertEquals(List.of(dir.resolve("figures/accuracy-per-round.svg")), written);
        List<String> texts = FigureFiles.texts(FigureFiles.readSvg(written.get(0)));
        assertTrue(texts.contains(RunCharts.ACCURACY_TITLE) && !texts.contains("Training"), texts.toString());
    }

    @Test
    void tickLabelsDoNotFollowTheDefaultLocale() throws Exception {
        ResultTablesFixture.write(dir);
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        List<Path> written;
        try {
            written = RunFigures.writeAll(dir, Set.of("accuracy-vs-uplink-bytes", "accuracy-per-round"), Set.of("svg"));
        } finally {
            Locale.setDefault(saved);
        }

        for (Path svg : written) {
            List<String> texts = FigureFiles.texts(FigureFiles.readSvg(svg));
            assertTrue(texts.stream().noneMatch(t -> DECIMAL_COMMA.matcher(t).find()), svg + ": " + texts);
            assertTrue(texts.stream().anyMatch(t -> DECIMAL_POINT.matcher(t).matches()), svg + ": " + texts);
        }
    }

    private static List<String> legendLabels(JFreeChart chart) {
        List<String> labels = new ArrayList<>();
        var items = chart.getPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }
}
