package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
