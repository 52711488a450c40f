package org.fedwan.sim.federation;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.Scenario;

/** A scenario under construction in a test: scenario keys set one by one, built (and checked) through the schema. */
final class TestScenario {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Sets key {@code key} as a scenario file would (numbers, text, booleans, paths). */
    TestScenario set(String key, Object value) {
        values.put(key, value instanceof Path p ? p.toString() : value);
        return this;
    }

    Scenario build() {
        return Scenarios.build(values, null);
    }
}
