package org.fedwan.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.fedwan.fl.model.OnnxModel;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.InputFiles;
import org.fedwan.sim.config.InvalidScenario;
import org.fedwan.sim.config.Key;
import org.fedwan.sim.config.KeyProblem;
import org.fedwan.sim.config.ModelKey;
import org.fedwan.sim.config.Scenario;

/**
 * Loads a scenario: a flat YAML mapping of the keys of {@link Scenarios#SCHEMA}, optionally
 * {@code extends: base.yaml} (a path relative to the file) whose settings it overrides. Every
 * problem is collected before anything runs and reported as one line:
 * {@code FILE:LINE: key 'KEY' = VALUE: allowed: WHAT IS ALLOWED}.
 */
public final class ScenarioLoader {

    /** The key that names a parent scenario. */
    public static final String EXTENDS = "extends";

    /**
     * Largest scenario, {@code extends:} or sweep file read, bytes: the largest shipped file has
     * 1.7 kB, every key of the schema written out about 4 kB; 1 MiB is far beyond any real file and
     * keeps a mistaken path (a data file, {@code /dev/zero}) from filling the memory.
     */
    public static final long MAX_FILE_BYTES = 1 << 20;

    /** Longest {@code extends:} chain: real chains have two or three files. */
    public static final int MAX_EXTENDS_DEPTH = 32;

    private ScenarioLoader() {
    }

    /**
     * @param file           scenario file
     * @param defaultDataDir data folder used when no file in the chain sets {@code data_dir}
     */
    public static Scenario load(Path file, Path defaultDataDir) throws ScenarioException {
        return build(resolve(file), baseName(file), defaultDataDir);
    }

    /** File name without its YAML extension: the default run name. */
    public static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    /**
     * Reads a YAML file into a located tree; a missing file, a folder, a device or a pipe, a file
     * over {@value #MAX_FILE_BYTES} bytes and bytes that are not UTF-8 are each one clear line,
     * which never quotes the file.
     */
    public static YamlTree.Node read(Path file) throws ScenarioException {
        String text;
        try {
            text = InputFiles.readText(file, MAX_FILE_BYTES, "a YAML file");
        } catch (NoSuchFileException e) {
            throw new ScenarioException(List.of(file + ": no such file"));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(List.of(e.getMessage()));
        } catch (IOException e) {
            throw new ScenarioException(List.of(file + ": cannot read it (" + e.getClass().getSimpleName() + ")"));
        }
        return YamlTree.parse(text, file.toString());
    }

    /**
     * The settings of {@code file} after following its {@code extends} chain: parents first,
     * each file overriding what it inherits. Values keep their own file and line.
     */
    public static Map<String, YamlTree.Node> resolve(Path file) throws ScenarioException {
        return resolve(file, new LinkedHashSet<>());
    }

    private static Map<String, YamlTree.Node> resolve(Path file, Set<Path> chain) throws ScenarioException {
        Path key = file.toAbsolutePath().normalize();
        if (!chain.add(key)) {
            throw new ScenarioException(List.of(file + ": 'extends' forms a cycle: "
                    + String.join(" -> ", chain.stream().map(Path::toString).toList()) + " -> " + key));
        }
        if (chain.size() > MAX_EXTENDS_DEPTH) {
            throw new ScenarioException(List.of(file + ": 'extends' chain of more than " + MAX_EXTENDS_DEPTH
                    + " files; allowed: at most " + MAX_EXTENDS_DEPTH));
        }
        YamlTree.Node root = read(file);
        if (root.kind() != YamlTree.Kind.MAPPING) {
            throw new ScenarioException(List.of(root.where() + ": a scenario is a mapping of keys to values, e.g. "
                    + "'rounds: 5'; found " + (root.kind() == YamlTree.Kind.LIST ? "a list" : "a single value")));
        }
        if (root.fields().isEmpty()) {
            throw new ScenarioException(List.of(file + ": empty scenario; at least one key is needed, e.g. 'rounds: 5' "
                    + "(keys left out take their defaults: ./fedwan scenario --explain)"));
        }
        Map<String, YamlTree.Node> settings = new LinkedHashMap<>();
        YamlTree.Node parent = root.fields().get(EXTENDS);
        if (parent != null) {
            if (parent.kind() != YamlTree.Kind.SCALAR || !(parent.value() instanceof String s) || s.isBlank()) {
                throw new ScenarioException(List.of(parent.where() + ": key 'extends' = " + parent.raw()
                        + ": allowed: the path of a scenario file, relative to this one"));
            }
            Path base = file.toAbsolutePath().getParent();
            Path parentFile = base == null ? Path.of(s) : base.resolve(s).normalize();
            String unreadable = InputFiles.problem(parentFile, MAX_FILE_BYTES, "a scenario file");
            if (unreadable != null) {
                throw new ScenarioException(List.of(parent.where() + ": key 'extends' = " + s + ": " + unreadable
                        + (unreadable.equals("no such file") ? " " + parentFile : "")));
            }
            try {
                settings.putAll(resolve(parentFile, chain));
            } catch (ScenarioException e) {
                if (!Files.exists(parentFile)) {
                    throw new ScenarioException(List.of(parent.where() + ": key 'extends' = " + s + ": no such file "
                            + parentFile));
                }
                throw e;
            }
        }
        root.fields().forEach((k, v) -> {
            if (!k.equals(EXTENDS)) {
                settings.put(k, v);
            }
        });
        chain.remove(key);
        return settings;
    }

    /**
     * Builds a validated scenario from resolved settings, reporting every problem at once.
     *
     * @param defaultName    run name when no {@code name} is set
     * @param defaultDataDir data folder when no {@code data_dir} is set
     */
    public static Scenario build(Map<String, YamlTree.Node> settings, String defaultName, Path defaultDataDir)
            throws ScenarioException {
        List<String> problems = new ArrayList<>();
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("name", defaultName);
        given.put("data_dir", defaultDataDir.toString());
        boolean listed = false;
        for (Map.Entry<String, YamlTree.Node> e : settings.entrySet()) {
            String name = e.getKey();
            YamlTree.Node node = e.getValue();
            Key<?> key = Scenarios.SCHEMA.key(name);
            if (key == null) {
                // past the problems reported one by one, only the count matters: no hint is computed
                problems.add(node.where() + ": unknown key '" + name + "'"
                        + (problems.size() < ScenarioException.MAX_PROBLEMS ? suggestion(name) : "") + "; allowed keys: "
                        + (listed ? "as above" : String.join(", ", Scenarios.SCHEMA.keys().stream().map(Key::name).toList())));
                listed = true;
                continue;
            }
            given.put(name, plainValue(key, node));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        try {
            return Scenarios.build(given, null);
        } catch (InvalidScenario e) {
            for (KeyProblem p : e.problems()) {
                problems.add(describe(p, settings, given));
            }
            throw new ScenarioException(problems);
        }
    }

    /** One problem as a line: where the key was set, the key, its value as written, what is allowed. */
    private static String describe(KeyProblem p, Map<String, YamlTree.Node> settings, Map<String, Object> given) {
        YamlTree.Node node = settings.get(p.key());
        if (p.entry() >= 0 && node != null && node.kind() == YamlTree.Kind.LIST && p.entry() < node.items().size()) {
            // the message names the entry's key path and value: point at the entry's own line
            return node.items().get(p.entry()).where() + ": key " + p.getMessage();
        }
        // a key left to its default is reported against the file that was read (the last of its extends chain)
        String file = settings.values().stream().reduce((a, b) -> b).map(YamlTree.Node::file).orElse("(scenario)");
        String where = node != null ? node.where() : file + ": (default)";
        String raw = node != null ? node.raw() : String.valueOf(given.getOrDefault(p.key(),
                Scenarios.SCHEMA.key(p.key()) == null ? "" : Scenarios.SCHEMA.key(p.key()).defaultText()));
        String message = p.getMessage();
        boolean continues = message.startsWith("for ") || message.startsWith("and ") || message.startsWith("with ");
        return where + ": key '" + p.key() + "' = " + raw + (continues ? " " : ": ") + message;
    }

    /**
     * A node as the plain value the schema reads: a scalar's typed value (or its text as written,
     * for keys read as text), a mapping as a map of its scalars, a list as a list. Paths are
     * resolved against the folder of the file that set them.
     */
    private static Object plainValue(Key<?> key, YamlTree.Node node) {
        switch (node.kind()) {
            case MAPPING -> {
                Map<String, Object> m = new LinkedHashMap<>();
                node.fields().forEach((k, v) -> m.put(k, v.kind() == YamlTree.Kind.SCALAR ? v.value() : v.raw()));
                return m;
            }
            case LIST -> {
                return structure(node);
            }
            default -> {
                Object v = node.value();
                if (key.type().javaType() == Path.class && v instanceof String s && !s.isBlank()) {
                    Path p = Path.of(s);
                    Path base = Path.of(node.file()).toAbsolutePath().getParent();
                    return (p.isAbsolute() || base == null ? p : base.resolve(p).normalize()).toString();
                }
                if (key.name().equals("model") && v instanceof String s && OnnxModel.isOnnx(s.trim())) {
                    return ModelKey.relativeTo(s, Path.of(node.file()).toAbsolutePath().getParent());
                }
                if (key.type().textual() && v != null && !(v instanceof Boolean)) {
                    return node.raw();
                }
                return v;
            }
        }
    }

    /**
     * A list's or mapping's plain value, every level converted (the entries of a {@code layers}
     * list are mappings, some of mappings): scalars as their typed values.
     */
    private static Object structure(YamlTree.Node node) {
        return switch (node.kind()) {
            case SCALAR -> node.value();
            case LIST -> {
                List<Object> items = new ArrayList<>();
                node.items().forEach(i -> items.add(structure(i)));
                yield items;
            }
            case MAPPING -> {
                Map<String, Object> m = new LinkedHashMap<>();
                node.fields().forEach((k, v) -> m.put(k, structure(v)));
                yield m;
            }
        };
    }

    /** A "did you mean" hint for near-miss key names (edit distance at most 2). */
    static String suggestion(String name) {
        String best = null;
        int bestDistance = 3;
        for (Key<?> k : Scenarios.SCHEMA.keys()) {
            if (Math.abs(name.length() - k.name().length()) >= bestDistance) {
                continue;
            }
            int d = distance(name, k.name());
            if (d < bestDistance) {
                bestDistance = d;
                best = k.name();
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** The Levenshtein distance (unit costs) between {@code a} and {@code b}. */
    private static int distance(String a, String b) {
        return LevenshteinDistance.getDefaultInstance().apply(a, b);
    }
}
