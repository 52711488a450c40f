package org.fedwan.scenarios;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node knows its file and line, so that errors in scenario
 * and sweep files can point at the exact place. Scalars keep both their typed value (Long,
 * Double, Boolean, String or null) and their text as written.
 */
public final class YamlTree {

    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlTree() {
    }

    /** Kinds of node. */
    public enum Kind { SCALAR, MAPPING, LIST }

    /**
     * One node.
     *
     * @param kind   scalar, mapping or list
     * @param value  typed scalar value (null for structures and for an empty value)
     * @param raw    the scalar as written, or a description of the structure
     * @param file   file the node comes from
     * @param line   1-based line
     * @param fields a mapping's entries in file order (empty otherwise)
     * @param items  a list's items (empty otherwise)
     */
    public record Node(Kind kind, Object value, String raw, String file, int line, Map<String, Node> fields, List<Node> items) {

        public String where() {
            return file + ":" + line;
        }
    }

    /** Parses {@code text}; an empty document gives an empty mapping. */
    public static Node parse(String text, String file) throws ScenarioException {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Node(Kind.MAPPING, null, "a mapping", file, 1, Map.of(), List.of());
            }
            List<String> problems = new ArrayList<>();
            Node root = read(p, t, file, problems);
            if (!problems.isEmpty()) {
                throw new ScenarioException(problems);
            }
            return root;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage().lines().findFirst().orElse("");
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioException(List.of(file + (line > 0 ? ":" + line : "") + ": not valid YAML: " + msg));
        } catch (IOException e) {
            throw new ScenarioException(List.of(file + ": cannot read: " + e.getMessage()));
        }
    }

    private static Node read(JsonParser p, JsonToken t, String file, List<String> problems) throws IOException {
        int line = line(p.currentLocation());
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> fields = new LinkedHashMap<>();
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int keyLine = line(p.currentLocation());
                    Node value = read(p, p.nextToken(), file, problems);
                    Node keyed = new Node(value.kind(), value.value(), value.raw(), file, keyLine, value.fields(), value.items());
                    if (fields.containsKey(name)) {
                        problems.add(file + ":" + keyLine + ": key '" + name + "' appears twice; allowed: once");
                    } else {
                        fields.put(name, keyed);
                    }
                }
                return new Node(Kind.MAPPING, null, "a mapping", file, line, fields, List.of());
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(p, t, file, problems));
                }
                return new Node(Kind.LIST, null, "a list", file, line, Map.of(), items);
            }
            case VALUE_NUMBER_INT -> {
                Object v;
                try {
                    v = p.getLongValue();
                } catch (JsonProcessingException tooBig) {
                    v = p.getText();
                }
                return scalar(v, p.getText(), file, line);
            }
            case VALUE_NUMBER_FLOAT -> {
                return scalar(p.getDoubleValue(), p.getText(), file, line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return scalar(p.getBooleanValue(), p.getText(), file, line);
            }
            case VALUE_NULL -> {
                return scalar(null, "(empty)", file, line);
            }
            default -> {
                return scalar(p.getText(), p.getText(), file, line);
            }
        }
    }

    private static Node scalar(Object value, String raw, String file, int line) {
        return new Node(Kind.SCALAR, value, raw, file, line, Map.of(), List.of());
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : loc.getLineNr();
    }
}
