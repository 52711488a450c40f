package org.fedwan.results;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * One column of a result table: its name in the header, its unit, what it means, and how a row's
 * value is written. The writer and the reader both take columns from here, so a name cannot drift
 * between the module that writes a table and the one that reads it.
 *
 * @param <R> the row type the column is written from
 */
public final class Column<R> implements Field {

    private final String name;
    private final String unit;
    private final String description;
    private final BiConsumer<R, StringBuilder> format;

    /**
     * @param name        the header name
     * @param unit        unit, e.g. {@code s}, {@code J}, {@code B}; empty for counts, labels and ratios
     * @param description what the value means
     * @param format      appends the value of a row (no separator)
     */
    public Column(String name, String unit, String description, BiConsumer<R, StringBuilder> format) {
        this.name = Objects.requireNonNull(name, "name");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.description = Objects.requireNonNull(description, "description");
        this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public String description() {
        return description;
    }

    void append(R row, StringBuilder out) {
        format.accept(row, out);
    }

    @Override
    public String toString() {
        return name;
    }
}
