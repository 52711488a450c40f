package org.fedwan.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedwan.plots.ComparisonDatasets;
import org.fedwan.plots.SweepFolder;
import org.fedwan.plots.SweepLabels;
import org.fedwan.scenarios.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study's {@code labels:} block (issue 15): validated like other keys, kept in the sweep folder,
 * and used by the figures of {@code plot} on that folder; without it, readable default labels.
 */
class SweepLabelsTest {

    @TempDir
    Path dir;

    private Path study(String labels) throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "training: none\nupdate_parameters: 100\nclients: 2\nrounds: 1\nseed: 4\n"
                + "data_dir: " + dir.resolve("no-data") + "\n");
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, "scenario: base.yaml\nname: labelled\ngrid:\n  protocol: [lorawan, nbiot]\n"
                + "  uplink_codec: [fp32, int8]\n" + labels);
        return study;
    }

    @Test
    void labelsNameSweptValuesAndKeysAndReachTheFiguresOfPlot() throws Exception {
        SweepSpec spec = SweepSpec.load(study("labels:\n  uplink_codec: {fp32: \"32-bit float\", int8: \"XFL-Q int8\"}\n"
                + "  protocol: {lorawan: \"LoRaWAN EU868\"}\n  keys: {uplink_codec: Codec}\n"), dir);
        assertEquals(Map.of("fp32", "32-bit float", "int8", "XFL-Q int8"), spec.labels().values().get("uplink_codec"));
        assertEquals(Map.of("uplink_codec", "Codec"), spec.labels().keys());

        Path out = dir.resolve("out");
        SweepRunner.run(spec, out, new LocalEngine(1, 1), null, false);
        assertEquals(spec.labels(), SweepLabels.read(out));
        SweepFolder sweep = SweepFolder.read(out);
        List<String> names = new ArrayList<>();
        for (int p = 0; p < sweep.points(); p++) {
            names.add(sweep.label(p));
        }
        assertEquals(List.of("LoRaWAN EU868, 32-bit float", "LoRaWAN EU868, XFL-Q int8", "nbiot, 32-bit float",
                "nbiot, XFL-Q int8"), names);
        assertEquals("LoRaWAN EU868, XFL-Q int8", ComparisonDatasets.methods(sweep).get(1).label());
        assertEquals("Codec", sweep.keyLabel("uplink_codec"));
    }

    @Test
    void withoutLabelsPointsAreNamedByTheirValuesWithKeysOnlyWhereNeeded() throws Exception {
        Path out = dir.resolve("out");
        SweepRunner.run(SweepSpec.load(study(""), dir), out, new LocalEngine(1, 1), null, false);
        SweepFolder sweep = SweepFolder.read(out);
        assertEquals("lorawan, int8", sweep.label(1));
        assertEquals("learning_rate=0.01", new SweepFolder(sweep.dir(), sweep.table(), sweep.parameters())
                .part("learning_rate", "0.01"), "a number alone does not say what it is");
    }

    @Test
    void anUnknownKeyOrValueIsAnErrorNamingFileKeyValueAndWhatIsAllowed() throws Exception {
        List<String> problems = assertThrows(ScenarioException.class, () -> SweepSpec.load(study(
                "labels:\n  uplink_codec: {int16: \"16-bit\", fp32: \"\"}\n  duty_cycle: {0.01: \"1 %\"}\n"
                        + "  keys: {seed: Seed}\n"), dir)).problems();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("study.yaml") && problems.get(0).contains("labels 'uplink_codec': 'int16' is not swept; "
                + "allowed: fp32, int8"), problems.get(0));
        assertTrue(problems.get(1).contains("labels 'uplink_codec': 'fp32' = : allowed: a non-empty name"), problems.get(1));
        assertTrue(problems.get(2).contains("labels: 'duty_cycle' is not a swept key; allowed: protocol, uplink_codec, keys"),
                problems.get(2));
        assertTrue(problems.get(3).contains("labels 'keys': 'seed' is not swept; allowed: protocol, uplink_codec"),
                problems.get(3));
    }
}
