package org.fedwan.plots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.fedwan.results.ResultTable;
import org.fedwan.results.SweepColumns;
import org.fedwan.results.SweepRoundsColumns;

/**
 * A sweep's results folder: {@code sweep.csv} (one row per point, columns of {@link SweepColumns}:
 * {@code point}, the swept parameters, {@code runs}, {@code target_reached}, then
 * {@code <metric>_mean, _std, _ci95}) and the run folders {@code runs/<point>/r<R>/}.
 *
 * @param dir the sweep folder
 * @param table {@code sweep.csv}
 * @param parameters the swept parameters: the columns between {@code point} and {@code runs}
 * @param labels names of swept keys and values for figures, from the study's {@code labels:}
 *     ({@link SweepLabels#FILE}); {@link SweepLabels#NONE} without
 */
public record SweepFolder(Path dir, ResultTable table, List<String> parameters, SweepLabels labels) {

    /** Sub-folder holding the runs, one folder per point. */
    public static final String RUNS_DIR = "runs";

    /** Copies the parameter list. */
    public SweepFolder {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(labels, "labels");
        parameters = List.copyOf(parameters);
    }

    /**
     * A sweep folder without labels.
     *
     * @param dir the sweep folder
     * @param table {@code sweep.csv}
     * @param parameters the swept parameters
     */
    public SweepFolder(Path dir, ResultTable table, List<String> parameters) {
        this(dir, table, parameters, SweepLabels.NONE);
    }

    /**
     * @param dir a results folder
     * @return whether it holds a sweep ({@code sweep.csv})
     */
    public static boolean isSweep(Path dir) {
        return Files.isRegularFile(dir.resolve(SweepColumns.FILE));
    }

    /**
     * Reads a sweep folder.
     *
     * @param dir the folder
     * @return the sweep
     * @throws IllegalArgumentException if {@code sweep.csv} is missing or lacks {@code point}
     *     or {@code runs}
     */
    public static SweepFolder read(Path dir) {
        Path file = dir.resolve(SweepColumns.FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("missing sweep table " + file);
        }
        ResultTable table = ResultTable.read(file);
        List<String> header = table.header();
        int point = header.indexOf(SweepColumns.POINT.name());
        int runs = header.indexOf(SweepColumns.RUNS.name());
        if (point < 0 || runs < point) {
            throw new IllegalArgumentException(table.file() + ": expected columns '" + SweepColumns.POINT.name()
                    + "' then '" + SweepColumns.RUNS.name() + "', got " + header);
        }
        return new SweepFolder(dir, table, header.subList(point + 1, runs), SweepLabels.read(dir));
    }

    /**
     * @return {@code sweep-rounds.csv} (per point and round statistics across replications), or
     *     empty for a folder written before it existed
     */
    public Optional<ResultTable> roundsTable() {
        return ResultTable.readIfPresent(dir.resolve(SweepRoundsColumns.FILE));
    }

    /** @return the number of points */
    public int points() {
        return table.size();
    }

    /**
     * A point's label for legends and category axes: one part per swept parameter, in the order of
     * {@link #parameters()}, joined by ", " (e.g. {@code lorawan, int8}), empty values left out (a
     * codec without options). A part is the value's name from the study's {@code labels:} if it
     * has one; else the value, preceded by the key's name and "=" where the value alone would be
     * ambiguous: a number, or a value another swept parameter also takes (e.g.
     * {@code learning_rate=0.01}). The point name when nothing is swept.
     *
     * @param point 0-based row of {@code sweep.csv}
     * @return the label
     */
    public String label(int point) {
        List<String> parts = new ArrayList<>();
        for (String parameter : parameters) {
            String value = table.text(point, parameter);
            if (!value.isEmpty()) {
                parts.add(part(parameter, value));
            }
        }
        return parts.isEmpty() ? table.text(point, SweepColumns.POINT) : String.join(", ", parts);
    }

    /**
     * One parameter's part of a point label (see {@link #label(int)}).
     *
     * @param parameter a swept parameter
     * @param value one of its values
     * @return the value's name, the value, or {@code name=value}
     */
    public String part(String parameter, String value) {
        return labels.value(parameter, value).orElseGet(() -> ambiguous(parameter, value)
                ? labels.key(parameter) + "=" + value : value);
    }

    /**
     * A value's name on an axis that is already titled with its parameter (category axes, heat maps).
     *
     * @param parameter a swept parameter
     * @param value one of its values
     * @return the value's name from the study's {@code labels:}, or the value
     */
    public String valueLabel(String parameter, String value) {
        return labels.value(parameter, value).orElse(value);
    }

    /**
     * @param parameter a swept parameter
     * @return its name from the study's {@code labels:}, or the parameter
     */
    public String keyLabel(String parameter) {
        return labels.key(parameter);
    }

    /** Whether {@code value} alone does not say which parameter it is: a number, or a value of another parameter. */
    private boolean ambiguous(String parameter, String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            // not a number: ambiguous only if another parameter takes it too
        }
        for (String other : parameters) {
            if (!other.equals(parameter)) {
                for (int p = 0; p < table.size(); p++) {
                    if (table.text(p, other).equals(value)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether every value of a parameter is a number, so it can be an x axis of numbers.
     *
     * @param parameter a swept parameter
     * @return true if all its values parse as numbers
     */
    public boolean isNumeric(String parameter) {
        for (int i = 0; i < table.size(); i++) {
            try {
                if (Double.isNaN(table.number(i, parameter))) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * The run folders of a point (those holding {@code rounds.csv}, hidden ones left out), in name order, read with
     * {@link RunFolder#readRounds}.
     *
     * @param point 0-based row of {@code sweep.csv}
     * @return the runs; empty if the folder holds none
     */
    public List<RunFolder> runs(int point) {
        Path pointDir = dir.resolve(RUNS_DIR).resolve(table.text(point, SweepColumns.POINT));
        if (!Files.isDirectory(pointDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(pointDir)) {
            // a hidden sibling (.r0.partial-PID-N) is a run being written, not a run of the sweep
            return children.filter(c -> !c.getFileName().toString().startsWith(".")).filter(RunFolder::isRun).sorted()
                    .map(RunFolder::readRounds).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + pointDir, e);
        }
    }
}
