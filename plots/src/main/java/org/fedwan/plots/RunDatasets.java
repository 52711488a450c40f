package org.fedwan.plots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fedwan.plots.RunTables.EnergyInterval;
import org.fedwan.plots.RunTables.Round;
import org.fedwan.plots.RunTables.Transmission;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds the JFreeChart datasets of the run figures from {@link RunTables}. Nothing here draws:
 * the datasets hold exactly the numbers a figure shows, in the units its axes are labelled with,
 * so they can be checked without rendering.
 */
public final class RunDatasets {

    /** Key of the series summed over all devices in {@link EnergyOverTime#total()}. */
    public static final String TOTAL_SERIES = "All devices";
    /** Key of the series of {@link RoundLatency#latency()}. */
    public static final String LATENCY_SERIES = "Round latency";
    /** Key of the series of test accuracy, %. */
    public static final String ACCURACY_SERIES = "Test accuracy";
    /** Key of the series of test loss. */
    public static final String LOSS_SERIES = "Test loss";
    /** Key of the series of training accuracy, %. */
    public static final String TRAIN_ACCURACY_SERIES = "Training accuracy";
    /** Key of the series of training loss. */
    public static final String TRAIN_LOSS_SERIES = "Training loss";

    private RunDatasets() {
    }

    /**
     * Cumulative radio energy over simulated time: the frames of {@code transmissions.csv} and the
     * radio power-state rows of {@code energy.csv} ({@link #isRadio}: an NB-IoT module's energy is
     * in its states, its frames carry none); training energy is not radio energy and is left out.
     *
     * <p>Each series is a staircase: it starts at (0, 0); at the end of each frame or state row it
     * steps up by the row's energy, drawn as two points with the same x (the level before and after);
     * rows ending at the same time make one step. After the last row the level is held to the end of
     * the run ({@link RunTables#runEndS()}). So the last y of a series is the sum of
     * {@code energy_j} of its rows.
     *
     * @param time unit of the x values
     * @param total one series, {@value #TOTAL_SERIES}: energy summed over all devices, J
     * @param perDevice one series per id in the {@code device} column (every id, {@code server}
     *     too if it appears), in natural order of the ids ({@code dev-2} before {@code dev-10}), J
     */
    public record EnergyOverTime(AxisUnit time, XYSeriesCollection total, XYSeriesCollection perDevice) {
    }

    /**
     * Round latency per round.
     *
     * @param time unit of the y values
     * @param latency one series, {@value #LATENCY_SERIES}: x round number, y latency
     */
    public record RoundLatency(AxisUnit time, XYSeriesCollection latency) {
    }

    /**
     * Test accuracy and loss per round, and the training accuracy and loss where measured. Rounds
     * in which a quantity was not measured have no point, so lines join the measured rounds.
     *
     * @param accuracyPercent one series, {@value #ACCURACY_SERIES}: x round, y accuracy in %
     * @param loss one series, {@value #LOSS_SERIES}: x round, y loss
     * @param trainAccuracyPercent one series, {@value #TRAIN_ACCURACY_SERIES}, x round, y training
     *     accuracy in %; no series when no round has a {@code train_accuracy} value
     * @param trainLoss one series, {@value #TRAIN_LOSS_SERIES}; no series when no round has a
     *     {@code train_loss} value
     */
    public record AccuracyAndLoss(XYSeriesCollection accuracyPercent, XYSeriesCollection loss,
                                  XYSeriesCollection trainAccuracyPercent, XYSeriesCollection trainLoss) {

        /** @return whether any training accuracy or loss was measured */
        public boolean hasTraining() {
            return trainAccuracyPercent.getSeriesCount() > 0 || trainLoss.getSeriesCount() > 0;
        }
    }

    /**
     * Test accuracy against cumulative uplink bytes, one point per evaluated round.
     *
     * @param bytes unit of the x values
     * @param accuracyPercent one series, {@value #ACCURACY_SERIES}: x uplink bytes sent up to and
     *     including the round, y accuracy in %
     */
    public record AccuracyVsUplink(AxisUnit bytes, XYSeriesCollection accuracyPercent) {
    }

    /**
     * Cumulative energy of all devices and of each device: the energy ledger, {@code energy.csv},
     * each row a step at its end (so the total ends at the run's {@code energy_j}). A folder written
     * before the ledger existed has no {@code energy.csv}: its frames' energy is drawn instead.
     *
     * @param tables the run
     * @return the staircase series, x in a time unit chosen by {@link AxisUnit#forDurationS} from
     *     the run length
     */
    public static EnergyOverTime energyOverTime(RunTables tables) {
        double runEndS = tables.runEndS();
        AxisUnit time = AxisUnit.forDurationS(runEndS);

        List<Step> byEnd = new ArrayList<>();
        for (EnergyInterval interval : tables.energy()) {
            byEnd.add(new Step(interval.device(), interval.endS(), interval.energyJ()));
        }
        if (byEnd.isEmpty()) {
            for (Transmission frame : tables.transmissions()) {
                byEnd.add(new Step(frame.device(), frame.endS(), frame.energyJ()));
            }
        }
        byEnd.sort(Comparator.comparingDouble(Step::endS)); // stable: ties keep file order

        Map<String, List<Step>> byDevice = new TreeMap<>(RunDatasets::compareNatural);
        for (Step step : byEnd) {
            byDevice.computeIfAbsent(step.device(), d -> new ArrayList<>()).add(step);
        }

        XYSeriesCollection total = new XYSeriesCollection();
        total.addSeries(staircase(TOTAL_SERIES, byEnd, runEndS, time));
        XYSeriesCollection perDevice = new XYSeriesCollection();
        for (Map.Entry<String, List<Step>> device : byDevice.entrySet()) {
            perDevice.addSeries(staircase(device.getKey(), device.getValue(), runEndS, time));
        }
        return new EnergyOverTime(time, total, perDevice);
    }

    /** Energy a device spent by {@code endS}: a row of the ledger (or a frame of a folder without it). */
    private record Step(String device, double endS, double energyJ) {
    }

    private static XYSeries staircase(String key, List<Step> sortedByEnd, double runEndS, AxisUnit time) {
        XYSeries series = new XYSeries(key, false, true);
        series.add(0.0, 0.0);
        double cumulativeJ = 0;
        double lastS = 0;
        int k = 0;
        while (k < sortedByEnd.size()) {
            // Frames that end at the same time make one step.
            double endS = sortedByEnd.get(k).endS();
            double stepJ = 0;
            while (k < sortedByEnd.size() && sortedByEnd.get(k).endS() == endS) {
                stepJ += sortedByEnd.get(k).energyJ();
                k++;
            }
            double x = time.of(endS);
            if (endS > 0) {
                series.add(x, cumulativeJ);
            }
            cumulativeJ += stepJ;
            series.add(x, cumulativeJ);
            lastS = endS;
        }
        if (runEndS > lastS) {
            series.add(time.of(runEndS), cumulativeJ);
        }
        return series;
    }

    /**
     * Latency of each round, from {@code rounds.csv}.
     *
     * @param tables the run
     * @return the per-round latency, y in a unit chosen by {@link AxisUnit#forDurationS} from the
     *     longest round
     */
    public static RoundLatency roundLatency(RunTables tables) {
        double maxLatencyS = 0;
        for (Round round : tables.rounds()) {
            maxLatencyS = Math.max(maxLatencyS, round.roundLatencyS());
        }
        AxisUnit time = AxisUnit.forDurationS(maxLatencyS);
        XYSeries series = new XYSeries(LATENCY_SERIES, false, false);
        for (Round round : tables.rounds()) {
            series.add(round.round(), time.of(round.roundLatencyS()));
        }
        return new RoundLatency(time, new XYSeriesCollection(series));
    }

    /**
     * Test accuracy (%) and loss of each evaluated round, and the training accuracy (%) and loss of
     * each round that measured them, from {@code rounds.csv}.
     *
     * @param tables the run
     * @return accuracy in percent and loss, x the round number
     */
    public static AccuracyAndLoss accuracyPerRound(RunTables tables) {
        XYSeries accuracy = new XYSeries(ACCURACY_SERIES, false, false);
        XYSeries loss = new XYSeries(LOSS_SERIES, false, false);
        XYSeries trainAccuracy = new XYSeries(TRAIN_ACCURACY_SERIES, false, false);
        XYSeries trainLoss = new XYSeries(TRAIN_LOSS_SERIES, false, false);
        for (Round round : tables.rounds()) {
            addMeasured(accuracy, round.round(), 100 * round.accuracy());
            addMeasured(loss, round.round(), round.loss());
            addMeasured(trainAccuracy, round.round(), 100 * round.trainAccuracy());
            addMeasured(trainLoss, round.round(), round.trainLoss());
        }
        return new AccuracyAndLoss(new XYSeriesCollection(accuracy), new XYSeriesCollection(loss),
                nonEmpty(trainAccuracy), nonEmpty(trainLoss));
    }

    /** Adds (x, y) unless y is NaN ("not measured"). */
    private static void addMeasured(XYSeries series, double x, double y) {
        if (!Double.isNaN(y)) {
            series.add(x, y);
        }
    }

    /** The series alone in a collection, or an empty collection when it has no points. */
    private static XYSeriesCollection nonEmpty(XYSeries series) {
        return series.isEmpty() ? new XYSeriesCollection() : new XYSeriesCollection(series);
    }

    /**
     * Test accuracy (%) against the uplink bytes sent so far, from {@code rounds.csv}.
     *
     * @param tables the run
     * @return one point per evaluated round (rounds without an accuracy add their bytes to the
     *     later points), x the cumulative {@code uplink_bytes} in a unit chosen by
     *     {@link AxisUnit#forBytes} from the total
     */
    public static AccuracyVsUplink accuracyVsUplinkBytes(RunTables tables) {
        long totalBytes = 0;
        for (Round round : tables.rounds()) {
            totalBytes = Math.addExact(totalBytes, round.uplinkBytes());
        }
        AxisUnit bytes = AxisUnit.forBytes(totalBytes);
        XYSeries series = new XYSeries(ACCURACY_SERIES, false, true);
        long cumulativeBytes = 0;
        for (Round round : tables.rounds()) {
            cumulativeBytes += round.uplinkBytes();
            addMeasured(series, bytes.of(cumulativeBytes), 100 * round.accuracy());
        }
        return new AccuracyVsUplink(bytes, new XYSeriesCollection(series));
    }

    /**
     * Orders device ids so that runs of digits compare as numbers: {@code dev-2} before
     * {@code dev-10}; ids that differ only in leading zeros are ordered as text.
     */
    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                String digitsA = stripLeadingZeros(a.substring(i, endA));
                String digitsB = stripLeadingZeros(b.substring(j, endB));
                int byLength = Integer.compare(digitsA.length(), digitsB.length());
                if (byLength != 0) {
                    return byLength;
                }
                int byDigits = digitsA.compareTo(digitsB);
                if (byDigits != 0) {
                    return byDigits;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String stripLeadingZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
