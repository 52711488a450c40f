package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures ready for a two-column paper (issue 15): every text at least 8 pt at its printed size,
 * titles that can be removed, and file names that keep the two widths apart.
 */
class PaperFiguresTest {

    /** A font size in JFreeSVG's style attribute; the SVG's user unit is the point (its view box is in pt). */
    private static final Pattern FONT_SIZE = Pattern.compile("font-size:\\s*([0-9.]+)px");

    @TempDir
    Path dir;

    @Test
    void everyTextOfEveryFigureIsAtLeast8PtAtSingleColumnWidth() throws Exception {
        Path run = RunFolderFixture.write(dir.resolve("run"));
        Path sweep = RunFolderFixture.writeSweep(dir.resolve("sweep"));
        List<Path> svgs = new ArrayList<>();
        svgs.addAll(RunFigures.writeAll(run, Set.copyOf(RunFigures.figureNames()), Set.of("svg"), FigureWidth.SINGLE));
        svgs.addAll(SweepFigures.writeAll(sweep, Set.copyOf(SweepFigures.figureNames()), Set.of("svg"), FigureWidth.SINGLE));
        assertEquals(RunFigures.figureNames().size() + SweepFigures.figureNames().size(), svgs.size());
        for (Path svg : svgs) {
            String text = Files.readString(svg, StandardCharsets.UTF_8);
            assertTrue(text.contains("width='252.0pt'"), svg + " is drawn at 3.5 in = 252 pt");
            Matcher m = FONT_SIZE.matcher(text);
            int fonts = 0;
            while (m.find()) {
                fonts++;
                double sizePt = Double.parseDouble(m.group(1));
                assertTrue(sizePt >= PaperStyle.MIN_FONT_PT, svg.getFileName() + " has text at " + sizePt + " pt");
            }
            assertTrue(fonts > 0, svg + " has text");
        }
    }

    @Test
    void noTitleRemovesEveryTitleAndKeepsTheRest() throws Exception {
        Path run = RunFolderFixture.write(dir.resolve("run"));
        RunFigures.writeAll(run, Set.of("energy-over-time"), Set.of("svg"), new FigureOptions(FigureWidth.SINGLE, false));
        List<String> texts = FigureFiles.texts(FigureFiles.readSvg(run.resolve("figures/energy-over-time.svg")));
        assertFalse(texts.contains(RunCharts.ENERGY_TITLE), texts.toString());
        assertTrue(texts.contains("Total energy (J)"), texts.toString());

        RunFigures.writeAll(run, Set.of("energy-over-time"), Set.of("svg"), FigureOptions.DEFAULT);
        texts = FigureFiles.texts(FigureFiles.readSvg(run.resolve("figures/energy-over-time.svg")));
        assertTrue(texts.contains(RunCharts.ENERGY_TITLE), texts.toString());

        String report = Files.readString(Report.writeRun(run, false), StandardCharsets.UTF_8);
        assertFalse(report.contains(">" + RunCharts.ENERGY_TITLE + "<"), "report figures have no title either");
    }

    @Test
    void doubleWidthFilesDoNotReplaceSingleWidthFiles() throws Exception {
        Path run = RunFolderFixture.write(dir.resolve("run"));
        List<Path> single = RunFigures.writeAll(run, Set.of("round-latency"), Set.of("png", "pdf"), FigureWidth.SINGLE);
        byte[] singlePng = Files.readAllBytes(run.resolve("figures/round-latency.png"));
        List<Path> wide = RunFigures.writeAll(run, Set.of("round-latency"), Set.of("png", "pdf"), FigureWidth.DOUBLE);

        assertEquals(List.of(run.resolve("figures/round-latency.png"), run.resolve("figures/round-latency.pdf")), single);
        assertEquals(List.of(run.resolve("figures/round-latency-double.png"), run.resolve("figures/round-latency-double.pdf")),
                wide);
        assertTrue(Arrays.equals(singlePng, Files.readAllBytes(run.resolve("figures/round-latency.png"))),
                "the single-width PNG is left as it was");
        assertEquals(FigureWidth.DOUBLE.size(1).widthPx(FigureWriter.PNG_DPI),
                FigureFiles.readPng(run.resolve("figures/round-latency-double.png")).getWidth());
        assertEquals(FigureWidth.SINGLE.size(1).widthPx(FigureWriter.PNG_DPI),
                FigureFiles.readPng(run.resolve("figures/round-latency.png")).getWidth());
    }

    @Test
    void categoryLabelsThatStartAlikeWrapInsteadOfBeingCut() throws Exception {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> methods = List.of("LoRaWAN EU868, XFL-Q int8", "NB-IoT, XFL-Q int8", "LoRaWAN EU868, 4-bit",
                "NB-IoT, 4-bit", "LoRaWAN EU868, 32-bit float", "NB-IoT, 32-bit float");
        for (String method : methods) {
            data.addValue(6_022, "Update message", method);
            data.addValue(7_000, "On air", method);
        }
        Path svg = dir.resolve("bytes.svg");
        FigureWriter.writeSvg(ComparisonCharts.bytesPerRound(data), FigureWidth.SINGLE.size(1), svg);
        List<String> texts = FigureFiles.texts(FigureFiles.readSvg(svg));
        for (String text : texts) {
            assertFalse(text.contains("..."), "cut label '" + text + "' in " + texts);
        }
        String all = String.join(" ", texts);
        assertTrue(all.contains("LoRaWAN") && all.contains("NB-IoT") && all.contains("XFL-Q"), texts.toString());
    }

    @Test
    void aHeatMapHasAColourBarTitledWithItsMetricAndUnit() throws Exception {
        SweepFolder sweep = SweepFolder.read(RunFolderFixture.writeSweep(dir.resolve("sweep")));
        JFreeChart chart = SweepCharts.heatMap(SweepDatasets.heatMap(sweep, SweepDatasets.SweepMetric.FINAL_ACCURACY)
                .orElseThrow());
        PaintScaleLegend bar = null;
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof PaintScaleLegend legend) {
                bar = legend;
            }
        }
        assertTrue(bar != null, "colour bar");
        assertEquals("Final test accuracy (%)", bar.getAxis().getLabel());
        assertEquals(85.0, bar.getScale().getLowerBound(), 1e-9, "the least accuracy of the cells");
        assertEquals(90.0, bar.getScale().getUpperBound(), 1e-9, "the most");
        assertEquals(PaperStyle.TICK_FONT, bar.getAxis().getTickLabelFont());
    }

    @Test
    void heatMapLabelsTurnUprightOnlyWhenTheyWouldRunIntoEachOther() throws Exception {
        SweepFolder sweep = SweepFolder.read(RunFolderFixture.writeSweep(dir.resolve("sweep")));
        SweepDatasets.HeatMap data = SweepDatasets.heatMap(sweep, SweepDatasets.SweepMetric.FINAL_ACCURACY).orElseThrow();
        JFreeChart fitting = SweepCharts.heatMap(data);
        draw(fitting);
        assertFalse(fitting.getXYPlot().getDomainAxis().isVerticalTickLabels(), "fp32 and int8 fit under their cells");

        SweepDatasets.HeatMap wide = new SweepDatasets.HeatMap(data.metric(), data.unit(), data.xParameter(),
                data.yParameter(), List.of("32-bit float, round to nearest", "XFL-Q int8, per-layer scale"),
                data.yValues(), data.cells());
        JFreeChart crowded = SweepCharts.heatMap(wide);
        draw(crowded);
        assertTrue(crowded.getXYPlot().getDomainAxis().isVerticalTickLabels(), "labels wider than a cell stand upright");
    }

    /** Draws {@code chart} at single-column width, as the figure writer does (3.5 in = 252 pt). */
    private static void draw(JFreeChart chart) {
        BufferedImage image = new BufferedImage(252, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, 252, 180));
        g2.dispose();
    }

    @Test
    void everySeriesOfAComparisonHasItsOwnMarkerOrDashAndCoincidentCurvesKeepTheirMarkersApart() {
        for (int points : new int[] {5, 200}) {
            XYSeriesCollection data = new XYSeriesCollection();
            for (int s = 0; s < PaperStyle.MAX_DISTINCT_SERIES; s++) {
                XYSeries series = new XYSeries("method " + s);
                for (int i = 0; i < points; i++) {
                    series.add(i, 50.0); // every curve the same: they coincide
                }
                data.addSeries(series);
            }
            XYLineAndShapeRenderer renderer = ComparisonCharts.methodRenderer(data);
            for (int k = 0; k < PaperStyle.MAX_DISTINCT_SERIES; k++) {
                for (int j = k + 1; j < PaperStyle.MAX_DISTINCT_SERIES; j++) {
                    boolean sameShape = ShapeUtils.equal(renderer.getSeriesShape(k), renderer.getSeriesShape(j));
                    boolean sameStroke = renderer.getSeriesStroke(k).equals(renderer.getSeriesStroke(j));
                    assertFalse(sameShape && sameStroke, points + " points: series " + k + " and " + j + " look alike");
                    assertFalse(sameStroke, points + " points: series " + k + " and " + j + " share a dash");
                }
            }
            if (points > PaperStyle.MAX_POINTS_WITH_MARKERS) {
                Set<Integer> first = new TreeSet<>();
                Set<Integer> second = new TreeSet<>();
                for (int i = 0; i < points; i++) {
                    if (renderer.getItemShapeVisible(0, i)) {
                        first.add(i);
                    }
                    if (renderer.getItemShapeVisible(1, i)) {
                        second.add(i);
                    }
                }
                assertTrue(first.size() >= SparseMarkerRenderer.MARKERS_PER_SERIES / 2
                        && first.size() <= SparseMarkerRenderer.MARKERS_PER_SERIES + 1, first.toString());
                assertTrue(Collections.disjoint(first, second), "markers of coincident curves are staggered");
            }
        }
    }
}
