package org.fedwan.scenarios.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code --json} output of the commands: one JSON document on one line, numbers as plain
 * JSON numbers (no separators, no units: the key names them, e.g. {@code energy_per_device_mean_j}),
 * a not-measured value (NaN) as {@code null}. Records are written with their components' names
 * in snake case ({@code simulatedUs} is {@code simulated_us}).
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /** {@code node} with every NaN or infinite number replaced by null. */
    private static JsonNode finite(JsonNode node) {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            return NullNode.getInstance();
        }
        if (node instanceof ObjectNode o) {
            o.properties().forEach(e -> e.setValue(finite(e.getValue())));
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, finite(a.get(i)));
            }
        }
        return node;
    }

    /** {@code doc} as one line of JSON and a line break. */
    static String document(Object doc) {
        try {
            return MAPPER.writeValueAsString(finite(MAPPER.valueToTree(doc))) + "\n";
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
