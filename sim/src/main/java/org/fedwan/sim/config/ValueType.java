package org.fedwan.sim.config;

import java.nio.file.Path;

/**
 * How one scenario key's values are read, checked, written back and documented. Values arrive as
 * the plain values a YAML or JSON parser gives ({@code Long}, {@code Double}, {@code Boolean},
 * {@code String}, {@code Map}, {@code List}, or another {@code Number}).
 *
 * @param <T> the Java type of the value
 */
public interface ValueType<T> {

    /**
     * Reads and checks one value.
     *
     * @param raw     the plain value
     * @param baseDir the folder relative paths are resolved against (the scenario file's), or null
     * @throws IllegalArgumentException naming what is allowed ("allowed: ...")
     */
    T read(Object raw, Path baseDir);

    /** The value as written to a manifest: a number, a boolean, a string, a map of strings, or a list of mappings ({@code layers}). */
    Object write(T value);

    /** What is allowed, as error messages and the reference say it, e.g. {@code a whole number from 1 to 100000}. */
    String allowed();

    /** The Java type, checked against the section's record component. */
    Class<?> javaType();

    /** Whether a scalar is read as the text it was written as ({@code 007} stays {@code "007"}). */
    default boolean textual() {
        return false;
    }
}
