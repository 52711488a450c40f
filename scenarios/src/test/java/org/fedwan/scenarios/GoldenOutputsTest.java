package org.fedwan.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fedwan.scenarios.run.DataSets;
import org.fedwan.scenarios.run.Execution;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.scenarios.run.RunResult;
import org.fedwan.sim.config.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden outputs of seeded runs: the quickstart, the protocols-side-by-side example and every seed
 * scenario cut to 2 rounds, on their real data sets. Their result tables and {@code summary.json}
 * must stay byte-identical across refactors; a change of behaviour regenerates them in a commit
 * that says why ({@code mvn -B verify -pl scenarios -Dtest=GoldenOutputsTest -Dgolden.record=true}).
 *
 * <p>The small tables are kept whole; {@code transmissions.csv} and {@code energy.csv} as the
 * SHA-256 and count of their rows per direction and per state, so a difference names the kind of
 * row that changed.
 */
@Tag("golden")
class GoldenOutputsTest {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final Path GOLDEN = HOME.resolve("scenarios/src/test/resources/golden");
    private static final boolean RECORD = Boolean.getBoolean("golden.record");

    /** A scenario file and the rounds it is cut to (0 = as written). */
    record Case(String name, String file, int rounds) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("quickstart", "scenarios/quickstart.yaml", 0),
                new Case("protocols-side-by-side", "scenarios/protocols-side-by-side.yaml", 0),
                new Case("seed000-xfl-q", "scenarios/seeds/seed000-xfl-q.yaml", 2),
                new Case("seed001-quantfl", "scenarios/seeds/seed001-quantfl.yaml", 2),
                new Case("seed002-octav", "scenarios/seeds/seed002-octav.yaml", 2),
                new Case("seed003-flq", "scenarios/seeds/seed003-flq.yaml", 2),
                new Case("seed004-qrr", "scenarios/seeds/seed004-qrr.yaml", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resultTablesAreByteIdentical(Case c) throws Exception {
        Scenario scenario = ScenarioLoader.load(HOME.resolve(c.file()), HOME.resolve("data"));
        if (c.rounds() > 0) {
            scenario = scenario.with("rounds", c.rounds());
        }
        RunResult r;
        try (DataSets.Cache data = new DataSets.Cache()) {
            r = Execution.execute(scenario, data, 2, null);
        }
        Path dir = Files.createTempDirectory("golden-" + c.name());
        ResultFolder.write(r, dir, Instant.EPOCH, Instant.EPOCH, Map.of());
        Map<String, String> actual = canonical(dir);
        Path expectedDir = GOLDEN.resolve(c.name());
        if (RECORD) {
            Files.createDirectories(expectedDir);
            for (Map.Entry<String, String> e : actual.entrySet()) {
                Files.writeString(expectedDir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
            return;
        }
        for (Map.Entry<String, String> e : actual.entrySet()) {
            String expected = Files.readString(expectedDir.resolve(e.getKey()), StandardCharsets.UTF_8);
            assertEquals(expected, e.getValue(), c.name() + ": " + e.getKey() + " differs from the golden output");
        }
    }

    /** The comparable form of a result folder: small tables whole, the two long tables as digests. */
    static Map<String, String> canonical(Path dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String table : List.of("rounds.csv", "clients.csv", "devices.csv", "summary.json")) {
            out.put(table, Files.readString(dir.resolve(table), StandardCharsets.UTF_8));
        }
        out.put("transmissions.digest", digest(Files.readAllLines(dir.resolve("transmissions.csv")), "direction"));
        out.put("energy.digest", digest(Files.readAllLines(dir.resolve("energy.csv")), "state"));
        return out;
    }

    /** The header, then the SHA-256 and count of the rows of each value of {@code column}, in order of first appearance. */
    static String digest(List<String> lines, String column) {
        String header = lines.get(0);
        int index = List.of(header.split(",")).indexOf(column);
        Map<String, MessageDigest> digests = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String kind = line.split(",", -1)[index];
            digests.computeIfAbsent(kind, k -> sha256()).update((line + "\n").getBytes(StandardCharsets.UTF_8));
            counts.merge(kind, 1, Integer::sum);
        }
        StringBuilder s = new StringBuilder("header " + header + "\n");
        digests.forEach((kind, md) -> s.append(kind).append(' ').append(counts.get(kind)).append(' ')
                .append(HexFormat.of().formatHex(md.digest())).append('\n'));
        return s.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
