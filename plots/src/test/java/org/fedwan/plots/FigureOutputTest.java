package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fedwan.results.RoundsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every figure of the catalogue written as PNG, SVG and PDF, checked on the files, plus the report. */
class FigureOutputTest {

    private static final Set<String> ALL_FORMATS = Set.of("png", "svg", "pdf");

    @TempDir
    Path dir;

    @Test
    void catalogueNamesEveryFigureOnceWithADescription() {
        assertEquals(Figures.run().size() + Figures.sweep().size(), Figures.list().size());
        assertEquals(RunFigures.figureNames(), Figures.run().stream().map(Figures.Figure::name).toList());
        for (var entry : Figures.list().entrySet()) {
            assertTrue(entry.getValue().matches("(run|sweep): \\S.*"), entry.getKey());
        }
        assertTrue(Figures.list().keySet().containsAll(List.of("energy-by-state", "latency-breakdown",
                "accuracy-per-byte", "bytes-per-round", "upload-cdf", "duty-cycle-share", "battery-level",
                "frame-timeline", "sweep-metrics", "pareto-accuracy-bytes", "heat-map", "energy-small-multiples",
                "training-per-round", "sweep-accuracy-per-round", "sweep-accuracy-vs-uplink-bytes",
                "sweep-training-per-round")));
        assertTrue(Figures.list().get("sweep-training-per-round").contains("needs train_loss or gradient_norm"));
    }

    @Test
    void everyRunFigureIsWrittenInEveryFormat() throws Exception {
        RunFolderFixture.write(dir);

        List<Path> written = RunFigures.writeAll(dir, Set.copyOf(RunFigures.figureNames()), ALL_FORMATS);

        assertEquals(3 * RunFigures.figureNames().size(), written.size());
        for (String name : RunFigures.figureNames()) {
            checkFiles(dir.resolve("figures"), name, RunFigures.defaultSize(name));
        }
    }

    @Test
    void everySweepFigureIsWrittenInEveryFormat() throws Exception {
        RunFolderFixture.writeSweep(dir);

        List<Path> written = SweepFigures.writeAll(dir, Set.copyOf(SweepFigures.figureNames()), ALL_FORMATS,
                FigureWidth.SINGLE);

        assertEquals(3 * SweepFigures.figureNames().size(), written.size());
        for (Figures.Figure<SweepFolder> figure : Figures.sweep()) {
            checkFiles(dir.resolve("figures"), figure.name(), FigureWidth.SINGLE.size(figure.panels()));
        }
        List<String> svgTexts = FigureFiles.texts(FigureFiles.readSvg(dir.resolve("figures/sweep-metrics.svg")));
        assertTrue(svgTexts.containsAll(List.of("Final test accuracy (%)", "Uplink traffic (kB)",
                "Radio energy, all devices (J)", "uplink_codec", "fp32", "int8")), svgTexts.toString());
    }

    @Test
    void aFolderOfAnOlderVersionLosesFiguresButDoesNotFail() throws Exception {
        ResultTablesFixture.write(dir);

        List<Path> written = RunFigures.writeAll(dir);

        List<String> names = new ArrayList<>();
        for (Path file : written) {
            String name = file.getFileName().toString();
            if (name.endsWith(".png")) {
                names.add(name.substring(0, name.length() - 4));
            }
        }
        // No clients.csv: no latency breakdown, CDF or duty-cycle share; no energy.csv: energy over time from the
        // frames only, and no figure by state; no training columns: no training figure.
        assertTrue(names.containsAll(List.of("energy-over-time", "round-latency", "accuracy-per-round", "frame-timeline",
                "bytes-per-round")), names.toString());
        assertTrue(!names.contains("latency-breakdown") && !names.contains("upload-cdf")
                && !names.contains("duty-cycle-share") && !names.contains("training-per-round")
                && !names.contains("energy-by-state") && !names.contains("energy-small-multiples"), names.toString());
    }

    @Test
    void aHundredRoundRunRendersEveryFigure() throws Exception {
        RunFolderFixture.writeLongRun(dir, 100, 10);

        List<Path> written = RunFigures.writeAll(dir);

        assertEquals(2 * RunFigures.figureNames().size(), written.size());
    }

    @Test
    void runReportIsOnePageWithInlineSvgTablesAndScenario() throws Exception {
        RunFolderFixture.write(dir);

        String html = Files.readString(Report.writeRun(dir), StandardCharsets.UTF_8);

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.trim().endsWith("</html>"));
        assertEquals(RunFigures.figureNames().size(), count(html, "<svg"));
        assertEquals(count(html, "<svg"), count(html, "</svg>"));
        assertTrue(html.contains("<th>cumulative_uplink_bytes</th>"), "per-round table");
        assertTrue(html.contains("<td>final_accuracy</td><td>0.8</td>"), "summary");
        assertTrue(html.contains("<td>battery_capacity_j</td><td>20.0</td>"), "resolved scenario");
        assertTrue(!html.contains("src=\"http") && !html.contains("<script"), "self-contained");
        // The inlined SVG documents share one page: their element ids must not collide.
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile(" id='([^']+)'").matcher(html);
        while (id.find()) {
            ids.add(id.group(1));
        }
        assertTrue(ids.size() > RunFigures.figureNames().size(), ids.toString());
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "duplicate ids in " + ids);
    }

    @Test
    void identicalTablesGiveByteIdenticalSvgAndPdf() throws Exception {
        Path first = RunFolderFixture.write(dir.resolve("first"));
        Path second = RunFolderFixture.write(dir.resolve("second"));
        Path firstSweep = RunFolderFixture.writeSweep(dir.resolve("first-sweep"));
        Path secondSweep = RunFolderFixture.writeSweep(dir.resolve("second-sweep"));
        Set<String> vector = Set.of("svg", "pdf");

        List<Path> a = new ArrayList<>(RunFigures.writeAll(first, Set.copyOf(RunFigures.figureNames()), vector));
        List<Path> b = new ArrayList<>(RunFigures.writeAll(second, Set.copyOf(RunFigures.figureNames()), vector));
        Set<String> sweepFigures = Set.copyOf(SweepFigures.figureNames());
        a.addAll(SweepFigures.writeAll(firstSweep, sweepFigures, vector, FigureWidth.SINGLE));
        b.addAll(SweepFigures.writeAll(secondSweep, sweepFigures, vector, FigureWidth.SINGLE));

        assertEquals(2 * (RunFigures.figureNames().size() + SweepFigures.figureNames().size()), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getFileName(), b.get(i).getFileName());
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i))),
                    a.get(i) + " and " + b.get(i) + " differ");
        }
    }

    @Test
    void aSweepWithoutTrainingValuesSkipsOnlyTheTrainingFigure() throws Exception {
        RunFolderFixture.writeSweep(dir);
        for (String run : List.of("runs/p0000/r0", "runs/p0001/r0")) {
            RunFolderFixture.put(dir.resolve(run), RoundsTable.TABLE.file(), RunFolderFixture.ROUNDS_WITHOUT_TRAINING);
        }

        List<Path> written = SweepFigures.writeAll(dir, Set.copyOf(SweepFigures.figureNames()), Set.of("svg"),
                FigureWidth.SINGLE);

        assertEquals(SweepFigures.figureNames().size() - 1, written.size());
        assertTrue(!written.contains(dir.resolve("figures/sweep-training-per-round.svg")), written.toString());
    }

    @Test
    void sweepReportHoldsThePointsTable() throws Exception {
        RunFolderFixture.writeSweep(dir);

        String html = Files.readString(Report.writeSweep(dir), StandardCharsets.UTF_8);

        assertEquals(SweepFigures.figureNames().size(), count(html, "<svg"));
        assertTrue(html.contains("<th>final_accuracy_ci95</th>"));
        assertTrue(html.contains("<td>p0003</td>"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static void checkFiles(Path figures, String name, FigureSize size) throws Exception {
        var png = FigureFiles.readPng(figures.resolve(name + ".png"));
        assertEquals(1050, png.getWidth(), name);
        // the nominal height, or taller when the legend needs the room (FigureWriter.fitted)
        assertTrue(png.getHeight() >= size.heightPx(300) && png.getHeight() < 2 * size.heightPx(300),
                name + ": " + png.getHeight());
        var svg = FigureFiles.readSvg(figures.resolve(name + ".svg"));
        assertEquals("svg", svg.getDocumentElement().getLocalName(), name);
        assertTrue(FigureFiles.texts(svg).size() > 3, name);
        byte[] pdf = Files.readAllBytes(figures.resolve(name + ".pdf"));
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII), name);
        assertTrue(new String(pdf, StandardCharsets.ISO_8859_1).trim().endsWith("%%EOF"), name);
        FigureFiles.assertEveryFontEmbedded(pdf, name);
    }
}
