package org.fedwan.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reader of a run's result tables: a CSV file held as text and read by {@link Field}, so
 * the reader names columns with the same constants the writer uses.
 *
 * <p>Strict where the writer is exact: RFC 4180 fields (a field may be quoted, {@code ""} inside
 * quotes is a quote; a quoted field may not span lines), UTF-8 (a byte-order mark before the header
 * is skipped, invalid bytes are an error), every record has as many fields as the header, no
 * blank lines, no header name twice, values are not trimmed, and numbers use '.' as decimal
 * separator whatever the default locale ({@code NaN} and {@code Infinity} are not numbers). An
 * empty cell means "not measured": {@link #number} gives {@link Double#NaN}. Labels are parsed
 * back into their enum ({@link #label}), refusing a label the enum does not know. Every error is an
 * {@link IllegalArgumentException} naming the file, the 1-based line (the header is line 1), the
 * column and the value.
 *
 * <p>Tolerant where tables grew over versions: columns are found by name, so their order does not
 * matter and unknown columns are ignored; a reader asks {@link #has} before using a column a
 * table gained later, and {@link #readIfPresent} tells a missing file apart.
 */
public final class ResultTable {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> index;
    private final List<String[]> rows;

    private ResultTable(Path file, List<String> header, Map<String, Integer> index, List<String[]> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        this.index = index;
        this.rows = rows;
    }

    /**
     * Reads a table of a result folder.
     *
     * @param dir   the result folder
     * @param table the table, e.g. {@link TransmissionsTable#TABLE}
     * @return the table
     * @throws IllegalArgumentException if the file is missing or malformed
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static ResultTable read(Path dir, Table<?> table) {
        return read(dir.resolve(table.file()));
    }

    /**
     * Reads a table of a result folder if its file exists.
     *
     * @param dir   the result folder
     * @param table the table
     * @return the table, or empty if the folder has no such file (older folders)
     * @throws IllegalArgumentException if the file is malformed
     */
    public static Optional<ResultTable> readIfPresent(Path dir, Table<?> table) {
        return readIfPresent(dir.resolve(table.file()));
    }

    /**
     * Reads a CSV file if it exists.
     *
     * @param file the file
     * @return the table, or empty if there is no such file
     * @throws IllegalArgumentException if the file is malformed
     */
    public static Optional<ResultTable> readIfPresent(Path file) {
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /**
     * Reads a CSV file.
     *
     * @param file the file
     * @return the table
     * @throws IllegalArgumentException if the file is missing or malformed; the message names the
     *                                  file and line
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static ResultTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("missing result table " + file);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new IllegalArgumentException(where(file, 1) + ": empty file, expected a header line");
            }
            if (!headerLine.isEmpty() && headerLine.charAt(0) == BYTE_ORDER_MARK) {
                headerLine = headerLine.substring(1);
            }
            List<String> header = split(headerLine, file, 1);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (index.put(header.get(i), i) != null) {
                    throw new IllegalArgumentException(where(file, 1) + ", column '" + header.get(i)
                            + "': column appears twice in the header");
                }
            }
            List<String[]> rows = new ArrayList<>();
            int lineNumber = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                List<String> fields = split(line, file, lineNumber);
                if (fields.size() != header.size()) {
                    throw new IllegalArgumentException(where(file, lineNumber) + ": expected " + header.size()
                            + " fields as in the header, got " + fields.size() + " in '" + line + "'");
                }
                rows.add(fields.toArray(new String[0]));
            }
            return new ResultTable(file, header, index, rows);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Splits one line into fields (RFC 4180 quoting, no line breaks inside fields). */
    static List<String> split(String line, Path file, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException(where(file, lineNumber) + ": unterminated quoted field in '"
                                + line + "'");
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new IllegalArgumentException(where(file, lineNumber) + ": text after a closing quote in '"
                            + line + "'");
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        throw new IllegalArgumentException(where(file, lineNumber) + ": quote inside an unquoted field in '"
                                + line + "'");
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** @return the file the table was read from */
    public Path file() {
        return file;
    }

    /** @return the column names in file order */
    public List<String> header() {
        return header;
    }

    /** @return the number of data records */
    public int size() {
        return rows.size();
    }

    /**
     * @param columns columns
     * @return whether every one of {@code columns} is in the header
     */
    public boolean has(Field... columns) {
        for (Field column : columns) {
            if (!index.containsKey(column.name())) {
                return false;
            }
        }
        return true;
    }

    /**
     * For columns whose names are data, such as the swept parameters of {@code sweep.csv}.
     *
     * @param columns column names
     * @return whether every one of {@code columns} is in the header
     */
    public boolean has(String... columns) {
        for (String column : columns) {
            if (!index.containsKey(column)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that the header has every one of {@code columns}.
     *
     * @param columns the columns a reader needs
     * @throws IllegalArgumentException naming the file, line 1 and the first missing column
     */
    public void require(Field... columns) {
        for (Field column : columns) {
            if (!index.containsKey(column.name())) {
                throw new IllegalArgumentException(where(file, 1) + ", column '" + column.name()
                        + "': missing column (header is '" + String.join(",", header) + "')");
            }
        }
    }

    /**
     * The raw text of a cell.
     *
     * @param row    0-based data record
     * @param column a column of the header
     * @return the cell, possibly empty
     * @throws IllegalArgumentException if the column is not in the header
     */
    public String text(int row, Field column) {
        return text(row, column.name());
    }

    /**
     * The raw text of a cell, for columns whose names are data (swept parameters).
     *
     * @param row    0-based data record
     * @param column a column name of the header
     * @return the cell, possibly empty
     * @throws IllegalArgumentException if the column is not in the header
     */
    public String text(int row, String column) {
        return rows.get(row)[column(column)];
    }

    /**
     * A numeric cell; an empty cell is "not measured".
     *
     * @param row    0-based data record
     * @param column a column of the header
     * @return the value, or {@link Double#NaN} for an empty cell
     * @throws IllegalArgumentException if the cell is neither empty nor a finite decimal number, or
     *                                  the column is not in the header; the message names the file,
     *                                  line, column and value
     */
    public double number(int row, Field column) {
        return number(row, column.name());
    }

    /**
     * A numeric cell of a column whose name is data (swept parameters, sweep statistics).
     *
     * @param row    0-based data record
     * @param column a column name of the header
     * @return the value, or {@link Double#NaN} for an empty cell
     * @throws IllegalArgumentException if the cell is neither empty nor a finite decimal number
     */
    public double number(int row, String column) {
        String value = text(row, column);
        if (value.isEmpty()) {
            return Double.NaN;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw invalid(row, column, "expected a number");
        }
        double parsed = Double.parseDouble(value);
        if (!Double.isFinite(parsed)) {
            throw invalid(row, column, "expected a finite number");
        }
        return parsed;
    }

    /**
     * A numeric cell that must hold a value.
     *
     * @param row    0-based data record
     * @param column a column of the header
     * @return the value, finite
     * @throws IllegalArgumentException if the cell is empty or not a finite decimal number
     */
    public double requiredNumber(int row, Field column) {
        if (text(row, column).isEmpty()) {
            throw invalid(row, column.name(), "expected a number");
        }
        return number(row, column);
    }

    /**
     * A whole number; integral decimal spellings such as {@code 12.0} or {@code 1e3} are accepted.
     *
     * @param row    0-based data record
     * @param column a column of the header
     * @return the value
     * @throws IllegalArgumentException if the cell is empty, not a number or not integral
     */
    public long integer(int row, Field column) {
        String value = text(row, column);
        if (!DECIMAL.matcher(value).matches()) {
            throw invalid(row, column.name(), "expected an integer");
        }
        try {
            return new BigDecimal(value).longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(row, column.name(), "expected an integer");
        }
    }

    /**
     * A whole number that fits an {@code int}.
     *
     * @param row    0-based data record
     * @param column a column of the header
     * @return the value
     * @throws IllegalArgumentException if the cell is not an integer in the {@code int} range
     */
    public int intValue(int row, Field column) {
        long value = integer(row, column);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(row, column.name(), "expected an integer in the int range");
        }
        return (int) value;
    }

    /**
     * A label cell parsed back into its enum ({@link Labeled#parse}).
     *
     * @param row    0-based data record
     * @param column a column of the header holding labels of {@code type}
     * @param type   the enum
     * @param <E>    the enum type
     * @return the constant whose label the cell holds
     * @throws IllegalArgumentException if the cell is not a label of {@code type}; the message names
     *                                  the file, line, column, value and the allowed labels
     */
    public <E extends Enum<E> & Labeled> E label(int row, Field column, Class<E> type) {
        String value = text(row, column);
        try {
            return Labeled.parse(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(file, lineNumber(row)) + ", column '" + column.name() + "': "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param row 0-based data record
     * @return its 1-based line in the file (the header is line 1)
     */
    public int lineNumber(int row) {
        Objects.checkIndex(row, rows.size());
        return row + 2;
    }

    /**
     * An error about one cell, for checks a reader adds (a value out of range).
     *
     * @param row     0-based data record
     * @param column  a column name of the header
     * @param problem what is wrong, e.g. {@code must be >= 0}
     * @return an exception naming the file, line, column, problem and raw value
     */
    public IllegalArgumentException invalid(int row, String column, String problem) {
        return new IllegalArgumentException(where(file, lineNumber(row)) + ", column '" + column + "': " + problem
                + ", got '" + text(row, column) + "'");
    }

    private int column(String column) {
        Integer i = index.get(Objects.requireNonNull(column, "column"));
        if (i == null) {
            throw new IllegalArgumentException(file + ": no column '" + column + "' (header is " + header + ")");
        }
        return i;
    }

    private static String where(Path file, int lineNumber) {
        return file + " line " + lineNumber;
    }
}
