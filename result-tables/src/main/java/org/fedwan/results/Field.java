package org.fedwan.results;

/**
 * A named value of a run's result files: a column of a table ({@link Column}), a key of
 * {@code summary.json} or a column of {@code sweep.csv} ({@link Key}). Readers look values up by
 * field, never by a string of their own, so a name cannot drift between writer and reader.
 */
public interface Field {

    /** @return the name as written in the file: a CSV header name or a JSON key */
    String name();

    /** @return the unit, e.g. {@code s}, {@code J}, {@code B}; empty for counts, labels, names and ratios */
    String unit();

    /** @return what the value means */
    String description();
}
