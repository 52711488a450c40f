package org.fedwan.scenarios.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ./fedwan} command of the tutorial, the how-to guides, README.md and docs/cli.md
 * parses with the real command line and every scenario or study it names loads (issue 15: docs
 * that cannot rot); the Spark guide's commands are the ones spark/cluster-test.sh runs. Running the
 * commands is {@code bash docs/howto/check.sh} (minutes, so not part of the build).
 */
class DocsCommandsTest {

    /** The module runs with the scenarios folder as working directory. */
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final Path FIXTURES = Path.of("src/test/resources/docs").toAbsolutePath();

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(HOME.resolve("README.md"), HOME.resolve("docs/cli.md"),
                HOME.resolve("docs/tutorial.md")));
        try (Stream<Path> s = Files.list(HOME.resolve("docs/howto"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @Test
    void everyDocumentedCommandParsesAndNamesFilesThatLoad() throws IOException {
        DocCommands checker = new DocCommands(HOME);
        List<String> problems = new ArrayList<>();
        int commands = 0;
        for (Path doc : documents()) {
            problems.addAll(checker.problems(doc));
            for (DocCommands.Block b : DocCommands.blocks(Files.readAllLines(doc))) {
                if (DocCommands.runnable(b)) {
                    commands += (int) DocCommands.logicalLines(b).values().stream()
                            .filter(l -> DocCommands.fedwanArgs(DocCommands.words(l)) != null).count();
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(commands >= 15, "only " + commands + " runnable ./fedwan commands found in " + documents());
    }

    @Test
    void aMisspeltOptionFails() throws IOException {
        List<String> problems = new DocCommands(HOME).problems(FIXTURES.resolve("misspelt-option.md"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("misspelt-option.md:5:") && problems.get(0).contains("--seeed"), problems.get(0));
    }

    @Test
    void aMissingFileAnUnknownCommandAndABadSynopsisFail() throws IOException {
        List<String> problems = new DocCommands(HOME).problems(FIXTURES.resolve("broken.md"));
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("broken.md:4:") && problems.get(0).contains("no-such-study.yaml"), problems.get(0));
        assertTrue(problems.get(1).contains("broken.md:5:") && problems.get(1).contains("runn"), problems.get(1));
        assertTrue(problems.get(2).contains("broken.md:9:") && problems.get(2).contains("plot has no option --onyl"), problems.get(2));
        assertTrue(problems.get(3).contains("broken.md:12:") && problems.get(3).contains("--formats"), problems.get(3));
    }

    @Test
    void filesWrittenByTheGuideVariablesAndContinuationsAreUnderstood() throws IOException {
        Path doc = FIXTURES.resolve("valid.md");
        assertEquals(List.of(), new DocCommands(HOME).problems(doc));
        List<DocCommands.Block> blocks = DocCommands.blocks(Files.readAllLines(doc));
        Map<String, String> written = DocCommands.heredocs(blocks);
        assertEquals(List.of("my-quickstart.yaml", "my-study.yaml"), List.copyOf(written.keySet()));
        List<DocCommands.Word> args = DocCommands.fedwanArgs(DocCommands.words(
                "FEDWAN_JAVA_OPTS=-Xmx3g ./fedwan sweep \"$STUDY\" --out 'a b' --master \"$URL\" > out.txt 2>&1 # note"));
        assertEquals(List.of("sweep", "1", "--out", "a b", "--master", "1"), args.stream().map(DocCommands.Word::text).toList());
        assertTrue(args.get(1).variable());
        assertFalse(args.get(3).variable());
    }

    /**
     * The Spark guide's commands need a cluster, so check.sh skips its {@code bash spark} blocks;
     * spark/cluster-test.sh runs them: each of their lines is part of one of its lines.
     */
    @Test
    void theSparkGuideRunsWhatTheClusterTestRuns() throws IOException {
        List<String> script = logical(Files.readAllLines(HOME.resolve("spark/cluster-test.sh")));
        List<String> missing = new ArrayList<>();
        int lines = 0;
        boolean sweep = false;
        for (DocCommands.Block b : DocCommands.blocks(Files.readAllLines(HOME.resolve("docs/howto/spark-cluster.md")))) {
            if (!b.info().equals("bash spark")) {
                continue;
            }
            for (String l : DocCommands.logicalLines(b).values()) {
                String t = normalise(l);
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                lines++;
                sweep |= t.startsWith("./fedwan sweep") && t.contains("--engine spark");
                if (script.stream().noneMatch(s -> s.contains(t))) {
                    missing.add(t);
                }
            }
        }
        assertTrue(lines >= 10, "only " + lines + " lines in the Spark guide's bash spark blocks");
        assertTrue(sweep, "the Spark guide has no ./fedwan sweep ... --engine spark line");
        assertEquals(List.of(), missing, "lines of docs/howto/spark-cluster.md that spark/cluster-test.sh does not run");
    }

    /** A script's lines with continuations joined and spaces collapsed. */
    private static List<String> logical(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            if (l.endsWith("\\")) {
                sb.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            out.add(normalise(sb.append(l).toString()));
            sb.setLength(0);
        }
        return out;
    }

    private static String normalise(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
