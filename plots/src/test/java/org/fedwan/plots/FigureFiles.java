package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Reads back the files a figure was written to, for assertions on them rather than on pixels. */
final class FigureFiles {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private FigureFiles() {
    }

    /** Asserts the PNG signature and returns the decoded image. */
    static BufferedImage readPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length), "PNG signature of " + file);
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new AssertionError("ImageIO cannot decode " + file);
        }
        return image;
    }

    /** The resolution recorded in the PNG's pHYs chunk, dots per inch (rounded). */
    static long pngDpi(Path file) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (InputStream in = Files.newInputStream(file);
             ImageInputStream imageIn = ImageIO.createImageInputStream(in)) {
            reader.setInput(imageIn);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            NodeList physical = root.getElementsByTagName("pHYs");
            assertEquals(1, physical.getLength(), "pHYs chunks in " + file);
            IIOMetadataNode node = (IIOMetadataNode) physical.item(0);
            assertEquals("meter", node.getAttribute("unitSpecifier"));
            return Math.round(Long.parseLong(node.getAttribute("pixelsPerUnitXAxis")) * 0.0254);
        } finally {
            reader.dispose();
        }
    }

    /** Parses an SVG file as well-formed XML (fails on malformed XML) without fetching anything. */
    static Document readSvg(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The contents of the SVG's {@code <text>} elements, in document order. */
    static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagNameNS("*", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static final java.util.regex.Pattern FONT = java.util.regex.Pattern.compile("/Type\\s*/Font(?![A-Za-z])");
    private static final java.util.regex.Pattern FONT_FILE = java.util.regex.Pattern.compile("/FontFile[23]?(?![A-Za-z0-9])");

    /**
     * Asserts that a PDF uses no font it does not carry, as journal checkers such as IEEE PDF eXpress
     * require: every font object ({@code /Type /Font}) must come with an embedded font program
     * ({@code /FontFile}, {@code /FontFile2} or {@code /FontFile3}). A PDF without fonts passes.
     */
    static void assertEveryFontEmbedded(byte[] pdf, String name) {
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        long fonts = FONT.matcher(text).results().count();
        long fontFiles = FONT_FILE.matcher(text).results().count();
        assertTrue(fonts == 0 || fontFiles >= fonts, name + ": " + fonts + " fonts but " + fontFiles
                + " embedded font programs");
    }

    /** The PDF's Flate-compressed streams (OrsonPDF compresses every content stream), inflated, in file order. */
    static List<String> pdfStreams(byte[] pdf) throws java.util.zip.DataFormatException {
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> streams = new ArrayList<>();
        for (int at = text.indexOf("stream\n"); at >= 0; at = text.indexOf("stream\n", at + 1)) {
            if (at >= 3 && text.startsWith("end", at - 3)) {
                continue;
            }
            int start = at + "stream\n".length();
            int end = text.indexOf("endstream", start);
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            inflater.setInput(Arrays.copyOfRange(pdf, start, end));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[65_536];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            inflater.end();
            streams.add(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return streams;
    }
}
