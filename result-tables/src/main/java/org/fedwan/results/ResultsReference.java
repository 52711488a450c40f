package org.fedwan.results;

import java.util.List;

/**
 * The reference of a run's result files, generated from the schema so it cannot fall behind it:
 * every table of {@link TableWriter#TABLES} (file, what a row is, each column with unit and
 * meaning, the labels of its label columns), the keys of {@value Summary#FILE} and the columns of
 * {@value SweepColumns#FILE} and {@value SweepRoundsColumns#FILE}, and the columns of
 * {@code fedwan budget --csv} ({@link BudgetColumns}), as Markdown.
 */
public final class ResultsReference {

    /** A column that holds labels of an enum, with those labels in declaration order. */
    private record LabelColumn(Column<?> column, String type, List<String> labels) {
    }

    /** Every label column of the tables. */
    private static final List<LabelColumn> LABEL_COLUMNS = List.of(
            new LabelColumn(TransmissionsTable.DIRECTION, Direction.class.getSimpleName(), Labeled.labels(Direction.class)),
            new LabelColumn(TransmissionsTable.OUTCOME, FrameOutcome.class.getSimpleName(), Labeled.labels(FrameOutcome.class)),
            new LabelColumn(EnergyTable.STATE, EnergyState.class.getSimpleName(), Labeled.labels(EnergyState.class)),
            new LabelColumn(ClientsTable.OUTCOME, ClientOutcome.class.getSimpleName(), Labeled.labels(ClientOutcome.class)),
            new LabelColumn(ClientsTable.CAUSE, LossCause.class.getSimpleName(), Labeled.labels(LossCause.class)));

    private ResultsReference() {
    }

    /** @return the reference as one Markdown document, headings from level 1 */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Result files\n\n")
                .append("A run's result folder holds the tables below, `").append(Summary.FILE)
                .append("` and `manifest.json` (the resolved scenario and the SHA-256 and size of each table, which ")
                .append("`plot` and a resumed sweep verify); a sweep's folder holds `")
                .append(SweepColumns.FILE).append("`, `").append(SweepRoundsColumns.FILE)
                .append("`, one run folder per point and replication and its own `manifest.json` ")
                .append("(the SHA-256 of `").append(SweepColumns.FILE).append("` and `").append(SweepRoundsColumns.FILE)
                .append("`). ")
                .append("Tables are CSV (RFC 4180, UTF-8, `.` as decimal separator whatever the locale); ")
                .append("an empty cell means \"not measured\" or \"none\". Times are simulated time from the start ")
                .append("of the run.\n");
        for (Table<?> table : TableWriter.TABLES) {
            md.append("\n## ").append(table.file()).append("\n\n").append(sentence(table.description())).append("\n\n");
            header(md);
            for (Column<?> column : table.columns()) {
                row(md, "`" + column.name() + "`", column);
            }
            for (LabelColumn labels : LABEL_COLUMNS) {
                if (table.columns().contains(labels.column())) {
                    md.append("\nLabels of `").append(labels.column().name()).append("` (").append(labels.type())
                            .append("): ").append(codes(labels.labels())).append(".\n");
                }
            }
        }
        md.append("\n## ").append(Summary.FILE).append("\n\n")
                .append("One JSON object per run, keys in this order; a value that is undefined for the run is `null`.\n\n");
        header(md);
        for (Key key : Summary.KEYS) {
            row(md, "`" + key.name() + "`", key);
        }
        md.append("\nThen, only when the run has background sensors (scenario key `background_devices` above 0), "
                + "their keys, kept apart from the clients' `energy_j`:\n\n");
        header(md);
        for (Key key : Summary.BACKGROUND) {
            row(md, "`" + key.name() + "`", key);
        }
        md.append("\n## ").append(SweepColumns.FILE).append("\n\n")
                .append("One row per sweep point; statistics over the point's runs that have a value.\n\n");
        header(md);
        row(md, "`" + SweepColumns.POINT.name() + "`", SweepColumns.POINT);
        row(md, "one per swept parameter", new Key("parameter", "", "the point's value of the parameter, "
                + "named by its scenario key"));
        row(md, "`" + SweepColumns.RUNS.name() + "`", SweepColumns.RUNS);
        row(md, "`" + SweepColumns.TARGET_REACHED.name() + "`", SweepColumns.TARGET_REACHED);
        for (Key column : SweepColumns.metricColumns()) {
            row(md, "`" + column.name() + "`", column);
        }
        for (Key column : SweepColumns.POINT_COLUMNS) {
            row(md, "`" + column.name() + "`", column);
        }
        md.append("\n## ").append(SweepRoundsColumns.FILE).append("\n\n")
                .append("One row per sweep point and round; statistics over the point's runs that have a value in ")
                .append("that round.\n\n");
        header(md);
        row(md, "`" + SweepRoundsColumns.POINT.name() + "`", SweepRoundsColumns.POINT);
        row(md, "one per swept parameter", new Key("parameter", "", "the point's value of the parameter, "
                + "named by its scenario key"));
        row(md, "`" + SweepRoundsColumns.ROUND.name() + "`", SweepRoundsColumns.ROUND);
        row(md, "`" + SweepRoundsColumns.RUNS.name() + "`", SweepRoundsColumns.RUNS);
        for (Key column : SweepRoundsColumns.metricColumns()) {
            row(md, "`" + column.name() + "`", column);
        }
        md.append("\n## budget --csv\n\n")
                .append("Written by `fedwan budget STUDY --csv FILE` (not kept in the sweep folder: it depends on the ")
                .append("options); the same keys name the values of each row of `--json`. One row per sweep point, ")
                .append("grouped by `--group-by` value, the feasible points first by rank.\n\n");
        header(md);
        row(md, "`" + BudgetColumns.RANK.name() + "`", BudgetColumns.RANK);
        row(md, "`" + BudgetColumns.POINT.name() + "`", BudgetColumns.POINT);
        row(md, "one per swept setting", new Key("setting", "", "the point's value of the setting, named by its scenario key"));
        for (Key column : BudgetColumns.VALUES) {
            row(md, "`" + column.name() + "`", column);
        }
        return md.toString();
    }

    private static void header(StringBuilder md) {
        md.append("| column | unit | meaning |\n|---|---|---|\n");
    }

    private static void row(StringBuilder md, String name, Field field) {
        md.append("| ").append(name).append(" | ").append(cell(field.unit())).append(" | ")
                .append(cell(field.description())).append(" |\n");
    }

    /** A table cell: a '|' would end the cell, a line break the row. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }

    private static String codes(List<String> labels) {
        StringBuilder out = new StringBuilder();
        for (String label : labels) {
            out.append(out.length() == 0 ? "" : ", ").append('`').append(label).append('`');
        }
        return out.toString();
    }

    private static String sentence(String description) {
        return description.isEmpty() ? "" : Character.toUpperCase(description.charAt(0)) + description.substring(1) + ".";
    }
}
