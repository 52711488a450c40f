package org.fedwan.sim.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One validated scenario: a record per section of its {@link Schema}, built from the values the
 * file (or a sweep, or a manifest) gave; every other key takes its default. Immutable; a copy
 * with other values is {@link #with}.
 */
public final class Scenario {

    private final Schema schema;
    private final Map<String, Object> given;
    private final Path baseDir;
    private final Map<Class<?>, Record> sections;

    Scenario(Schema schema, Map<String, Object> given, Path baseDir, Map<Class<?>, Record> sections) {
        this.schema = schema;
        this.given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
        this.baseDir = baseDir;
        this.sections = sections;
    }

    /** The section of type {@code type}. */
    public <S extends Record> S section(Class<S> type) {
        Record r = sections.get(type);
        if (r == null) {
            throw new IllegalArgumentException("the scenario schema has no section " + type.getSimpleName());
        }
        return type.cast(r);
    }

    public RunSection run() {
        return section(RunSection.class);
    }

    public DataSection data() {
        return section(DataSection.class);
    }

    public TrainingSection training() {
        return section(TrainingSection.class);
    }

    public CompressionSection compression() {
        return section(CompressionSection.class);
    }

    public ServerSection server() {
        return section(ServerSection.class);
    }

    public DeviceSection devices() {
        return section(DeviceSection.class);
    }

    public RoundPolicySection policy() {
        return section(RoundPolicySection.class);
    }

    public Schema schema() {
        return schema;
    }

    /**
     * This scenario with key {@code key} set to {@code value} (a plain value, as a scenario file
     * gives it), checked like a file.
     *
     * @throws InvalidScenario if the result is not valid
     */
    public Scenario with(String key, Object value) {
        return with(Map.of(key, value));
    }

    /**
     * This scenario with every key of {@code values} set (plain values), checked like a file.
     *
     * @throws InvalidScenario if the result is not valid
     */
    public Scenario with(Map<String, ?> values) {
        Map<String, Object> next = new LinkedHashMap<>(given);
        next.putAll(values);
        return schema.build(next, baseDir);
    }

    /** Every key's value as a manifest writes it (key to number, boolean, string), in the schema's order. */
    public Map<String, Object> resolved() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Section<?> s : schema.sections()) {
            out.putAll(write(s));
        }
        return out;
    }

    private <S extends Record> Map<String, Object> write(Section<S> s) {
        return s.write(section(s.type()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario other && sections.equals(other.sections);
    }

    @Override
    public int hashCode() {
        return sections.hashCode();
    }

    @Override
    public String toString() {
        return "Scenario" + resolved();
    }
}
