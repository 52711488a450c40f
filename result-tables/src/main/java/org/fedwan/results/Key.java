package org.fedwan.results;

import java.util.Objects;

/**
 * A field written outside {@link TableWriter}: a key of {@code summary.json} ({@link Summary}) or a
 * column of {@code sweep.csv} ({@link SweepColumns}).
 *
 * @param name        the JSON key or CSV header name
 * @param unit        unit, e.g. {@code s}, {@code J}, {@code B}; empty for counts, names and ratios
 * @param description what the value means
 */
public record Key(String name, String unit, String description) implements Field {

    /** Checks that no part is null and the name is not empty. */
    public Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a key needs a name");
        }
    }
}
