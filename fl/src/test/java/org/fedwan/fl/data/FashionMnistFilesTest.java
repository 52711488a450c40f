package org.fedwan.fl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistFilesTest {

    @TempDir
    Path dir;

    private static byte[] gz(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        }
        return b.toByteArray();
    }

    /** A tar in the layout {@code dpkg -c dataset-fashion-mnist} lists: ./usr/share/datasets/fashion-mnist/*.gz, plus docs. */
    private static byte[] packageTar(byte[] labels) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(b)) {
            add(tar, "./usr/share/doc/dataset-fashion-mnist/copyright", "x".getBytes());
            add(tar, "./usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz", labels);
            add(tar, "./usr/share/datasets/other/t10k-images-idx3-ubyte.gz", labels);
        }
        return b.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    @Test
    void extractsOnlyTheFourFilesOfThePackageFolder() throws IOException {
        byte[] labels = gz(IdxReaderTest.idx(new int[] {3}, new byte[] {1, 2, 9}));
        Path out = Files.createDirectories(dir.resolve("fashion-mnist"));
        List<String> written;
        try (InputStream in = new java.io.ByteArrayInputStream(packageTar(labels))) {
            written = FashionMnistFiles.extractTar(in, out);
        }
        assertEquals(List.of("t10k-labels-idx1-ubyte.gz"), written);
        assertArrayEquals(labels, Files.readAllBytes(out.resolve("t10k-labels-idx1-ubyte.gz")));
        assertFalse(Files.exists(out.resolve("t10k-images-idx3-ubyte.gz")));
        assertFalse(FashionMnistFiles.complete(out));
    }

    @Test
    void unpacksARealDebThroughDpkgDeb() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-deb")), "dpkg-deb is part of every Debian system");
        Path root = dir.resolve("pkg");
        Path data = Files.createDirectories(root.resolve("usr/share/datasets/fashion-mnist"));
        Files.createDirectories(root.resolve("DEBIAN"));
        Files.writeString(root.resolve("DEBIAN/control"), "Package: dataset-fashion-mnist\nVersion: 1\nArchitecture: all\n"
                + "Maintainer: test <test@example.org>\nDescription: test\n");
        byte[] images = gz(IdxReaderTest.idx(new int[] {1, 2, 2}, new byte[] {1, 2, 3, 4}));
        for (String f : FashionMnistFiles.FILES) {
            Files.write(data.resolve(f), images);
        }
        Path deb = dir.resolve("test.deb");
        Process p = new ProcessBuilder("dpkg-deb", "--build", "--root-owner-group", root.toString(), deb.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertEquals(0, p.waitFor());
        Path out = Files.createDirectories(dir.resolve("out"));
        Path work = Files.createDirectories(dir.resolve("work"));
        FashionMnistFiles.extractDeb(deb, out, work);
        assertTrue(FashionMnistFiles.complete(out));
        assertArrayEquals(images, Files.readAllBytes(out.resolve("train-images-idx3-ubyte.gz")));
        assertEquals(4, IdxReader.read(out.resolve("t10k-images-idx3-ubyte.gz")).data().length);
    }

    @Test
    void packageListsAreRecognisedByTheirPackagesIndexFiles() throws IOException {
        Path lists = Files.createDirectories(dir.resolve("lists"));
        Files.createDirectories(lists.resolve("partial"));
        Files.writeString(lists.resolve("lock"), "");
        assertFalse(FashionMnistFiles.hasPackageLists(lists));
        Files.writeString(lists.resolve("deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4"), "");
        assertTrue(FashionMnistFiles.hasPackageLists(lists));
        assertFalse(FashionMnistFiles.hasPackageLists(dir.resolve("absent")));
    }

    @Test
    void aCopyWithEveryTestLabelZeroedIsRefusedNamingTheFileAndBothDigests() throws IOException {
        Path real = FashionMnistFiles.ensure(Path.of("..").toAbsolutePath().normalize().resolve("data"));
        FashionMnistFiles.verify(real);
        Path copy = Files.createDirectories(dir.resolve(FashionMnistFiles.FOLDER));
        for (String f : FashionMnistFiles.FILES) {
            MnistFilesTest.linkOrCopy(real.resolve(f), copy.resolve(f));
        }
        Path labels = copy.resolve(FashionMnistFiles.TEST_LABELS);
        byte[] raw = IdxReader.read(labels).data();
        byte[] header = IdxReaderTest.idx(new int[] {raw.length}, new byte[raw.length]);
        Files.delete(labels);
        Files.write(labels, gz(header));
        IOException e = assertThrows(IOException.class, () -> FashionMnistFiles.load(dir));
        assertEquals(labels.toAbsolutePath() + ": SHA-256 " + FileDigests.sha256(labels) + ", expected "
                + "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05 (the file Debian package "
                + "dataset-fashion-mnist 0.0~git20200523.55506a9-1 ships): the file is damaged or is not that data set's; "
                + "delete it and run again: FedWAN fetches dataset-fashion-mnist again with 'apt-get download'", e.getMessage());
    }
}
