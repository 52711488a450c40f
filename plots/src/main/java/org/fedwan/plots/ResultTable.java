package org.fedwan.plots;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * One result table held as text, read by header name, for the tables whose columns vary between
 * simulator versions ({@code clients.csv}, {@code devices.csv}, {@code sweep.csv}, the later
 * columns of {@code rounds.csv} and {@code transmissions.csv}).
 *
 * <p>A figure asks whether the columns it needs are there ({@link #has}) and skips itself when they
 * are not, so an older results folder loses figures instead of failing. Values are parsed when read:
 * an empty cell is "not applicable" ({@link Double#NaN} from {@link #number}); a cell that is not
 * empty and not a number is an error naming the file, the line and the column. Quoting follows
 * {@link CsvReader#split}.
 */
public final class ResultTable {

    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> index;
    private final List<String[]> rows;

    private ResultTable(Path file, List<String> header, List<String[]> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        this.rows = rows;
        this.index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
    }

    /**
     * Reads a table if its file exists.
     *
     * @param file the CSV file
     * @return the table, or empty if there is no such file
     * @throws IllegalArgumentException if the file is malformed (a record with more or fewer fields
     *     than the header, bad quoting)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Optional<ResultTable> readIfPresent(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new IllegalArgumentException(file + " line 1: empty file, expected a header line");
            }
            if (!headerLine.isEmpty() && headerLine.charAt(0) == '\uFEFF') {
                headerLine = headerLine.substring(1);
            }
            List<String> header = CsvReader.split(headerLine, file, 1);
            List<String[]> rows = new ArrayList<>();
            String line;
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                List<String> fields = CsvReader.split(line, file, lineNumber);
                if (fields.size() != header.size()) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": expected "
                            + header.size() + " fields as in the header, got " + fields.size());
                }
                rows.add(fields.toArray(new String[0]));
            }
            return Optional.of(new ResultTable(file, header, rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
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
     * The raw text of a cell.
     *
     * @param row 0-based data record
     * @param column a column of the header
     * @return the cell, possibly empty
     * @throws IllegalArgumentException if the column is not in the header
     */
    public String text(int row, String column) {
        return rows.get(row)[column(column)];
    }

    /**
     * A numeric cell.
     *
     * @param row 0-based data record
     * @param column a column of the header
     * @return the value, or {@link Double#NaN} for an empty cell
     * @throws IllegalArgumentException if the cell is neither empty nor a finite decimal number, or
     *     the column is not in the header; the message names the file, line and column
     */
    public double number(int row, String column) {
        String value = text(row, column);
        if (value.isEmpty()) {
            return Double.NaN;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw new IllegalArgumentException(file + " line " + (row + 2) + ", column '" + column
                    + "': expected a number, got '" + value + "'");
        }
        return Double.parseDouble(value);
    }

    private int column(String column) {
        Integer i = index.get(Objects.requireNonNull(column, "column"));
        if (i == null) {
            throw new IllegalArgumentException(file + ": no column '" + column + "' (header is " + header + ")");
        }
        return i;
    }
}
