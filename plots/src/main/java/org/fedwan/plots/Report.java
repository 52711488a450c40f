package org.fedwan.plots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedwan.results.ResultTable;
import org.fedwan.results.Summary;
import org.fedwan.results.SweepColumns;
import org.jfree.chart.JFreeChart;

/**
 * Writes {@value #REPORT_FILE}: one self-contained HTML page a person opens instead of reading CSV.
 * It holds every figure the folder allows as inline SVG (no external files, scripts or fonts), the
 * summary, the per-round (run) or per-point (sweep) table and the resolved scenario.
 */
public final class Report {

    static {
        Headless.ensure();
    }

    /** File name of the report inside the results folder. */
    public static final String REPORT_FILE = "report.html";

    private static final String STYLE = "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111}"
            + "table{border-collapse:collapse;font-size:0.85em;margin:0.5em 0 1.5em}"
            + "td,th{border:1px solid #ccc;padding:0.15em 0.5em;text-align:right}th{background:#f3f3f3}"
            + "td:first-child,th:first-child{text-align:left}figure{margin:1em 0}figcaption{font-size:0.85em;color:#444}"
            + ".scroll{overflow-x:auto}";

    private Report() {
    }

    /**
     * Writes the report of a run.
     *
     * @param runDir a run's results folder holding {@code rounds.csv}
     * @return the report file
     * @throws IllegalArgumentException if {@code rounds.csv} is missing or a table is malformed
     */
    public static Path writeRun(Path runDir) {
        return writeRun(runDir, true);
    }

    /**
     * Writes the report of a run, its figures with or without their titles.
     *
     * @param runDir a run's results folder holding {@code rounds.csv}
     * @param titles whether the figures keep their titles ({@code --no-title} removes them)
     * @return the report file
     * @throws IllegalArgumentException if {@code rounds.csv} is missing or a table is malformed
     */
    public static Path writeRun(Path runDir, boolean titles) {
        RunFolder run = RunFolder.read(runDir);
        StringBuilder html = head("FedWAN run "
                + String.valueOf(run.summary().getOrDefault(Summary.SCENARIO.name(), runDir.getFileName())));
        html.append("<h2>Summary</h2>\n");
        html.append("<p>").append(escape(Summary.lostUpdates(run.summary()))).append("</p>\n");
        keyValues(html, run.summary());
        html.append("<h2>Figures</h2>\n");
        for (Figures.Figure<RunFolder> figure : Figures.run()) {
            figure(html, figure, figure.chart().apply(run), titles);
        }
        html.append("<h2>Rounds</h2>\n");
        table(html, run.rounds());
        html.append("<h2>Resolved scenario</h2>\n");
        keyValues(html, run.scenario());
        return write(runDir, html);
    }

    /**
     * Writes the report of a sweep.
     *
     * @param sweepDir a sweep's results folder holding {@code sweep.csv}
     * @return the report file
     * @throws IllegalArgumentException if {@code sweep.csv} is missing or malformed
     */
    public static Path writeSweep(Path sweepDir) {
        return writeSweep(sweepDir, true);
    }

    /**
     * Writes the report of a sweep, its figures with or without their titles.
     *
     * @param sweepDir a sweep's results folder holding {@code sweep.csv}
     * @param titles whether the figures keep their titles ({@code --no-title} removes them)
     * @return the report file
     * @throws IllegalArgumentException if {@code sweep.csv} is missing or malformed
     */
    public static Path writeSweep(Path sweepDir, boolean titles) {
        SweepFolder sweep = SweepFolder.read(sweepDir);
        StringBuilder html = head("FedWAN sweep " + sweepDir.getFileName());
        html.append("<p>Swept: ").append(escape(String.join(", ", sweep.parameters()))).append("; ")
                .append(sweep.points()).append(" points.</p>\n");
        html.append("<h2>Figures</h2>\n");
        for (Figures.Figure<SweepFolder> figure : Figures.sweep()) {
            figure(html, figure, figure.chart().apply(sweep), titles);
        }
        html.append("<h2>Points (mean, standard deviation, 95 % CI half-width across replications)</h2>\n");
        table(html, sweep.table());
        for (int p = 0; p < sweep.points(); p++) {
            List<RunFolder> runs = sweep.runs(p);
            if (!runs.isEmpty()) {
                html.append("<h2>Resolved scenario (point ").append(escape(sweep.table().text(p, SweepColumns.POINT)))
                        .append(", first replication)</h2>\n");
                keyValues(html, runs.get(0).scenario());
                break;
            }
        }
        return write(sweepDir, html);
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
    }

    private static <F> void figure(StringBuilder html, Figures.Figure<F> figure, Optional<JFreeChart> chart,
                                   boolean titles) {
        if (chart.isEmpty()) {
            return;
        }
        String svg = FigureWriter.svg(FigureOptions.DEFAULT.withTitles(titles).apply(chart.get()), RunFigures.DEFAULT_WIDTH.size(figure.panels()), figure.name());
        html.append("<figure id=\"").append(figure.name()).append("\">\n")
                .append(svg.substring(svg.indexOf("<svg")))
                .append("<figcaption><b>").append(figure.name()).append("</b>: ")
                .append(escape(figure.description())).append("</figcaption>\n</figure>\n");
    }

    private static void keyValues(StringBuilder html, Map<String, Object> values) {
        if (values.isEmpty()) {
            html.append("<p>Not recorded.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>key</th><th>value</th></tr>\n");
        values.forEach((k, v) -> html.append("<tr><td>").append(escape(k)).append("</td><td>")
                .append(escape(String.valueOf(v))).append("</td></tr>\n"));
        html.append("</table>\n");
    }

    private static void table(StringBuilder html, ResultTable table) {
        html.append("<div class=\"scroll\"><table>\n<tr>");
        for (String column : table.header()) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr>\n");
        for (int r = 0; r < table.size(); r++) {
            html.append("<tr>");
            for (String column : table.header()) {
                html.append("<td>").append(escape(table.text(r, column))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table></div>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Path write(Path dir, StringBuilder html) {
        html.append("</body>\n</html>\n");
        Path file = dir.resolve(REPORT_FILE);
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
