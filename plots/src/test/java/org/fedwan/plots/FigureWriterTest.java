package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class FigureWriterTest {

    @TempDir
    Path dir;

    private JFreeChart chart;

    @BeforeEach
    void buildChart() throws Exception {
        RunTables tables = RunTables.read(ResultTablesFixture.write(dir.resolve("run")));
        chart = RunCharts.roundLatency(RunDatasets.roundLatency(tables));
    }

    @Test
    void pngIs300DpiAtThePrintedSize() throws Exception {
        FigureSize size = FigureWidth.SINGLE.size(1);

        Path file = FigureWriter.writePng(chart, size, dir.resolve("f.png"));

        BufferedImage image = FigureFiles.readPng(file);
        assertEquals(1050, image.getWidth());
        assertEquals(size.heightPx(300), image.getHeight());
        assertEquals(300, FigureFiles.pngDpi(file));
    }

    @Test
    void pngReplacesALongerFileCompletely() throws Exception {
        Path file = dir.resolve("f.png");
        Files.write(file, new byte[5_000_000]);

        FigureWriter.writePng(chart, FigureWidth.SINGLE.size(1), file);

        assertTrue(Files.size(file) < 5_000_000, "old bytes left at the end of " + file);
        assertEquals(1050, FigureFiles.readPng(file).getWidth());
    }

    @Test
    void svgIsWellFormedWithPrintedSizeAndTextAsText() throws Exception {
        Path file = FigureWriter.writeSvg(chart, FigureWidth.DOUBLE.size(1), dir.resolve("f.svg"));

        Document svg = FigureFiles.readSvg(file);
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertEquals(504.0, points(svg.getDocumentElement().getAttribute("width")), 1e-9);
        assertEquals(216.0, points(svg.getDocumentElement().getAttribute("height")), 1e-9);
        String[] viewBox = svg.getDocumentElement().getAttribute("viewBox").trim().split("\\s+");
        assertEquals(List.of(0.0, 0.0, 504.0, 216.0), List.of(Double.valueOf(viewBox[0]),
                Double.valueOf(viewBox[1]), Double.valueOf(viewBox[2]), Double.valueOf(viewBox[3])));
        List<String> texts = FigureFiles.texts(svg);
        assertTrue(texts.contains(RunCharts.LATENCY_TITLE), texts.toString());
        assertTrue(texts.contains(RunCharts.ROUND_LABEL), texts.toString());
        assertTrue(texts.contains("Round latency (s)"), texts.toString());
    }

    @Test
    void pdfDrawsTextAsOutlinesAndNeedsNoFont() throws Exception {
        Path file = FigureWriter.writePdf(chart, FigureWidth.SINGLE.size(1), dir.resolve("f.pdf"));

        byte[] pdf = Files.readAllBytes(file);
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-1.4"), text.substring(0, 20));
        assertTrue(text.contains("/MediaBox [0.0 0.0 252.0 187.2"), "page of the printed size");
        assertFalse(text.contains("/Font"), "no font resources");
        FigureFiles.assertEveryFontEmbedded(pdf, file.toString());
        List<String> streams = FigureFiles.pdfStreams(pdf);
        assertEquals(1, streams.size());
        // No text object (BT ... ET): every letter is a filled outline.
        assertFalse(streams.get(0).lines().anyMatch(line -> line.equals("BT") || line.endsWith(" Tj")));
        // Letters are curved outlines; the bars, lines and frame of this chart have no curves.
        assertTrue(streams.get(0).lines().filter(line -> line.endsWith(" c")).count() > 100, "glyph outlines");
        // A one-panel figure stays small (it was about 2 kB with unembedded fonts).
        assertTrue(pdf.length < 30_000, pdf.length + " bytes");
    }

    @Test
    void theFontCheckRejectsAPdfWithStandardFontsAsOrsonPdfWritesThemByDefault() throws Exception {
        com.orsonpdf.PDFDocument document = new com.orsonpdf.PDFDocument();
        com.orsonpdf.PDFGraphics2D g2 = document.createPage(new java.awt.geom.Rectangle2D.Double(0, 0, 100, 50))
                .getGraphics2D();
        g2.setFont(PaperStyle.LABEL_FONT);
        g2.drawString("Round", 10, 20);

        byte[] pdf = document.getPDFBytes();

        assertTrue(new String(pdf, StandardCharsets.ISO_8859_1).contains("/BaseFont /Helvetica"));
        assertThrows(AssertionError.class, () -> FigureFiles.assertEveryFontEmbedded(pdf, "standard fonts"));
    }

    @Test
    void vectorFilesAreTheSameBytesEveryTime() throws Exception {
        FigureSize size = FigureWidth.SINGLE.size(1);

        byte[] pdf = Files.readAllBytes(FigureWriter.writePdf(chart, size, dir.resolve("a.pdf")));
        Thread.sleep(1_100); // OrsonPDF dates documents to the second
        byte[] again = Files.readAllBytes(FigureWriter.writePdf(chart, size, dir.resolve("b.pdf")));
        String svg = Files.readString(FigureWriter.writeSvg(chart, size, dir.resolve("f.svg")));
        String svgAgain = Files.readString(FigureWriter.writeSvg(chart, size, dir.resolve("f.svg")));

        assertArrayEquals(pdf, again);
        assertFalse(new String(pdf, StandardCharsets.ISO_8859_1).contains("Date"), "no creation or modification date");
        assertEquals(svg, svgAgain);
        // Element ids come from the file name, not from a clock.
        assertTrue(svg.contains("id='f-clip-0'"), svg.substring(0, 600));
        assertTrue(FigureWriter.svg(chart, size, "energy-over-time").contains("id='energy-over-time-clip-0'"));
        assertEquals("fig-2x_y-", FigureWriter.idPrefix("2x y"));
    }

    private static double points(String length) {
        assertTrue(length.endsWith("pt"), length);
        return Double.parseDouble(length.substring(0, length.length() - 2));
    }

    @org.junit.jupiter.api.Test
    void aFigureGrowsWhenItsLegendWouldCrowdThePlot() {
        org.jfree.data.xy.XYSeriesCollection many = new org.jfree.data.xy.XYSeriesCollection();
        for (int i = 0; i < 10; i++) {
            org.jfree.data.xy.XYSeries s = new org.jfree.data.xy.XYSeries("a long legend entry number " + i
                    + " / bits=8 alpha=0.5 clients=10");
            s.add(1, i);
            many.addSeries(s);
        }
        org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(many, new org.jfree.chart.axis.NumberAxis("x"),
                new org.jfree.chart.axis.NumberAxis("y"), new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer());
        FigureSize size = new FigureSize(3.5, 2.6);
        FigureSize fitted = FigureWriter.fitted(PaperStyle.chart("t", plot, true), size);
        org.junit.jupiter.api.Assertions.assertTrue(fitted.heightIn() > size.heightIn() + 0.5, fitted.toString());
        org.junit.jupiter.api.Assertions.assertEquals(size, FigureWriter.fitted(PaperStyle.chart("t", plot, false), size));
    }
}
