package org.fedwan.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A result table: its file name, what one row is, and its columns in file order. Rows are
 * written as RFC 4180 CSV with '.' as the decimal separator whatever the locale; labels and
 * device names never contain a comma or a quote, so no field is quoted.
 *
 * @param <R> the row type
 */
public final class Table<R> {

    private final String file;
    private final String description;
    private final List<Column<R>> columns;
    private final String header;

    /**
     * @param file        file name inside a result folder, e.g. {@code rounds.csv}
     * @param description what one row is
     * @param columns     columns in file order
     */
    public Table(String file, String description, List<Column<R>> columns) {
        this.file = Objects.requireNonNull(file, "file");
        this.description = Objects.requireNonNull(description, "description");
        this.columns = List.copyOf(columns);
        List<String> names = new ArrayList<>();
        for (Column<R> c : columns) {
            if (names.contains(c.name())) {
                throw new IllegalArgumentException(file + ": column '" + c.name() + "' appears twice");
            }
            names.add(c.name());
        }
        this.header = String.join(",", names);
    }

    public String file() {
        return file;
    }

    public String description() {
        return description;
    }

    public List<Column<R>> columns() {
        return columns;
    }

    /** @return the header line, without line end */
    public String header() {
        return header;
    }

    /** Appends one row of {@code r}, with its line end. */
    public void appendRow(R r, StringBuilder out) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            columns.get(i).append(r, out);
        }
        out.append('\n');
    }
}
