package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.fedwan.scenarios.docs.ReferenceDocs;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.Key;
import org.junit.jupiter.api.Test;

/** {@code scenario --explain [KEY] --json}: the keys of the generated reference, the same values the text prints. */
class ScenarioExplainJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyKeyWithTheReferenceColumns() throws Exception {
        AirtimeCommandTest.Result r = AirtimeCommandTest.run("scenario", "--explain", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.out().strip().lines().count(), "one document on one line");
        JsonNode keys = JSON.readTree(r.out()).path("keys");
        List<String> names = new ArrayList<>();
        keys.forEach(k -> names.add(k.path("key").asText()));
        assertEquals(Scenarios.SCHEMA.keys().stream().map(Key::name).toList(), names);
        // each key is a row of the generated reference, docs/reference/scenario-keys.md, with the same default
        String reference = ReferenceDocs.generate().get("scenario-keys.md");
        for (JsonNode k : keys) {
            assertTrue(reference.contains("| `" + k.path("key").asText() + "` | "), k.toString());
            assertTrue(k.path("section").isTextual() && !k.path("section").asText().isEmpty(), k.toString());
            assertTrue(reference.contains("\n## " + k.path("section").asText() + "\n"), k.toString());
        }
        JsonNode rounds = keys.get(names.indexOf("rounds"));
        assertTrue(reference.contains("| `rounds` | " + rounds.path("default").asText() + " | " + rounds.path("allowed").asText()
                + " | " + rounds.path("meaning").asText() + " |"), rounds.toString());
    }

    @Test
    void oneKeyAgreesWithTheText() throws Exception {
        AirtimeCommandTest.Result text = AirtimeCommandTest.run("scenario", "--explain", "rounds");
        AirtimeCommandTest.Result json = AirtimeCommandTest.run("scenario", "--explain", "rounds", "--json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode keys = JSON.readTree(json.out()).path("keys");
        assertEquals(1, keys.size());
        JsonNode k = keys.get(0);
        assertEquals("rounds", k.path("key").asText());
        assertEquals("run", k.path("section").asText());
        assertEquals("5", k.path("default").asText());
        assertEquals("a whole number from 1 to 100000", k.path("allowed").asText());
        assertTrue(text.out().contains("default: " + k.path("default").asText() + "; allowed: " + k.path("allowed").asText()),
                text.out());
        assertTrue(text.out().contains(k.path("meaning").asText()), text.out());
        AirtimeCommandTest.Result unknown = AirtimeCommandTest.run("scenario", "--explain", "nosuch", "--json");
        assertTrue(unknown.exitCode() != 0 && unknown.err().contains("unknown key 'nosuch'"), unknown.err());
        assertEquals("", unknown.out(), "no JSON for an unknown key");
    }
}
