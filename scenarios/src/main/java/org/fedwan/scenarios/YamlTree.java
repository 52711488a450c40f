package org.fedwan.scenarios;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A YAML document as a tree whose every node knows its file and line, so that errors in scenario
 * and sweep files can point at the exact place. Scalars keep both their typed value (Long,
 * Double, Boolean, String or null) and their text as written; {@code .nan} and {@code .inf} are
 * the YAML 1.1 floats they stand for (which no key accepts). A file holds one document; aliases
 * ({@code *name}) are refused, since the parser would give the anchor's name, not its value.
 */
public final class YamlTree {

    /**
     * Deepest nesting of mappings and lists: a scenario nests at most three levels (a sweep's
     * points, a point, its options); the limit keeps the recursive reader's stack small.
     */
    public static final int MAX_DEPTH = 32;

    private static final YAMLFactory YAML = new YAMLFactory();

    static {
        YAML.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

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
            if (p.nextToken() != null) {
                problems.add(file + ":" + line(p.currentLocation()) + ": a second YAML document ('---'); allowed: one "
                        + "document per file");
            }
            if (!problems.isEmpty()) {
                throw new ScenarioException(problems);
            }
            return root;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage().lines().findFirst().orElse("");
            if (msg.contains("nesting depth")) {
                msg = "mappings and lists nested more than " + MAX_DEPTH + " deep; allowed: at most " + MAX_DEPTH;
            } else if (msg.contains("AliasEvent")) {
                msg = "an alias (*name) as a key is not supported; allowed: the key itself";
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioException(List.of(file + (line > 0 ? ":" + line : "") + ": not valid YAML: " + msg));
        } catch (IOException e) {
            throw new ScenarioException(List.of(file + ": cannot read: " + e.getMessage()));
        }
    }

    private static Node read(JsonParser p, JsonToken t, String file, List<String> problems) throws IOException {
        if (t == null) {
            throw new JsonParseException(p, "the document ends inside a structure");
        }
        int line = line(p.currentLocation());
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            problems.add(file + ":" + line + ": an alias (*" + p.getText() + ") is not supported; allowed: the value itself");
            return scalar(null, "*" + p.getText(), file, line);
        }
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
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
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
                return scalar(floatValue(p), p.getText(), file, line);
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

    /**
     * A float scalar's value: its double, or for YAML 1.1's {@code .nan}, {@code .inf} and
     * {@code -.inf} (which Jackson types as floats but cannot read) NaN and the infinities; any
     * other text Jackson cannot read stays text.
     */
    private static Object floatValue(JsonParser p) throws IOException {
        String text = p.getText();
        try {
            return p.getDoubleValue();
        } catch (JsonProcessingException | NumberFormatException e) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            return switch (t) {
                case ".nan" -> Double.NaN;
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                default -> text;
            };
        }
    }

    private static Node scalar(Object value, String raw, String file, int line) {
        return new Node(Kind.SCALAR, value, raw, file, line, Map.of(), List.of());
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : loc.getLineNr();
    }
}
