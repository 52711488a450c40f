package org.fedwan.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fedwan.scenarios.sweep.SweepSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the malformed corpus ({@code src/test/resources/malformed}) fails to load with its
 * precise error: each file ends with a comment {@code # expect: TEXT} that one reported problem
 * must contain, and every problem must name the file. Files starting with {@code sweep-} are sweep
 * files; files starting with {@code _} are helpers the others refer to.
 */
class MalformedCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyMalformedFileGivesItsPreciseError() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/malformed").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().startsWith("_")).sorted().toList();
        }
        assertTrue(files.size() >= 50, "corpus has only " + files.size() + " files");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path f) throws IOException {
        String expectLatin1 = Files.readAllLines(f, StandardCharsets.ISO_8859_1).stream().filter(l -> l.startsWith("# expect: ")).findFirst()
                .orElseThrow(() -> new AssertionError(f + " has no '# expect:' line")).substring("# expect: ".length());
        // files are read as Latin-1 so that a file of bad bytes still has its expectation; µ and friends are UTF-8
        String expect = new String(expectLatin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        List<String> problems;
        try {
            if (f.getFileName().toString().startsWith("sweep-")) {
                SweepSpec.load(f, f.getParent());
            } else {
                ScenarioLoader.load(f, f.getParent());
            }
            fail(f + " loaded without error; expected: " + expect);
            return;
        } catch (ScenarioException e) {
            problems = e.problems();
        }
        assertFalse(problems.isEmpty());
        assertTrue(problems.size() <= ScenarioException.MAX_PROBLEMS + 1, "more problems than the cap: " + problems.size());
        assertTrue(problems.stream().anyMatch(p -> p.contains(expect)), f.getFileName() + ": expected a problem containing\n  "
                + expect + "\ngot\n  " + String.join("\n  ", problems));
        for (String p : problems) {
            assertTrue(p.contains(".yaml"), "problem does not name a file: " + p);
            assertFalse(p.contains("Exception") || p.contains("\tat "), "problem looks like a stack trace: " + p);
            assertFalse(p.contains("\n"), "problem spans several lines: " + p);
            assertFalse(p.contains("SECRET-LINE"), "problem quotes a file that is not a scenario: " + p);
        }
    }
}
