package org.fedwan.plots;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.awt.Color;
import org.fedwan.results.ClientOutcome;
import org.fedwan.results.ClientsTable;
import org.fedwan.results.Labeled;
import org.fedwan.results.ResultTable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * What became of the selected clients' updates, round by round: the rows of {@code clients.csv}
 * counted by outcome and stacked, so that lost, late and dropped updates are visible next to the
 * ones that arrived.
 */
public final class OutcomeCharts {

    /** One colour per outcome (Okabe-Ito), in {@link ClientOutcome}'s order. */
    private static final Map<ClientOutcome, Color> COLOURS = new EnumMap<>(Map.of(
            ClientOutcome.OK, PaperStyle.BLUISH_GREEN, ClientOutcome.SKIPPED, PaperStyle.SKY_BLUE,
            ClientOutcome.LATE, PaperStyle.YELLOW, ClientOutcome.LATE_USED, PaperStyle.BLUE,
            ClientOutcome.DROPPED_COMPUTING, PaperStyle.ORANGE, ClientOutcome.DROPPED_SENDING, PaperStyle.REDDISH_PURPLE,
            ClientOutcome.DROPPED_OUT, PaperStyle.MANY_SERIES_PAINT, ClientOutcome.LOST, PaperStyle.VERMILLION));

    private OutcomeCharts() {
    }

    /**
     * Rows of {@code clients.csv} per round and outcome; outcomes that never occur are left out.
     *
     * @return empty when the folder has no {@code clients.csv} with the needed columns
     */
    public static Optional<DefaultCategoryDataset> outcomesPerRound(RunFolder run) {
        Optional<ResultTable> table = run.clients().filter(t -> t.has(ClientsTable.ROUND, ClientsTable.OUTCOME));
        if (table.isEmpty()) {
            return Optional.empty();
        }
        ResultTable t = table.get();
        Map<ClientOutcome, Map<Integer, Integer>> counts = new EnumMap<>(ClientOutcome.class);
        for (int row = 0; row < t.size(); row++) {
            counts.computeIfAbsent(t.label(row, ClientsTable.OUTCOME, ClientOutcome.class), o -> new TreeMap<>())
                    .merge(t.intValue(row, ClientsTable.ROUND), 1, Integer::sum);
        }
        int lastRound = counts.values().stream().flatMap(m -> m.keySet().stream()).mapToInt(Integer::intValue).max().orElse(0);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<ClientOutcome, Map<Integer, Integer>> e : counts.entrySet()) {
            for (int round = 1; round <= lastRound; round++) {
                data.addValue(e.getValue().getOrDefault(round, 0), e.getKey().label(), Integer.valueOf(round));
            }
        }
        return Optional.of(data);
    }

    /** Stacked bars: clients per round, one colour per outcome. */
    public static JFreeChart outcomes(DefaultCategoryDataset data) {
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int s = 0; s < data.getRowCount(); s++) {
            ClientOutcome o = Labeled.parse(ClientOutcome.class, (String) data.getRowKey(s));
            renderer.setSeriesPaint(s, COLOURS.get(o));
        }
        CategoryAxis rounds = new CategoryAxis(RunCharts.ROUND_LABEL);
        rounds.setLabelFont(PaperStyle.LABEL_FONT);
        rounds.setTickLabelFont(PaperStyle.TICK_FONT);
        CategoryPlot plot = new CategoryPlot(data, rounds, StudyAxes.zeroBased("Selected clients", true), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(PaperStyle.AXIS_PAINT);
        plot.setRangeGridlinePaint(PaperStyle.GRID_PAINT);
        return PaperStyle.chart("Client outcomes per round", plot, true, 4);
    }
}
