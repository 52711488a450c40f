package org.fedwan.fl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10FilesTest {

    @TempDir
    Path dir;

    /**
     * Writes a batch file in the format of the CIFAR-10 binary version: per record one label byte,
     * then 1,024 red, 1,024 green and 1,024 blue bytes (each plane row-major 32x32). Record
     * {@code r} of batch {@code b} has label {@code (b + r) % 10}, red = b, green = r, blue = 200
     * and its top-left red pixel 255.
     */
    static void writeBatch(Path file, int batch, int records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int r = 0; r < records; r++) {
            out.write((batch + r) % 10);
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 1024; p++) {
                    int v = c == 0 ? (p == 0 ? 255 : batch) : c == 1 ? r : 200;
                    out.write(v);
                }
            }
        }
        Files.write(file, out.toByteArray());
    }

    private void writeAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int b = 1; b <= 5; b++) {
            writeBatch(folder.resolve("data_batch_" + b + ".bin"), b, 2);
        }
        writeBatch(folder.resolve("test_batch.bin"), 7, 3);
    }

    @Test
    void readsTheSixBatchesInOrderWithChannelMajorPixels() throws IOException {
        writeAll(dir);
        TrainTest t = Cifar10Files.load(dir);
        assertEquals(10, t.train().size());
        assertEquals(3, t.test().size());
        assertEquals(3, t.train().channels());
        assertEquals(32, t.train().height());
        // record 1 of batch 3 is image 5: label (3 + 1) % 10 = 4
        assertEquals(4, t.train().label(5));
        int base = 5 * 3072;
        byte[] px = t.train().pixels();
        assertEquals(255, px[base] & 0xFF);
        assertEquals(3, px[base + 1] & 0xFF);
        assertEquals(1, px[base + 1024] & 0xFF);
        assertEquals(200, px[base + 2048 + 1023] & 0xFF);
        assertEquals((7 + 2) % 10, t.test().label(2));
    }

    @Test
    void acceptsTheArchiveFolderInside() throws IOException {
        writeAll(dir.resolve(Cifar10Files.ARCHIVE_FOLDER));
        assertEquals(10, Cifar10Files.load(dir).train().size());
    }

    @Test
    void missingFilesAreNamedWithTheFolder() throws IOException {
        writeBatch(dir.resolve("data_batch_1.bin"), 1, 1);
        IOException e = assertThrows(IOException.class, () -> Cifar10Files.load(dir));
        assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("missing data_batch_2.bin, data_batch_3.bin, data_batch_4.bin, data_batch_5.bin, "
                + "test_batch.bin"), e.getMessage());
    }

    @Test
    void aTruncatedRecordOrABadLabelIsRefused() throws IOException {
        writeAll(dir);
        Files.write(dir.resolve("data_batch_2.bin"), new byte[3073 + 10]);
        IOException e = assertThrows(IOException.class, () -> Cifar10Files.load(dir));
        assertTrue(e.getMessage().contains("data_batch_2.bin") && e.getMessage().contains("3073"), e.getMessage());
        writeAll(dir);
        byte[] bad = Files.readAllBytes(dir.resolve("test_batch.bin"));
        bad[3073] = 10;
        Files.write(dir.resolve("test_batch.bin"), bad);
        IOException e2 = assertThrows(IOException.class, () -> Cifar10Files.load(dir));
        assertTrue(e2.getMessage().contains("record 1 has label 10"), e2.getMessage());
    }
}
