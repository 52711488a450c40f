package org.fedwan.plots;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.RangeType;

/**
 * Axes shared by the study charts ({@link EnergyCharts}, {@link TimingCharts},
 * {@link ComparisonCharts}): a value axis from zero and an axis of round numbers.
 */
final class StudyAxes {

    private StudyAxes() {
    }

    /**
     * @param label        axis label
     * @param integerTicks whether ticks are whole numbers
     * @return an axis of non-negative values whose range starts at zero
     */
    static NumberAxis zeroBased(String label, boolean integerTicks) {
        NumberAxis axis = PaperStyle.axis(label, integerTicks);
        axis.setAutoRangeIncludesZero(true);
        axis.setAutoRangeMinimumSize(1e-3);
        axis.setRangeType(RangeType.POSITIVE);
        axis.setLowerMargin(0);
        return axis;
    }

    /** @return an axis of round numbers: whole-number ticks, one round wide at least */
    static NumberAxis roundAxis() {
        NumberAxis axis = PaperStyle.axis(RunCharts.ROUND_LABEL, true);
        axis.setAutoRangeMinimumSize(1);
        return axis;
    }
}
