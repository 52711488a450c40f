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
 * <p>If apt has no package lists yet (a fresh container), {@code apt-get download} cannot find
 * the package: as root this class runs {@code apt-get update} once and tries again; otherwise
 * the error says to run it.
 */
public final class FashionMnistFiles {

    /** Debian's package that ships the original gzipped IDX files. */
    public static final String APT_PACKAGE = "dataset-fashion-mnist";
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

    private FashionMnistFiles() {
    }

    /** Loads the train (60,000) and test (10,000) splits, fetching them with apt first if a file is missing. */
    public static TrainTest load(Path dataDir) throws IOException {
        Path dir = ensure(dataDir);
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
        ExternalCommand.Result r = ExternalCommand.run(command, work, 30, purpose);
        if (r.exitCode() != 0) {
            boolean lists = hasPackageLists(APT_LISTS);
            if (!isRoot()) {
                throw new IOException("'apt-get download " + APT_PACKAGE + "' failed (exit code " + r.exitCode() + ")"
                        + (lists ? "" : ": apt has no package lists yet; run 'apt-get update' as root, then try again")
                        + ". apt said: " + r.output());
            }
            ExternalCommand.Result update = ExternalCommand.run(List.of("apt-get", "update"), work, 30, "refresh apt's package lists");
            if (update.exitCode() != 0) {
                throw new IOException("'apt-get download " + APT_PACKAGE + "' failed"
                        + (lists ? "" : " because apt has no package lists yet") + ", and 'apt-get update' failed too (exit code "
                        + update.exitCode() + "): " + update.output());
            }
            r = ExternalCommand.run(command, work, 30, purpose);
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
