package org.fedwan.scenarios.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The short fuzz run of the scenario loader in {@code mvn verify}: {@value #DEFAULT_INPUTS}
 * seeded mutations of the seed corpus (the malformed corpus and the shipped scenarios and studies),
 * each checked for {@link ScenarioFuzzTarget}'s properties; then every kept finding under
 * {@code src/test/resources/fuzz/scenario-loader/}. Not coverage-guided (that is the long run,
 * {@link ScenarioFuzzLongRun}) but reproducible. {@code -Dfuzz.inputs=N} runs N. A failure prints
 * the input in Base64; saved as a file in the findings folder it becomes a regression input.
 */
class ScenarioFuzzTest {

    static final int DEFAULT_INPUTS = 600;
    static final long SEED = 20_261_206L;

    /** What mutations insert: YAML's structure, the loader's own keys and values at its bounds. */
    static final List<String> TOKENS = List.of(":", ": ", "\n", "\n  ", "- ", "[", "]", "{", "}", ",", "---\n", "...\n", "*a", "&a ",
            ".nan", "-.inf", ".inf", "!!binary ", "!!str ", "!!float ", "? ", "|\n  ", ">\n  ", "\"", "'", "# c\n", "\t", "~",
            "extends: _base.yaml\n", "extends: .\n", "extends: fuzz.yaml\n", "scenario: _base.yaml\n",
            "grid:\n  rounds: [1, 2]\n", "zip:\n  rounds: [1]\n", "points:\n  - {rounds: 2}\n", "replications: 3\n",
            "name: ../x\n", "name: ok\n", "1e-320", "4.9e-324", "1e308", "-0", "0x1F", "99999999999999999999", "2147483648",
            "duty_cycle: ", "device_mflops: ", "train_samples: ", "dataset: synthetic\n", "availability_trace: .\n",
            "uplink_options: {a: [1]}\n", "strategy_options: ", "\u00e9", "\u0000");

    static List<byte[]> seeds() throws IOException, URISyntaxException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(ScenarioFuzzTest.class.getResource("/malformed").toURI()))) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        Path module = Path.of("").toAbsolutePath();
        for (String sub : List.of("", "seeds", "studies", "lorawan")) {
            Path d = module.resolve(sub);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
                }
            }
        }
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) {
            out.add(Files.readAllBytes(f));
        }
        return out;
    }

    /** One mutation of {@code in}: a byte changed, a token inserted, a range deleted or repeated. */
    static byte[] mutate(byte[] in, SplittableRandom r) {
        int at = in.length == 0 ? 0 : r.nextInt(in.length + 1);
        switch (r.nextInt(5)) {
            case 0 -> {
                if (in.length == 0) {
                    return new byte[] {(byte) r.nextInt(256)};
                }
                byte[] out = in.clone();
                out[Math.min(at, in.length - 1)] = (byte) r.nextInt(256);
                return out;
            }
            case 1, 2 -> {
                byte[] t = TOKENS.get(r.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
                return splice(in, at, at, t);
            }
            case 3 -> {
                int end = Math.min(in.length, at + r.nextInt(64));
                return splice(in, at, end, new byte[0]);
            }
            default -> {
                int end = Math.min(in.length, at + r.nextInt(256));
                byte[] part = Arrays.copyOfRange(in, at, end);
                byte[] rep = new byte[part.length * (1 + r.nextInt(8))];
                for (int i = 0; i < rep.length; i++) {
                    rep[i] = part[i % Math.max(1, part.length)];
                }
                return splice(in, end, end, rep);
            }
        }
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        byte[] out = new byte[in.length - (to - from) + insert.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(in, to, out, from + insert.length, in.length - to);
        return out;
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void seededMutationsKeepEveryProperty() throws Exception {
        List<byte[]> seeds = seeds();
        assertTrue(seeds.size() >= 50, "seed corpus has only " + seeds.size() + " files");
        int inputs = Integer.getInteger("fuzz.inputs", DEFAULT_INPUTS);
        ScenarioFuzzTarget.fuzzerInitialize();
        SplittableRandom r = new SplittableRandom(SEED);
        for (int i = 0; i < inputs; i++) {
            byte[] input = seeds.get(r.nextInt(seeds.size()));
            for (int m = 1 + r.nextInt(4); m > 0; m--) {
                input = mutate(input, r);
            }
            try {
                ScenarioFuzzTarget.run(input);
            } catch (AssertionError e) {
                Path kept = Files.createDirectories(Path.of("target", "fuzz-findings")).resolve("input-" + i);
                Files.write(kept, input);
                throw new AssertionError("input " + i + ": " + e.getMessage() + " (kept as " + kept.toAbsolutePath() + "; Base64 "
                        + Base64.getEncoder().encodeToString(input) + ")", e);
            }
        }
    }

    static Stream<Arguments> findings() throws IOException, URISyntaxException {
        URL root = ScenarioFuzzTest.class.getResource("/fuzz/scenario-loader");
        if (root == null) {
            return Stream.empty();
        }
        List<Arguments> a = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
            for (Path f : files.sorted().toList()) {
                a.add(Arguments.of(f.getFileName().toString(), Files.readAllBytes(f)));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("findings")
    void keptFindingsNowKeepEveryProperty(String name, byte[] input) {
        ScenarioFuzzTarget.run(input);
    }

    @Test
    void thePropertiesCanFail() {
        Path input = ScenarioFuzzTarget.dir().resolve("fuzz.yaml");
        assertTrue(ScenarioFuzzTarget.namesAFile(input + ":1: x", input));
        assertFalse(ScenarioFuzzTarget.namesAFile("(defaults): key 'x' = 1: allowed: 2", input), "a problem without a file");
        assertFalse(ScenarioFuzzTarget.namesAFile("/no/such/file:1: x", input), "a file that does not exist");
        ScenarioFuzzTarget.run("rounds: 1\n".getBytes(StandardCharsets.UTF_8));
    }
}
