package org.fedwan.scenarios.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.fedwan.scenarios.ScenarioException;
import org.fedwan.scenarios.ScenarioLoader;
import org.fedwan.scenarios.sweep.SweepSpec;

/**
 * The scenario loader's fuzz target: arbitrary bytes, written to a file, are loaded as a scenario
 * ({@link ScenarioLoader#load}: reading, YAML parsing, {@code extends}, schema validation and the
 * checks across sections) and as a sweep ({@link SweepSpec#load}). Properties, each failure an
 * {@link AssertionError}:
 *
 * <ul>
 *   <li>each load returns or throws {@link ScenarioException}, never any other exception;
 *   <li>every problem names a file (the input or a file it refers to) and is one line;
 *   <li>what would be printed is bounded: at most {@value ScenarioException#MAX_PROBLEMS} + 1
 *       problems of at most {@value ScenarioException#MAX_PROBLEM_CHARS} characters and a tail;
 *   <li>no input takes more than {@value #MAX_MILLIS_PER_INPUT} ms (the long run's libFuzzer
 *       timeout catches a true hang).
 * </ul>
 *
 * <p>Inputs are cut to {@value #MAX_INPUT_BYTES} bytes (the loader's size cap is tested apart).
 * The input's folder holds {@code _base.yaml}, a valid scenario, so that {@code extends: _base.yaml}
 * and a sweep's {@code scenario: _base.yaml} reach validation. Jazzer calls
 * {@link #fuzzerTestOneInput}; needs nothing from Jazzer at compile time.
 */
public final class ScenarioFuzzTarget {

    /** Longest input, bytes: room for every key of the schema with values, and for deep or wide structures. */
    public static final int MAX_INPUT_BYTES = 16_384;

    /** Slowest accepted input, ms: loading takes about a millisecond; a second is a hang in the making. */
    public static final long MAX_MILLIS_PER_INPUT = 5_000;

    /** Most characters the problems of one load may print: the capped problems, their line ends and the tail line. */
    static final int MAX_PRINTED_CHARS = (ScenarioException.MAX_PROBLEMS + 1) * (ScenarioException.MAX_PROBLEM_CHARS + 64);

    private static final String BASE = "# a valid base for extends and sweeps\ndataset: synthetic\nrounds: 1\n";

    private static Path dir;

    private ScenarioFuzzTarget() {
    }

    /**
     * Called once by Jazzer before the first input: loads every seed once, untimed, so that class
     * loading and Jazzer's instrumentation (7 s for the first input) do not count as a slow input.
     */
    public static void fuzzerInitialize() {
        folder();
        try {
            for (byte[] seed : ScenarioFuzzTest.seeds()) {
                load(seed);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the seed corpus", e);
        }
    }

    /** Called by Jazzer once per input. */
    public static void fuzzerTestOneInput(byte[] input) {
        run(input);
    }

    /** Loads {@code input} both ways, checking nothing but that it does not throw what it must not. */
    private static void load(byte[] input) {
        Path file = write(input);
        try {
            ScenarioLoader.load(file, folder());
        } catch (ScenarioException e) {
            // a refusal is an outcome
        }
        try {
            SweepSpec.load(file, folder());
        } catch (ScenarioException e) {
            // a refusal is an outcome
        }
    }

    private static Path write(byte[] input) {
        byte[] bytes = input.length <= MAX_INPUT_BYTES ? input : Arrays.copyOf(input, MAX_INPUT_BYTES);
        Path file = folder().resolve("fuzz.yaml");
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Checks every property on {@code input}. */
    public static void run(byte[] input) {
        Path d = folder();
        Path file = write(input);
        long start = System.nanoTime();
        check("scenario", file, () -> ScenarioLoader.load(file, d));
        check("sweep", file, () -> SweepSpec.load(file, d));
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > MAX_MILLIS_PER_INPUT) {
            throw new AssertionError("loading took " + millis + " ms; allowed: " + MAX_MILLIS_PER_INPUT + " ms");
        }
    }

    /** A load as the property sees it. */
    @FunctionalInterface
    interface Load {
        Object load() throws ScenarioException;
    }

    private static void check(String what, Path file, Load load) {
        List<String> problems;
        try {
            load.load();
            return;
        } catch (ScenarioException e) {
            problems = e.problems();
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("loading as a " + what + " threw " + e, e);
        }
        if (problems.isEmpty()) {
            throw new AssertionError(what + ": a ScenarioException without problems");
        }
        if (problems.size() > ScenarioException.MAX_PROBLEMS + 1) {
            throw new AssertionError(what + ": " + problems.size() + " problems; allowed: the cap and a tail line");
        }
        int printed = 0;
        for (String p : problems) {
            printed += p.length() + 1;
            if (p.contains("\n") || p.contains("\r")) {
                throw new AssertionError(what + ": a problem spans several lines: " + p);
            }
            if (!namesAFile(p, file)) {
                throw new AssertionError(what + ": a problem names no file: " + p);
            }
        }
        if (printed > MAX_PRINTED_CHARS) {
            throw new AssertionError(what + ": " + printed + " characters of problems; allowed: " + MAX_PRINTED_CHARS);
        }
    }

    /** Whether problem {@code p} starts with a file: the input or a file beside it, or an existing file it referred to. */
    static boolean namesAFile(String p, Path file) {
        if (p.startsWith(file.getParent().toString())) {
            return true;
        }
        int colon = p.indexOf(':');
        return colon > 1 && p.startsWith("/") && Files.exists(Path.of(p.substring(0, colon)));
    }

    private static synchronized Path folder() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("fedwan-fuzz");
                dir.toFile().deleteOnExit();
                Files.writeString(dir.resolve("_base.yaml"), BASE, StandardCharsets.UTF_8).toFile().deleteOnExit();
                dir.resolve("fuzz.yaml").toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** The input's folder, for the tests. */
    static Path dir() {
        return folder();
    }
}
