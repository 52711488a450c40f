package org.fedwan.fl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    /** Writes an IDX file as LeCun's format page defines it: 0x0000, type 0x08, dims, sizes, data. */
    static byte[] idx(int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0);
        out.writeByte(0x08);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    @Test
    void readsImagesAndLabelsPlainAndGzipped() throws IOException {
        byte[] pixels = new byte[3 * 2 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 10);
        }
        Files.write(dir.resolve("img"), idx(new int[] {3, 2, 4}, pixels));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("lbl.gz")))) {
            gz.write(idx(new int[] {3}, new byte[] {7, 0, 9}));
        }
        ImageDataset d = IdxReader.readImages("t", dir.resolve("img"), dir.resolve("lbl.gz"), 10);
        assertEquals(3, d.size());
        assertEquals(2, d.height());
        assertEquals(4, d.width());
        assertEquals(8, d.imageSize());
        assertEquals(9, d.label(2));
        assertArrayEquals(pixels, d.pixels());
        assertEquals(230 & 0xFF, d.pixels()[23] & 0xFF);
    }

    @Test
    void rejectsBadMagicTruncationAndMismatchedLabels() throws IOException {
        Path bad = dir.resolve("bad");
        byte[] b = idx(new int[] {2}, new byte[] {1, 2});
        b[2] = 0x0D; // float type code: not supported
        Files.write(bad, b);
        IOException e1 = assertThrows(IOException.class, () -> IdxReader.read(bad));
        assertTrue(e1.getMessage().contains("not an unsigned-byte IDX file"), e1.getMessage());

        Path cut = dir.resolve("cut");
        Files.write(cut, java.util.Arrays.copyOf(idx(new int[] {4}, new byte[] {1, 2, 3, 4}), 10));
        IOException e2 = assertThrows(IOException.class, () -> IdxReader.read(cut));
        assertTrue(e2.getMessage().contains("ends before"), e2.getMessage());

        Files.write(dir.resolve("img"), idx(new int[] {2, 1, 1}, new byte[] {1, 2}));
        Files.write(dir.resolve("lbl"), idx(new int[] {3}, new byte[] {1, 2, 3}));
        assertThrows(IOException.class, () -> IdxReader.readImages("t", dir.resolve("img"), dir.resolve("lbl"), 10));
    }

    @Test
    void labelOutsideTheClassRangeIsRejected() throws IOException {
        Files.write(dir.resolve("img"), idx(new int[] {1, 1, 1}, new byte[] {1}));
        Files.write(dir.resolve("lbl"), idx(new int[] {1}, new byte[] {10}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdxReader.readImages("t", dir.resolve("img"), dir.resolve("lbl"), 10));
        assertTrue(e.getMessage().contains("label 10"), e.getMessage());
    }
}
