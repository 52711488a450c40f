package org.fedwan.plots;

/**
 * A value of a result table outside its range, raised by the constructors of {@link RunTables}
 * records. It keeps the column apart from the problem so that {@link RunTables#read} can report
 * the file, line, column and raw value in the same words as for a value that does not parse.
 */
final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String column;
    private final String problem;

    InvalidValueException(String column, String problem, Object value) {
        super(column + " " + problem + ", got " + value);
        this.column = column;
        this.problem = problem;
    }

    /** @return the table column of the value, e.g. {@code energy_j} */
    String column() {
        return column;
    }

    /** @return what is wrong, e.g. {@code must be >= 0} */
    String problem() {
        return problem;
    }
}
