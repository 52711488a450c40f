package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
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

    private static double points(String length) {
        assertTrue(length.endsWith("pt"), length);
        return Double.parseDouble(length.substring(0, length.length() - 2));
    }
}
