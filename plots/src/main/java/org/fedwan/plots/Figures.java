package org.fedwan.plots;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.fedwan.plots.SweepDatasets.MetricVsParameter;
import org.fedwan.plots.SweepDatasets.SweepMetric;
import org.jfree.chart.JFreeChart;

/**
 * The catalogue of every figure: its file name, a one-line description, how many stacked panels it
 * has (its height, see {@link FigureWidth#size}), and how it is built from a run or a sweep folder.
 * A builder returns empty when the folder lacks a table or column the figure needs (older result
 * folders), and the figure is then skipped.
 */
public final class Figures {

    static {
        Headless.ensure();
    }

    /**
     * A figure drawn from one folder of type {@code F} ({@link RunFolder} or {@link SweepFolder}).
     *
     * @param name file name without extension
     * @param description one line for {@code fedwan plot --list} and the generated reference (docs/reference/figures.md)
     * @param panels stacked panels
     * @param chart builds the chart, or empty when the data it needs is absent
     * @param <F> the folder type
     */
    public record Figure<F>(String name, String description, int panels, Function<F, Optional<JFreeChart>> chart) {
        /** Checks the arguments. */
        public Figure {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(chart, "chart");
        }
    }

    private static final List<Figure<RunFolder>> RUN = List.of(
            new Figure<RunFolder>("energy-over-time",
                    "cumulative energy over simulated time, all devices and each device: the ledger of energy.csv (frames in folders without it)", 2,
                    run -> run.transmissions().map(t -> RunCharts.energyOverTime(
                            RunDatasets.energyOverTime(RunTables.of(run))))),
            new Figure<RunFolder>("energy-by-state",
                    "cumulative energy of all devices over time, stacked by the states of the ledger: TX, RX, listen, standby, sleep, MCU training, MCU other", 1,
                    run -> EnergyDatasets.energyByState(run).map(EnergyCharts::energyByState)),
            new Figure<RunFolder>("energy-per-device",
                    "cumulative energy per device over time: median and min-max band, one band per protocol", 1,
                    run -> EnergyDatasets.energyPerDevice(run).map(d -> EnergyCharts.deviceBand(d, "Energy per device"))),
            new Figure<RunFolder>("energy-small-multiples",
                    "cumulative energy of each device over time stacked by state, one small panel per device on shared axes (at most 16, evenly spaced)", 2,
                    run -> EnergyDatasets.deviceEnergies(run).map(EnergyCharts::energySmallMultiples)),
            new Figure<RunFolder>("battery-level",
                    "battery level per device over time, % of battery_capacity_j (energy drawn when the capacity is unlimited)", 1,
                    run -> EnergyDatasets.batteryLevel(run).map(d -> EnergyCharts.deviceBand(d,
                            d.unit().equals("%") ? "Battery level per device" : "Energy drawn per device (unlimited battery)"))),
            new Figure<RunFolder>("round-latency", "latency of each round (bars)", 1,
                    run -> Optional.of(RunCharts.roundLatency(RunDatasets.roundLatency(RunTables.of(run))))),
            new Figure<RunFolder>("client-outcomes",
                    "selected clients per round stacked by what became of their update (ok, lost, late, dropped, ...)", 1,
                    run -> OutcomeCharts.outcomesPerRound(run).map(OutcomeCharts::outcomes)),
            new Figure<RunFolder>("latency-breakdown",
                    "round latency split into compute, waiting for duty cycle or channel, airtime and downlink (stacked bars)", 1,
                    run -> TimingDatasets.latencyBreakdown(run).map(TimingCharts::latencyBreakdown)),
            new Figure<RunFolder>("accuracy-per-round",
                    "test accuracy (%) and test loss per round (two panels); training accuracy and loss dashed where measured", 2,
                    run -> Optional.of(RunCharts.accuracyPerRound(RunDatasets.accuracyPerRound(RunTables.of(run))))),
            new Figure<RunFolder>("training-per-round",
                    "training loss and gradient norm per round (two panels; needs train_loss or gradient_norm values in rounds.csv)", 2,
                    run -> ComparisonDatasets.trainingPerRound(ComparisonDatasets.methods(run)).map(ComparisonCharts::trainingPerRound)),
            new Figure<RunFolder>("accuracy-vs-uplink-bytes", "test accuracy against cumulative uplink bytes, one point per round", 1,
                    run -> Optional.of(RunCharts.accuracyVsUplinkBytes(
                            RunDatasets.accuracyVsUplinkBytes(RunTables.of(run))))),
            new Figure<RunFolder>("accuracy-vs-energy", "test accuracy against the cumulative energy of all devices (the ledger: rounds.csv cumulative_energy_j), one point per round", 1,
                    run -> Optional.of(ComparisonCharts.accuracyVsEnergy(
                            ComparisonDatasets.accuracyVsEnergy(ComparisonDatasets.methods(run))))),
            new Figure<RunFolder>("accuracy-per-byte", "accuracy per uplink byte over the rounds, % per kB, log scale beyond a decade (seed 000 Fig. 2)", 1,
                    run -> Optional.of(ComparisonCharts.accuracyPerByte(
                            ComparisonDatasets.accuracyPerByte(ComparisonDatasets.methods(run))))),
            new Figure<RunFolder>("bytes-per-round", "uplink bytes per client per round: update message and on air (seed 000 Table I as bars)", 1,
                    run -> Optional.of(ComparisonCharts.bytesPerRound(
                            ComparisonDatasets.bytesPerRound(ComparisonDatasets.methods(run))))),
            new Figure<RunFolder>("upload-cdf", "CDF of client upload completion times, from round start (clients.csv)", 1,
                    run -> TimingDatasets.uploadCdf(run).map(TimingCharts::uploadCdf)),
            new Figure<RunFolder>("duty-cycle-share", "share of upload time spent waiting for the duty cycle, per round (clients.csv)", 1,
                    run -> TimingDatasets.dutyCycleShare(run).map(TimingCharts::dutyCycleShare)),
            new Figure<RunFolder>("frame-timeline", "Gantt-like timeline of uplink and downlink frames per device in a short window", 1,
                    run -> TimingDatasets.timeline(run).map(TimingCharts::timeline)));

    private static final List<Figure<SweepFolder>> SWEEP = List.of(
            new Figure<SweepFolder>("sweep-metrics",
                    "final accuracy, uplink traffic and energy against the first swept parameter: mean and 95 % CI across seeds", 3,
                    Figures::sweepMetrics),
            new Figure<SweepFolder>("pareto-accuracy-bytes", "final accuracy against uplink bytes of every point, Pareto front marked (seed 001 Fig. 4)", 1,
                    sweep -> SweepDatasets.pareto(sweep, SweepMetric.UPLINK_BYTES).map(SweepCharts::pareto)),
            new Figure<SweepFolder>("pareto-accuracy-energy", "final accuracy against energy of every point, Pareto front marked", 1,
                    sweep -> SweepDatasets.pareto(sweep, SweepMetric.ENERGY_J).map(SweepCharts::pareto)),
            new Figure<SweepFolder>("sweep-rounds-per-day",
                    "rounds per simulated day against the model's parameter count, one line per value of the other swept "
                            + "keys, e.g. per data rate (needs points of at least two model sizes; the largest model at N rounds "
                            + "per day)", 1,
                    sweep -> SweepDatasets.roundsPerDay(sweep).map(SweepCharts::roundsPerDay)),
            new Figure<SweepFolder>("heat-map", "final accuracy over the first two swept parameters (needs two swept parameters)", 1,
                    sweep -> SweepDatasets.heatMap(sweep, SweepMetric.FINAL_ACCURACY).map(SweepCharts::heatMap)),
            new Figure<SweepFolder>("sweep-accuracy-per-round",
                    "test accuracy (%) and test loss per round, one line per point, training curves dashed where measured, "
                            + "the accuracy's 95 % confidence band across replications shaded (seed 000 Fig. 1, seed 002 Fig. 2)", 2,
                    sweep -> nonEmpty(ComparisonDatasets.methods(sweep)).map(m -> ComparisonCharts.accuracyPerRound(
                            ComparisonDatasets.accuracyPerRound(m).withAccuracyBand(ComparisonDatasets.accuracyBand(sweep))))),
            new Figure<SweepFolder>("sweep-accuracy-vs-uplink-bytes",
                    "test accuracy against cumulative uplink bytes, one line per point, log axis beyond a decade, "
                            + "the accuracy's 95 % confidence band across replications shaded (seed 004 Fig. 2, seed 003 Table I)", 1,
                    sweep -> nonEmpty(ComparisonDatasets.methods(sweep)).map(m -> {
                        ComparisonDatasets.PerMethod data = ComparisonDatasets.accuracyVsUplinkBytes(m);
                        return ComparisonCharts.accuracyVsUplinkBytes(data,
                                ComparisonDatasets.accuracyBandVsUplinkBytes(sweep, data.unit()));
                    })),
            new Figure<SweepFolder>("sweep-training-per-round",
                    "training loss and gradient norm per round, one line per point (seed 004 Fig. 2 (a), (c); needs train_loss or gradient_norm values)", 2,
                    sweep -> nonEmpty(ComparisonDatasets.methods(sweep)).flatMap(ComparisonDatasets::trainingPerRound)
                            .map(ComparisonCharts::trainingPerRound)),
            new Figure<SweepFolder>("sweep-accuracy-per-byte", "accuracy per uplink byte over the rounds, one line per point (seed 000 Fig. 2)", 1,
                    sweep -> nonEmpty(ComparisonDatasets.methods(sweep)).map(m -> ComparisonCharts.accuracyPerByte(
                            ComparisonDatasets.accuracyPerByte(m)))),
            new Figure<SweepFolder>("sweep-bytes-per-round", "uplink bytes per client per round of every point (seed 000 Table I as bars)", 1,
                    sweep -> nonEmpty(ComparisonDatasets.methods(sweep)).map(m -> ComparisonCharts.bytesPerRound(
                            ComparisonDatasets.bytesPerRound(m)))),
            new Figure<SweepFolder>("sweep-accuracy-vs-energy", "test accuracy against the cumulative energy of all devices (the ledger), one line per point", 1,
                    sweep -> nonEmpty(ComparisonDatasets.methods(sweep)).map(m -> ComparisonCharts.accuracyVsEnergy(
                            ComparisonDatasets.accuracyVsEnergy(m)))));

    private Figures() {
    }

    private static Optional<List<ComparisonDatasets.Method>> nonEmpty(List<ComparisonDatasets.Method> methods) {
        return methods.isEmpty() ? Optional.empty() : Optional.of(methods);
    }

    private static Optional<JFreeChart> sweepMetrics(SweepFolder sweep) {
        List<MetricVsParameter> panels = new ArrayList<>();
        for (SweepMetric metric : List.of(SweepMetric.FINAL_ACCURACY, SweepMetric.UPLINK_BYTES, SweepMetric.ENERGY_J)) {
            SweepDatasets.metricVsParameter(sweep, metric).ifPresent(panels::add);
        }
        return panels.isEmpty() ? Optional.empty() : Optional.of(SweepCharts.metricsVsParameter(panels));
    }

    /** @return the figures of a run, in the order they are written */
    public static List<Figure<RunFolder>> run() {
        return RUN;
    }

    /** @return the figures of a sweep, in the order they are written */
    public static List<Figure<SweepFolder>> sweep() {
        return SWEEP;
    }

    /**
     * Every figure with its one-line description: run figures first, then sweep figures.
     *
     * @return name to description, in catalogue order
     */
    public static Map<String, String> list() {
        Map<String, String> list = new LinkedHashMap<>();
        RUN.forEach(f -> list.put(f.name(), "run: " + f.description()));
        SWEEP.forEach(f -> list.put(f.name(), "sweep: " + f.description()));
        return Collections.unmodifiableMap(list);
    }
}
