package org.fedwan.sim.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scenario schema: its sections (each a record with its key table) and the checks that
 * involve keys of several sections. It builds a {@link Scenario} from plain values (what a YAML or
 * JSON parser gives), reporting every problem at once, each naming its key.
 */
public final class Schema {

    /** A check across sections; it adds a problem for each key at fault. */
    @FunctionalInterface
    public interface Check {
        void check(Scenario scenario, List<KeyProblem> problems);
    }

    private final List<Section<?>> sections;
    private final List<Check> checks;
    private final Map<String, Section<?>> sectionOfKey = new LinkedHashMap<>();

    /**
     * @throws IllegalStateException if two sections define the same key
     */
    public Schema(List<Section<?>> sections, List<Check> checks) {
        this.sections = List.copyOf(sections);
        this.checks = List.copyOf(checks);
        for (Section<?> s : sections) {
            for (Key<?> k : s.keys()) {
                if (sectionOfKey.put(k.name(), s) != null) {
                    throw new IllegalStateException("key '" + k.name() + "' is defined twice");
                }
            }
        }
    }

    public List<Section<?>> sections() {
        return sections;
    }

    /** Every key, in the reference's order. */
    public List<Key<?>> keys() {
        List<Key<?>> out = new ArrayList<>();
        sections.forEach(s -> out.addAll(s.keys()));
        return out;
    }

    /** The key named {@code name}, or null. */
    public Key<?> key(String name) {
        Section<?> s = sectionOfKey.get(name);
        return s == null ? null : s.key(name);
    }

    /** The section that defines key {@code name}, or null. */
    public Section<?> sectionOf(String name) {
        return sectionOfKey.get(name);
    }

    /** Every default. */
    public Scenario defaults() {
        return build(Map.of(), null);
    }

    /**
     * Builds a scenario from plain values by key; keys not given take their defaults.
     *
     * @param given   key to plain value (Long, Double, Boolean, String, Map, List, another Number)
     * @param baseDir the folder relative paths are resolved against, or null
     * @throws InvalidScenario listing every problem, each with its key
     */
    public Scenario build(Map<String, ?> given, Path baseDir) {
        List<KeyProblem> problems = new ArrayList<>();
        Map<Section<?>, Map<String, Object>> values = new LinkedHashMap<>();
        sections.forEach(s -> values.put(s, new LinkedHashMap<>()));
        for (Map.Entry<String, ?> e : given.entrySet()) {
            Section<?> s = sectionOfKey.get(e.getKey());
            if (s == null) {
                problems.add(new KeyProblem(e.getKey(), "unknown key"));
                continue;
            }
            try {
                values.get(s).put(e.getKey(), s.read(e.getKey(), e.getValue(), baseDir));
            } catch (KeyProblem p) {
                problems.add(p);
            } catch (IllegalArgumentException p) {
                problems.add(new KeyProblem(e.getKey(), p.getMessage()));
            }
        }
        // a key whose value was refused takes its default, so that every other check still runs
        Map<Class<?>, Record> built = new LinkedHashMap<>();
        for (Section<?> s : sections) {
            try {
                built.put(s.type(), s.build(values.get(s)));
            } catch (KeyProblem p) {
                addUnlessKnown(problems, p);
            }
        }
        if (built.size() == sections.size()) {
            Map<String, Object> copy = new LinkedHashMap<>();
            given.forEach(copy::put);
            Scenario scenario = new Scenario(this, copy, baseDir, built);
            List<KeyProblem> crossProblems = new ArrayList<>();
            for (Check c : checks) {
                c.check(scenario, crossProblems);
            }
            crossProblems.forEach(p -> addUnlessKnown(problems, p));
            if (problems.isEmpty()) {
                return scenario;
            }
        }
        throw new InvalidScenario(problems);
    }

    /** Adds {@code p} unless a problem of the same key is already reported (it may be a consequence of it). */
    private static void addUnlessKnown(List<KeyProblem> problems, KeyProblem p) {
        if (problems.stream().noneMatch(q -> q.key().equals(p.key()))) {
            problems.add(p);
        }
    }

    /** The number of keys a message listing them all shows. */
    List<String> keyNames() {
        List<String> out = new ArrayList<>();
        sections.forEach(s -> out.addAll(s.keyNames()));
        return out;
    }

    @Override
    public String toString() {
        return "Schema" + Objects.toString(keyNames());
    }
}
