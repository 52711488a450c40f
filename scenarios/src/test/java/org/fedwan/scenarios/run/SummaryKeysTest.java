package org.fedwan.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.fedwan.results.Key;
import org.fedwan.results.Summary;
import org.junit.jupiter.api.Test;

/** The schema's summary keys against the summary.json files recorded before the keys moved into it. */
class SummaryKeysTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void everyRecordedSummaryHasExactlyTheSchemasKeysInItsOrder() throws Exception {
        List<String> keys = Summary.KEYS.stream().map(Key::name).toList();
        List<Path> summaries = new ArrayList<>();
        try (Stream<Path> runs = Files.list(GOLDEN)) {
            runs.map(run -> run.resolve(Summary.FILE)).filter(Files::isRegularFile).sorted().forEach(summaries::add);
        }
        assertEquals(7, summaries.size(), summaries.toString());
        for (Path summary : summaries) {
            LinkedHashMap<String, Object> json = new ObjectMapper().readValue(summary.toFile(),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            assertEquals(keys, new ArrayList<>(json.keySet()), summary.toString());
        }
    }

    @Test
    void theMetricsAreTheOnesSweepCsvAggregated() {
        assertEquals(List.of("final_accuracy", "final_loss", "sim_time_s", "uplink_bytes", "downlink_bytes", "update_bytes",
                "energy_j", "energy_per_device_j", "time_to_target_s", "energy_to_target_j", "uplink_bytes_to_target",
                "rounds_to_target", "lost_updates", "background_pdr", "background_energy_j"), Summaries.METRICS);
    }
}
