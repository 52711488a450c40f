package org.fedwan.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.sim.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * Scheme and strategy options keep one order, by key, however they were given: the resolved
 * scenario (and so its hash, which a sweep checks before it resumes, and every manifest) must be the
 * same in every JVM. {@code Map.copyOf} iterated in an order that changed from one JVM to the next.
 */
class OptionsOrderTest {

    @Test
    void uplinkOptionsIterateByKey() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("clients", "10");
        given.put("bits", "8");
        given.put("alpha", "0.5");
        CompressionSection c = new CompressionSection("slaq", given, "fp32");
        assertEquals(List.of("alpha", "bits", "clients"), List.copyOf(c.uplinkOptions().keySet()));
        Scenario s = Scenarios.defaults().with(Map.of("uplink_codec", "slaq", "uplink_options", "clients=10 bits=8 alpha=0.5"));
        assertEquals("alpha=0.5 bits=8 clients=10", s.resolved().get("uplink_options"));
        // seven keys given backwards: an unordered map would come out sorted once in 5,040 JVMs
        Map<String, String> backwards = new LinkedHashMap<>();
        for (String k : List.of("g", "f", "e", "d", "c", "b", "a")) {
            backwards.put(k, "1");
        }
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"),
                List.copyOf(new CompressionSection("slaq", backwards, "fp32").uplinkOptions().keySet()));
    }
}
