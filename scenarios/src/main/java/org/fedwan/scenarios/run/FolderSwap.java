package org.fedwan.scenarios.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Replaces a result folder {@code NAME} by a new one as a whole. The new run is written into the
 * sibling {@code .NAME.partial-PID-N} (same parent, so renaming it is atomic); when it is complete,
 * {@link #commit} renames the old folder aside to {@code .NAME.old-PID-N}, renames the new one to
 * {@code NAME} and deletes the old one. Whatever fails or is killed before the commit, {@code NAME}
 * still holds the old complete run (or nothing, if there was none): a half-written run, stale
 * figures or a stale report never sit beside new tables.
 *
 * <p>A process killed between the two renames leaves {@code NAME} absent with both siblings
 * present; {@link #recover} (called before every write and every resume) then moves the new,
 * complete folder in, or the old one back. Leftovers of processes that no longer run are
 * deleted; those of live processes (another run writing beside this one) are left alone.
 */
public final class FolderSwap {

    static final String PARTIAL = ".partial-";
    static final String OLD = ".old-";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private FolderSwap() {
    }

    /**
     * Starts writing a new version of {@code target}: recovers leftovers, checks that {@code target}
     * may be replaced, and creates the empty sibling the caller writes into.
     *
     * @param target      the result folder
     * @param replaceable whether an existing {@code target} may be replaced as a whole
     * @return the new, empty folder to write into
     * @throws IllegalArgumentException if {@code target} exists and may not be replaced (a file, or
     *                                  a folder holding what is not a run's)
     */
    public static Path begin(Path target, Predicate<Path> replaceable) throws IOException {
        Path t = absolute(target);
        Files.createDirectories(t.getParent());
        recover(t);
        if (Files.exists(t) && !(Files.isDirectory(t) && replaceable.test(t))) {
            throw new IllegalArgumentException(t + " exists and is not a FedWAN result folder (it is a file, or holds files "
                    + "a run does not write); a run replaces its folder as a whole, so it will not write there: choose "
                    + "another --out folder, or empty or delete that one");
        }
        Path work = t.resolveSibling("." + t.getFileName() + PARTIAL + ProcessHandle.current().pid() + "-"
                + SEQUENCE.incrementAndGet());
        Files.createDirectory(work);
        return work;
    }

    /**
     * Puts the complete folder {@code work} (from {@link #begin}) in place of {@code target}. If the
     * second rename fails, the old folder is renamed back and the error is thrown.
     */
    public static void commit(Path work, Path target) throws IOException {
        Path t = absolute(target);
        if (!Files.exists(t)) {
            Files.move(work, t, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        String suffix = work.getFileName().toString().substring(("." + t.getFileName() + PARTIAL).length());
        Path old = t.resolveSibling("." + t.getFileName() + OLD + suffix);
        Files.move(t, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(work, t, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.move(old, t, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    /** Deletes {@code work} after a failure; a failure to delete is added to {@code cause}. */
    public static void abandon(Path work, Throwable cause) {
        try {
            deleteTree(work);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Repairs what a process killed during {@link #commit} left, and deletes the partial and old
     * siblings of {@code target} left by processes that no longer run.
     */
    public static void recover(Path target) throws IOException {
        Path t = absolute(target);
        Path parent = t.getParent();
        if (!Files.isDirectory(parent)) {
            return;
        }
        String partialPrefix = "." + t.getFileName() + PARTIAL;
        String oldPrefix = "." + t.getFileName() + OLD;
        List<Path> leftovers;
        try (Stream<Path> s = Files.list(parent)) {
            leftovers = s.filter(p -> {
                String n = p.getFileName().toString();
                String suffix = n.startsWith(partialPrefix) ? n.substring(partialPrefix.length())
                        : n.startsWith(oldPrefix) ? n.substring(oldPrefix.length()) : null;
                return suffix != null && !alive(suffix);
            }).sorted().toList();
        }
        for (Path old : leftovers) {
            String n = old.getFileName().toString();
            if (n.startsWith(oldPrefix) && !Files.exists(t)) {
                Path swapped = t.resolveSibling(partialPrefix + n.substring(oldPrefix.length()));
                boolean newComplete = Files.isRegularFile(swapped.resolve(ResultFolder.MANIFEST));
                Files.move(newComplete ? swapped : old, t, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        for (Path p : leftovers) {
            deleteTree(p);
        }
    }

    /** Whether the process that named a sibling {@code ...partial-PID-N} or {@code ...old-PID-N} still runs. */
    private static boolean alive(String pidAndSequence) {
        String[] parts = pidAndSequence.split("-");
        if (parts.length != 2) {
            return true;
        }
        try {
            long pid = Long.parseLong(parts[0]);
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            return p.isPresent() && p.get().isAlive();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static Path absolute(Path p) {
        Path a = p.toAbsolutePath().normalize();
        if (a.getParent() == null) {
            throw new IllegalArgumentException(p + ": a result folder needs a parent folder");
        }
        return a;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
