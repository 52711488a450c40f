package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the kept fuzz findings: every file under {@code src/test/resources/fuzz/<target>/} is a
 * raw fuzz input ({@link FuzzBytes}) that broke a property of decoder {@code <target>} before it
 * was fixed (the file's name says which: {@code crash-<sha1>} as Jazzer wrote it, or a name that
 * says what it found). Each must now keep every property.
 */
class DecoderFuzzRegressionTest {

    static Stream<Arguments> findings() throws IOException, URISyntaxException {
        URL root = DecoderFuzzRegressionTest.class.getResource("/fuzz");
        List<Arguments> a = new ArrayList<>();
        if (root == null) {
            return a.stream();
        }
        try (Stream<Path> dirs = Files.list(Path.of(root.toURI()))) {
            for (Path dir : dirs.sorted().toList()) {
                FuzzTarget target = FuzzTarget.byId(dir.getFileName().toString());
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.sorted().toList()) {
                        a.add(Arguments.of(target, f.getFileName().toString(), Files.readAllBytes(f)));
                    }
                }
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("findings")
    void keptFindingsNowKeepEveryProperty(FuzzTarget target, String file, byte[] input) {
        // run throws an AssertionError naming the property a decoder breaks
        assertDoesNotThrow(() -> target.run(input), target.id() + " " + file);
    }

    @Test
    void theKeptFindingsAreThere() throws Exception {
        // the findings of the fuzz runs (docs/compression.md, "Found and fixed"): a replay of nothing would pass
        assertTrue(findings().count() >= 10, "kept fuzz findings under src/test/resources/fuzz/ are missing");
    }
}
