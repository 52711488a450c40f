package org.fedwan.plots;

import com.orsonpdf.DictionaryObject;
import com.orsonpdf.PDFDocument;
import com.orsonpdf.PDFGraphics2D;
import com.orsonpdf.PDFHints;
import com.orsonpdf.Page;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;
import java.lang.reflect.Field;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;

/**
 * Writes a chart at its printed size to PNG (raster, {@value #PNG_DPI} dpi), SVG and PDF (vector).
 *
 * <p>The chart is laid out in points at {@link FigureSize#widthPt()} x
 * {@link FigureSize#heightPt()}, so fonts given in points print at their nominal size. The PNG is
 * the same layout scaled by {@code dpi / 72}; it records its resolution in a {@code pHYs} chunk so
 * that word processors place it at the printed size. The SVG has its width and height in points
 * and a view box in the same points; its text, rotated axis labels included, stays text. The PDF
 * (OrsonPDF 1.9.1, {@code com.orsonpdf:orsonpdf} on Maven Central, by the author of JFreeChart and
 * JFreeSVG, GPLv3 like JFreeSVG) is one page of the printed size whose text is drawn as glyph
 * outlines, so it uses no font at all (see {@link #writePdf}).
 *
 * <p>Output is deterministic: the same chart gives the same SVG and PDF bytes on every call. SVG
 * element ids carry a prefix derived from the file name (JFreeSVG's default is a clock reading);
 * the PDF carries no creation or modification date.
 *
 * <p>Loading this class turns off JFreeChart's global rotated-string workaround
 * ({@link TextUtils#setUseDrawRotatedStringWorkaround}), which only served JDKs before 1.5.
 */
public final class FigureWriter {

    static {
        Headless.ensure();
        // JFreeChart draws rotated text (vertical axis labels) as a TextLayout by default, a
        // workaround for JDK-4312117, fixed in JDK 1.5. In SVG a TextLayout becomes glyph
        // outlines, so the labels would no longer be text; plain drawString keeps them text.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Resolution of PNG output, dots per inch. */
    public static final int PNG_DPI = 300;

    private static final double METRES_PER_INCH = 0.0254;
    private static final String PNG_METADATA_FORMAT = "javax_imageio_png_1.0";

    private FigureWriter() {
    }

    /**
     * Writes {@code chart} as a PNG at {@value #PNG_DPI} dpi, replacing {@code file}.
     *
     * @param chart the chart
     * @param size printed size
     * @param file the PNG file; its directory must exist
     * @return {@code file}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path writePng(JFreeChart chart, FigureSize size, Path file) {
        BufferedImage image = render(chart, size, PNG_DPI);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no PNG writer in this Java runtime");
        }
        ImageWriter writer = writers.next();
        try (OutputStream out = Files.newOutputStream(file);
             ImageOutputStream imageOut = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(
                    ImageTypeSpecifier.createFromRenderedImage(image), param);
            setResolution(metadata, PNG_DPI);
            writer.setOutput(imageOut);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /**
     * Draws {@code chart} into an opaque RGB image at {@code dpi}.
     *
     * @param chart the chart
     * @param size printed size
     * @param dpi resolution, dots per inch
     * @return the image, {@code size.widthPx(dpi)} x {@code size.heightPx(dpi)} pixels
     */
    public static BufferedImage render(JFreeChart chart, FigureSize requested, int dpi) {
        if (dpi <= 0) {
            throw new IllegalArgumentException("dpi must be > 0, got " + dpi);
        }
        FigureSize size = fitted(chart, requested);
        BufferedImage image = new BufferedImage(size.widthPx(dpi), size.heightPx(dpi),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, image.getWidth(), image.getHeight());
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double scale = dpi / FigureSize.POINTS_PER_INCH;
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, size.widthPt(), size.heightPt()));
        } finally {
            g2.dispose();
        }
        return image;
    }

    private static void setResolution(IIOMetadata metadata, int dpi) throws IIOInvalidTreeException {
        String pixelsPerMetre = Long.toString(Math.round(dpi / METRES_PER_INCH));
        IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        physical.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA_FORMAT);
        root.appendChild(physical);
        metadata.mergeTree(PNG_METADATA_FORMAT, root);
    }

    /**
     * Writes {@code chart} as a one-page vector PDF (OrsonPDF), replacing {@code file}.
     *
     * @param chart the chart
     * @param size printed size
     * @param file the PDF file; its directory must exist
     * @return {@code file}
     * @throws UncheckedIOException if the file cannot be written
     * @see #pdf
     */
    public static Path writePdf(JFreeChart chart, FigureSize size, Path file) {
        try {
            Files.write(file, pdf(chart, size));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /**
     * Draws {@code chart} as a one-page vector PDF. The page is the printed size in points.
     *
     * <p>Text is drawn as filled glyph outlines (OrsonPDF's
     * {@link PDFHints#VALUE_DRAW_STRING_TYPE_VECTOR}), taken from the font the JVM maps
     * {@link PaperStyle#FONT_FAMILY} to. The PDF then has no font resources at all: by default
     * OrsonPDF names the 14 standard PDF fonts without embedding them, which journal checkers
     * such as IEEE PDF eXpress reject because every font must be embedded. The text is no longer
     * searchable in the PDF (the SVG keeps it as text).
     *
     * <p>OrsonPDF writes the time of the call as the document's creation and modification date; both
     * are removed, so that the same chart always gives the same bytes.
     *
     * @param chart the chart
     * @param size printed size
     * @return the PDF file's bytes
     */
    public static byte[] pdf(JFreeChart chart, FigureSize requested) {
        FigureSize size = fitted(chart, requested);
        PDFDocument document = new PDFDocument();
        withoutDates(document);
        Page page = document.createPage(new Rectangle2D.Double(0, 0, size.widthPt(), size.heightPt()));
        PDFGraphics2D g2 = page.getGraphics2D();
        g2.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g2, new Rectangle2D.Double(0, 0, size.widthPt(), size.heightPt()));
        return document.getPDFBytes();
    }

    /**
     * Removes the {@code /CreationDate} and {@code /ModDate} that OrsonPDF 1.9.1 puts into the
     * document information dictionary (both optional, PDF 1.4 section 9.2.1). OrsonPDF offers no
     * setter for them, so its private {@code info} dictionary is reached by reflection.
     */
    private static void withoutDates(PDFDocument document) {
        try {
            Field field = PDFDocument.class.getDeclaredField("info");
            field.setAccessible(true);
            DictionaryObject info = (DictionaryObject) field.get(document);
            info.remove("CreationDate");
            info.remove("ModDate");
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot remove the dates of an OrsonPDF document: this code expects "
                    + "OrsonPDF 1.9.1, whose PDFDocument keeps them in a field 'info'", e);
        }
    }

    /**
     * Writes {@code chart} in one of {@code png}, {@code svg} or {@code pdf}.
     *
     * @param chart the chart
     * @param size printed size
     * @param file the file; its directory must exist
     * @param format {@code png}, {@code svg} or {@code pdf}
     * @return {@code file}
     * @throws IllegalArgumentException if the format is unknown
     */
    public static Path write(JFreeChart chart, FigureSize size, Path file, String format) {
        return switch (format) {
            case "png" -> writePng(chart, size, file);
            case "svg" -> writeSvg(chart, size, file);
            case "pdf" -> writePdf(chart, size, file);
            default -> throw new IllegalArgumentException("unknown format '" + format + "', expected png, svg or pdf");
        };
    }

    /**
     * Writes {@code chart} as an SVG document, replacing {@code file}. Text stays text, so titles
     * and labels remain searchable and editable.
     *
     * @param chart the chart
     * @param size printed size
     * @param file the SVG file; its directory must exist
     * @return {@code file}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path writeSvg(JFreeChart chart, FigureSize size, Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".svg") ? name.substring(0, name.length() - 4) : name;
        try {
            Files.writeString(file, svg(chart, size, stem), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /**
     * Draws {@code chart} as a standalone SVG document whose element ids start with {@code fig-}.
     *
     * @param chart the chart
     * @param size printed size
     * @return the SVG document, with an XML declaration
     */
    public static String svg(JFreeChart chart, FigureSize size) {
        return svg(chart, size, "fig");
    }

    /**
     * Draws {@code chart} as a standalone SVG document. The ids of its elements (clip paths) start
     * with {@code name} made a valid XML name and a hyphen, so that several SVG documents inlined in
     * one HTML page keep apart when their names differ, and the same chart always gives the same
     * document.
     *
     * @param chart the chart
     * @param size printed size
     * @param name a name for the figure, e.g. its file name without extension
     * @return the SVG document, with an XML declaration
     */
    public static String svg(JFreeChart chart, FigureSize requested, String name) {
        FigureSize size = fitted(chart, requested);
        SVGGraphics2D g2 = new SVGGraphics2D(size.widthPt(), size.heightPt(), SVGUnits.PT);
        g2.setDefsKeyPrefix(idPrefix(name));
        chart.draw(g2, new Rectangle2D.Double(0, 0, size.widthPt(), size.heightPt()));
        String element = g2.getSVGElement(null, true,
                new ViewBox(0, 0, size.widthPt(), size.heightPt()), null, null);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element + "\n";
    }

    /** Share of a figure's height a legend below the plot may take before the figure grows. */
    static final double LEGEND_SHARE = 0.25;

    /**
     * {@code size}, made taller when the chart's legend needs more than {@link #LEGEND_SHARE} of
     * its height (many or long entries, one per row), so that the plot keeps its own height.
     */
    static FigureSize fitted(JFreeChart chart, FigureSize size) {
        LegendTitle legend = chart.getLegend();
        if (legend == null || !legend.isVisible()) {
            return size;
        }
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            double height = legend.arrange(g2, new RectangleConstraint(size.widthPt(), null,
                    LengthConstraintType.FIXED, 0, null,
                    LengthConstraintType.NONE)).getHeight();
            double excess = height - LEGEND_SHARE * size.heightPt();
            return excess <= 0 ? size : new FigureSize(size.widthIn(), size.heightIn() + excess / FigureSize.POINTS_PER_INCH);
        } finally {
            g2.dispose();
        }
    }

    /**
     * {@code name} as the start of XML ids: every character but ASCII letters, digits, '-' and '_'
     * replaced by '_', {@code fig-} put first unless it starts with a letter, and '-' appended.
     */
    static String idPrefix(String name) {
        StringBuilder prefix = new StringBuilder();
        for (char c : name.toCharArray()) {
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            prefix.append(allowed ? c : '_');
        }
        if (prefix.length() == 0 || !Character.isLetter(prefix.charAt(0))) {
            prefix.insert(0, "fig-");
        }
        return prefix.append('-').toString();
    }
}
