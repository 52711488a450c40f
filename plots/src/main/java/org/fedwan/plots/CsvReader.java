package org.fedwan.plots;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A small, strict reader of the simulator's result tables (RFC 4180 CSV, UTF-8, one record per
 * line).
 *
 * <p>Columns are found by header name, so the order of columns does not matter and columns the
 * caller does not ask for are ignored. Everything else is strict: every record has as many fields
 * as the header, values are not trimmed, numbers use '.' as decimal separator whatever the default
 * {@link java.util.Locale}, and {@code NaN}/{@code Infinity} are not numbers here. Every error is an
 * {@link IllegalArgumentException} that names the file, the 1-based line number (the header is
 * line 1), the column and the offending value. Fields may be quoted ({@code "a,b"}, with {@code ""}
 * for a quote) but may not span lines.
 *
 * <p>Rows are streamed to a callback, so a long {@code transmissions.csv} is never held as text.
 */
final class CsvReader {

    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvReader() {
    }

    /**
     * Reads {@code file} and hands each data record to {@code action}, in file order.
     *
     * @param file the CSV file
     * @param requiredColumns the columns the caller will read; each must appear in the header
     * @param action called once per data record; may throw {@link IllegalArgumentException}, which
     *     is rethrown prefixed with the file and line when it does not already name them
     * @throws IllegalArgumentException if the file is missing or malformed
     * @throws UncheckedIOException if the file cannot be read
     */
    static void forEachRow(Path file, List<String> requiredColumns, Consumer<Row> action) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("missing result table " + file);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), decoder))) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new IllegalArgumentException(where(file, 1) + ": empty file, expected a header line");
            }
            if (!headerLine.isEmpty() && headerLine.charAt(0) == BYTE_ORDER_MARK) {
                headerLine = headerLine.substring(1);
            }
            List<String> header = split(headerLine, file, 1);
            Map<String, Integer> index = indexHeader(header, file);
            for (String column : requiredColumns) {
                if (!index.containsKey(column)) {
                    throw new IllegalArgumentException(where(file, 1) + ", column '" + column
                            + "': missing column (header is '" + headerLine + "')");
                }
            }
            int lineNumber = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                List<String> fields = split(line, file, lineNumber);
                if (fields.size() != header.size()) {
                    throw new IllegalArgumentException(where(file, lineNumber) + ": expected "
                            + header.size() + " fields as in the header, got " + fields.size()
                            + " in '" + line + "'");
                }
                Row row = new Row(file, lineNumber, fields, index);
                try {
                    action.accept(row);
                } catch (IllegalArgumentException e) {
                    if (e.getMessage() != null && e.getMessage().startsWith(where(file, lineNumber))) {
                        throw e;
                    }
                    throw new IllegalArgumentException(where(file, lineNumber) + ": " + e.getMessage(), e);
                }
            }
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, Integer> indexHeader(List<String> header, Path file) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (index.put(header.get(i), i) != null) {
                throw new IllegalArgumentException(where(file, 1) + ", column '" + header.get(i)
                        + "': column appears twice in the header");
            }
        }
        return index;
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
                        throw new IllegalArgumentException(where(file, lineNumber)
                                + ": unterminated quoted field in '" + line + "'");
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
                    throw new IllegalArgumentException(where(file, lineNumber)
                            + ": text after a closing quote in '" + line + "'");
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        throw new IllegalArgumentException(where(file, lineNumber)
                                + ": quote inside an unquoted field in '" + line + "'");
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

    private static String where(Path file, int lineNumber) {
        return file + " line " + lineNumber;
    }

    /** One data record; its accessors fail with the file, line, column and value. */
    static final class Row {
        private final Path file;
        private final int lineNumber;
        private final List<String> fields;
        private final Map<String, Integer> index;

        private Row(Path file, int lineNumber, List<String> fields, Map<String, Integer> index) {
            this.file = file;
            this.lineNumber = lineNumber;
            this.fields = fields;
            this.index = index;
        }

        int lineNumber() {
            return lineNumber;
        }

        /** The raw text of {@code column}, which must not be empty. */
        String text(String column) {
            String value = raw(column);
            if (value.isEmpty()) {
                throw invalid(column, "expected a non-empty value");
            }
            return value;
        }

        /** A finite decimal number written with '.' as decimal separator. */
        double number(String column) {
            String value = raw(column);
            if (!DECIMAL.matcher(value).matches()) {
                throw invalid(column, "expected a number");
            }
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw invalid(column, "expected a finite number");
            }
            return parsed;
        }

        /**
         * A number as {@link #number}, or {@link Double#NaN} for an empty cell ("not measured").
         *
         * @param column a column of the header
         * @return the value, or NaN when the cell is empty
         */
        double optionalNumber(String column) {
            return raw(column).isEmpty() ? Double.NaN : number(column);
        }

        /** @return whether the header has {@code column}, for columns later versions added */
        boolean has(String column) {
            return index.containsKey(column);
        }

        /** A whole number; integral decimal spellings such as {@code 12.0} or {@code 1e3} are accepted. */
        long integer(String column) {
            String value = raw(column);
            if (!DECIMAL.matcher(value).matches()) {
                throw invalid(column, "expected an integer");
            }
            try {
                return new BigDecimal(value).longValueExact();
            } catch (ArithmeticException e) {
                throw invalid(column, "expected an integer");
            }
        }

        /** A whole number that fits an {@code int}. */
        int intValue(String column) {
            long value = integer(column);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw invalid(column, "expected an integer in the int range");
            }
            return (int) value;
        }

        /** An error naming this row's file, line, {@code column} and its raw value. */
        IllegalArgumentException invalid(String column, String problem) {
            return new IllegalArgumentException(where(file, lineNumber) + ", column '" + column
                    + "': " + problem + ", got '" + raw(column) + "'");
        }

        private String raw(String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalStateException("column '" + column + "' was not declared as required");
            }
            return fields.get(i);
        }
    }
}
