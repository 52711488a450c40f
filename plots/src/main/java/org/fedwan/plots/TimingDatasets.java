package org.fedwan.plots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fedwan.results.ClientOutcome;
import org.fedwan.results.ClientsTable;
import org.fedwan.results.Direction;
import org.fedwan.results.FrameOutcome;
import org.fedwan.results.ResultTable;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.TransmissionsTable;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Datasets of where the time of a run goes: the parts of each round's latency, when client
 * uploads complete, how much of the upload time is spent waiting for the duty cycle, and a
 * timeline of frames. Built from {@code rounds.csv}, {@code clients.csv} and
 * {@code transmissions.csv}; each returns empty when a table or column it needs is absent.
 */
public final class TimingDatasets {

    /** Series keys of {@link LatencyBreakdown}, in stacking order. */
    public static final List<String> LATENCY_PARTS =
            List.of("Compute", "Waiting (duty cycle, channel)", "Airtime", "Downlink");
    /** Series keys of {@link Timeline}. */
    public static final List<String> FRAME_KINDS = List.of("Uplink delivered", "Uplink lost", "Downlink");
    /** Most devices a timeline shows, the first in natural order. */
    public static final int MAX_TIMELINE_DEVICES = 16;
    // Indices into FRAME_KINDS.
    private static final int UPLINK_DELIVERED = 0;
    private static final int UPLINK_LOST = 1;
    private static final int DOWNLINK = 2;
    /** Length of the timeline window without round times, in median frame airtimes. */
    public static final int TIMELINE_WINDOW_AIRTIMES = 200;

    private TimingDatasets() {
    }

    /**
     * Round latency split into parts, from the round's last client to finish its upload (the client
     * that held the round up): compute = its {@code compute_end_s} - round start; airtime = its
     * {@code airtime_s}; waiting = the rest of the uplink phase up to {@code aggregated_at_s} (duty
     * cycle, channel access, other clients, deadline); downlink = {@code sim_time_s -
     * aggregated_at_s}. The parts of a round add up to its {@code round_latency_s}.
     *
     * @param time unit of the y values
     * @param stacked one series per part of {@link #LATENCY_PARTS}, x the round
     */
    public record LatencyBreakdown(AxisUnit time, DefaultTableXYDataset stacked) {
    }

    /**
     * Empirical CDF of client upload completion: time from round start to {@code upload_end_s}
     * of every client whose update arrived ({@code outcome = ok}), all rounds together.
     *
     * @param time unit of the x values
     * @param cdf one series (or one per protocol when clients.csv has a protocol column): x completion time,
     *            y share of uploads completed by then, %
     */
    public record UploadCdf(AxisUnit time, XYSeriesCollection cdf) {
    }

    /**
     * Share of upload time spent waiting for the duty cycle per round: the sum over the round's
     * clients of {@code duty_cycle_wait_s} over the sum of {@code upload_end_s - upload_start_s}.
     *
     * @param share one series: x round, y %
     */
    public record DutyCycleShare(XYSeriesCollection share) {
    }

    /**
     * Frames of each device during the first round (start to end, downlink included), or without
     * round times a window from the first frame {@value #TIMELINE_WINDOW_AIRTIMES} median airtimes
     * long, for at most {@value #MAX_TIMELINE_DEVICES} devices (the first in natural order). Frames
     * are clipped to the window. Kinds follow {@link Direction} and {@link FrameOutcome}: a
     * downlink frame is {@code Downlink}; an uplink frame is {@code Uplink delivered} when the
     * network took it into its round ({@code delivered}) and {@code Uplink lost} otherwise (not
     * received, or {@code late}: it ended after its message stopped being wanted).
     *
     * @param time unit of the x values
     * @param devices device ids; device {@code i} is drawn at y = i
     * @param frames one series per kind of {@link #FRAME_KINDS}: x start to end (at least
     *     1/{@link #TIMELINE_RESOLUTION} of the window), y i +- 0.35
     * @param windowStartS start of the window, s
     * @param windowEndS end of the window, s
     * @param mergeGapS frames of one device and kind closer than this were drawn as one bar, s; 0
     *     when no frames were merged
     */
    public record Timeline(AxisUnit time, List<String> devices, XYIntervalSeriesCollection frames,
                           double windowStartS, double windowEndS, double mergeGapS) {
    }

    /**
     * Resolution of the frame timeline: every bar is at least 1/{@value} of the window wide (about
     * 0.65 pt of a single-column plot, so that the shortest frame stays visible), and frames of one
     * device and kind less than that apart are drawn as one bar, with a note on the figure. This
     * bounds the bars, and so the SVG, to half this many per device and kind however many frames a
     * round has: a 100-device NB-IoT round drew 1.9 MB of SVG with one bar per frame.
     */
    public static final int TIMELINE_RESOLUTION = 300;

    /**
     * @param run the run
     * @return the parts of each round, or empty without {@code clients.csv} or
     *     {@code aggregated_at_s}
     */
    public static Optional<LatencyBreakdown> latencyBreakdown(RunFolder run) {
        ResultTable rounds = run.rounds();
        if (run.clients().isEmpty() || !rounds.has(RoundsTable.ROUND, RoundsTable.SIM_TIME_S, RoundsTable.ROUND_LATENCY_S,
                RoundsTable.AGGREGATED_AT_S)) {
            return Optional.empty();
        }
        ResultTable clients = run.clients().get();
        if (!clients.has(ClientsTable.ROUND, ClientsTable.COMPUTE_END_S, ClientsTable.UPLOAD_END_S, ClientsTable.AIRTIME_S,
                ClientsTable.OUTCOME)) {
            return Optional.empty();
        }
        double maxLatencyS = 0;
        for (int r = 0; r < rounds.size(); r++) {
            maxLatencyS = Math.max(maxLatencyS, rounds.number(r, RoundsTable.ROUND_LATENCY_S));
        }
        AxisUnit time = AxisUnit.forDurationS(maxLatencyS);
        List<XYSeries> parts = new ArrayList<>();
        for (String part : LATENCY_PARTS) {
            parts.add(new XYSeries(part, true, false));
        }
        for (int r = 0; r < rounds.size(); r++) {
            double round = rounds.number(r, RoundsTable.ROUND);
            double endS = rounds.number(r, RoundsTable.SIM_TIME_S);
            double startS = endS - rounds.number(r, RoundsTable.ROUND_LATENCY_S);
            double aggregatedS = rounds.number(r, RoundsTable.AGGREGATED_AT_S);
            double uplinkS = Math.max(0, aggregatedS - startS);
            int last = -1;
            boolean lastOk = false;
            for (int c = 0; c < clients.size(); c++) {
                if (clients.number(c, ClientsTable.ROUND) != round
                        || !Double.isFinite(clients.number(c, ClientsTable.UPLOAD_END_S))) {
                    continue;
                }
                boolean ok = clients.label(c, ClientsTable.OUTCOME, ClientOutcome.class) == ClientOutcome.OK;
                if (last < 0 || (ok && !lastOk) || (ok == lastOk
                        && clients.number(c, ClientsTable.UPLOAD_END_S) > clients.number(last, ClientsTable.UPLOAD_END_S))) {
                    last = c;
                    lastOk = ok;
                }
            }
            double computeS = 0;
            double airtimeS = 0;
            if (last >= 0) {
                computeS = clamp(clients.number(last, ClientsTable.COMPUTE_END_S) - startS, uplinkS);
                airtimeS = clamp(clients.number(last, ClientsTable.AIRTIME_S), uplinkS - computeS);
            }
            double waitS = Math.max(0, uplinkS - computeS - airtimeS);
            double downlinkS = Math.max(0, endS - aggregatedS);
            double[] values = {computeS, waitS, airtimeS, downlinkS};
            for (int p = 0; p < values.length; p++) {
                parts.get(p).add(round, time.of(values[p]), false);
            }
        }
        DefaultTableXYDataset stacked = new DefaultTableXYDataset();
        parts.forEach(stacked::addSeries);
        return Optional.of(new LatencyBreakdown(time, stacked));
    }

    private static double clamp(double value, double max) {
        return Double.isFinite(value) ? Math.max(0, Math.min(value, max)) : 0;
    }

    /** Display name of a protocol id (the {@code protocol} column: the runner's protocol names, free text). */
    static String label(String protocol) {
        return switch (protocol) {
            case "lorawan" -> "LoRaWAN";
            case "nbiot" -> "NB-IoT";
            default -> protocol;
        };
    }

    /**
     * @param run the run
     * @return the CDF, or empty without {@code clients.csv} or without any completed upload
     */
    public static Optional<UploadCdf> uploadCdf(RunFolder run) {
        ResultTable rounds = run.rounds();
        if (run.clients().isEmpty() || !rounds.has(RoundsTable.ROUND, RoundsTable.SIM_TIME_S, RoundsTable.ROUND_LATENCY_S)) {
            return Optional.empty();
        }
        ResultTable clients = run.clients().get();
        if (!clients.has(ClientsTable.ROUND, ClientsTable.UPLOAD_END_S, ClientsTable.OUTCOME)) {
            return Optional.empty();
        }
        Map<Double, Double> startByRound = new HashMap<>();
        for (int r = 0; r < rounds.size(); r++) {
            startByRound.put(rounds.number(r, RoundsTable.ROUND),
                    rounds.number(r, RoundsTable.SIM_TIME_S) - rounds.number(r, RoundsTable.ROUND_LATENCY_S));
        }
        // one curve per protocol when clients.csv says which protocol each client used
        Map<String, List<Double>> byProtocol = new TreeMap<>();
        boolean split = clients.has(ClientsTable.PROTOCOL);
        for (int c = 0; c < clients.size(); c++) {
            Double startS = startByRound.get(clients.number(c, ClientsTable.ROUND));
            double endS = clients.number(c, ClientsTable.UPLOAD_END_S);
            if (startS != null && Double.isFinite(endS)
                    && clients.label(c, ClientsTable.OUTCOME, ClientOutcome.class) == ClientOutcome.OK) {
                String group = split && !clients.text(c, ClientsTable.PROTOCOL).isEmpty()
                        ? clients.text(c, ClientsTable.PROTOCOL) : "";
                byProtocol.computeIfAbsent(group, g -> new ArrayList<>()).add(Math.max(0, endS - startS));
            }
        }
        if (byProtocol.isEmpty()) {
            return Optional.empty();
        }
        double longest = byProtocol.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(0);
        AxisUnit time = AxisUnit.forDurationS(longest);
        XYSeriesCollection curves = new XYSeriesCollection();
        for (Map.Entry<String, List<Double>> e : byProtocol.entrySet()) {
            double[] sorted = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            String name = byProtocol.size() == 1 && e.getKey().isEmpty() || byProtocol.size() == 1
                    ? "Client uploads" : "Client uploads, " + (e.getKey().isEmpty() ? "unknown" : label(e.getKey()));
            XYSeries cdf = new XYSeries(name, true, true);
            cdf.add(time.of(sorted[0]), 0.0, false);
            for (int i = 0; i < sorted.length; i++) {
                // Equal times make one vertical step: keep the highest share only.
                if (i + 1 < sorted.length && sorted[i + 1] == sorted[i]) {
                    continue;
                }
                cdf.add(time.of(sorted[i]), 100.0 * (i + 1) / sorted.length, false);
            }
            curves.addSeries(DeviceQuantiles.bounded(cdf));
        }
        return Optional.of(new UploadCdf(time, curves));
    }

    /**
     * @param run the run
     * @return the share per round, or empty without the needed {@code clients.csv} columns
     */
    public static Optional<DutyCycleShare> dutyCycleShare(RunFolder run) {
        if (run.clients().isEmpty() || !run.clients().get().has(ClientsTable.ROUND, ClientsTable.UPLOAD_START_S,
                ClientsTable.UPLOAD_END_S, ClientsTable.DUTY_CYCLE_WAIT_S)) {
            return Optional.empty();
        }
        ResultTable clients = run.clients().get();
        TreeMap<Double, double[]> byRound = new TreeMap<>();
        for (int c = 0; c < clients.size(); c++) {
            double uploadS = clients.number(c, ClientsTable.UPLOAD_END_S) - clients.number(c, ClientsTable.UPLOAD_START_S);
            double waitS = clients.number(c, ClientsTable.DUTY_CYCLE_WAIT_S);
            if (Double.isFinite(uploadS) && Double.isFinite(waitS)) {
                double[] sums = byRound.computeIfAbsent(clients.number(c, ClientsTable.ROUND), r -> new double[2]);
                sums[0] += waitS;
                sums[1] += uploadS;
            }
        }
        XYSeries share = new XYSeries("Duty-cycle waiting", true, false);
        byRound.forEach((round, sums) -> share.add(round.doubleValue(), sums[1] > 0 ? 100 * sums[0] / sums[1] : 0));
        if (share.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DutyCycleShare(new XYSeriesCollection(share)));
    }

    /**
     * @param run the run
     * @return the timeline, or empty without frames
     */
    public static Optional<Timeline> timeline(RunFolder run) {
        if (run.transmissions().isEmpty() || !run.transmissions().get().has(TransmissionsTable.DEVICE,
                TransmissionsTable.START_S, TransmissionsTable.END_S, TransmissionsTable.DIRECTION,
                TransmissionsTable.OUTCOME)) {
            return Optional.empty();
        }
        ResultTable frames = run.transmissions().get();
        if (frames.size() == 0) {
            return Optional.empty();
        }
        double firstS = Double.POSITIVE_INFINITY;
        double[] airtimes = new double[frames.size()];
        TreeSet<String> all = new TreeSet<>(RunDatasets::compareNatural);
        for (int i = 0; i < frames.size(); i++) {
            firstS = Math.min(firstS, frames.number(i, TransmissionsTable.START_S));
            airtimes[i] = frames.number(i, TransmissionsTable.END_S) - frames.number(i, TransmissionsTable.START_S);
            all.add(frames.text(i, TransmissionsTable.DEVICE));
        }
        Arrays.sort(airtimes);
        double lastS = firstS + Math.max(EnergyDatasets.median(airtimes), 1e-3) * TIMELINE_WINDOW_AIRTIMES;
        ResultTable rounds = run.rounds();
        if (rounds.size() > 0 && rounds.has(RoundsTable.SIM_TIME_S, RoundsTable.ROUND_LATENCY_S)) {
            // The first round, from its start to its end, downlink included.
            firstS = rounds.number(0, RoundsTable.SIM_TIME_S) - rounds.number(0, RoundsTable.ROUND_LATENCY_S);
            lastS = rounds.number(0, RoundsTable.SIM_TIME_S);
        }
        List<String> devices = new ArrayList<>(all).subList(0, Math.min(all.size(), MAX_TIMELINE_DEVICES));
        AxisUnit time = AxisUnit.forDurationS(lastS);
        // per kind, per device row: the frames' [start, end] in the window
        List<List<List<double[]>>> bars = new ArrayList<>();
        for (int k = 0; k < FRAME_KINDS.size(); k++) {
            List<List<double[]>> rows = new ArrayList<>();
            devices.forEach(d -> rows.add(new ArrayList<>()));
            bars.add(rows);
        }
        for (int i = 0; i < frames.size(); i++) {
            double startS = frames.number(i, TransmissionsTable.START_S);
            int y = devices.indexOf(frames.text(i, TransmissionsTable.DEVICE));
            if (y < 0 || startS > lastS || frames.number(i, TransmissionsTable.END_S) < firstS) {
                continue;
            }
            double endS = Math.min(frames.number(i, TransmissionsTable.END_S), lastS);
            startS = Math.max(startS, firstS);
            int kind = switch (frames.label(i, TransmissionsTable.DIRECTION, Direction.class)) {
                case DOWNLINK -> DOWNLINK;
                case UPLINK -> uplinkKind(frames, i);
            };
            bars.get(kind).get(y).add(new double[] {startS, endS});
        }
        double gapS = (lastS - firstS) / TIMELINE_RESOLUTION;
        boolean merged = false;
        XYIntervalSeriesCollection collection = new XYIntervalSeriesCollection();
        for (int k = 0; k < FRAME_KINDS.size(); k++) {
            XYIntervalSeries series = new XYIntervalSeries(FRAME_KINDS.get(k), false, true);
            for (int y = 0; y < devices.size(); y++) {
                List<double[]> row = bars.get(k).get(y);
                row.sort(Comparator.comparingDouble((double[] b) -> b[0]));
                int n = 0;
                while (n < row.size()) {
                    double startS = row.get(n)[0];
                    double endS = Math.max(row.get(n)[1], startS + gapS);
                    int m = n + 1;
                    while (m < row.size() && row.get(m)[0] - endS < gapS) {
                        endS = Math.max(endS, Math.max(row.get(m)[1], row.get(m)[0] + gapS));
                        m++;
                    }
                    merged |= m > n + 1;
                    series.add(time.of(startS), time.of(startS), time.of(Math.min(endS, lastS)), y, y - 0.35, y + 0.35);
                    n = m;
                }
            }
            collection.addSeries(series);
        }
        return Optional.of(new Timeline(time, List.copyOf(devices), collection, firstS, lastS, merged ? gapS : 0));
    }

    /** The kind of {@link #FRAME_KINDS} of an uplink frame, by its outcome. */
    private static int uplinkKind(ResultTable frames, int row) {
        return switch (frames.label(row, TransmissionsTable.OUTCOME, FrameOutcome.class)) {
            case DELIVERED -> UPLINK_DELIVERED;
            case LATE, BELOW_SENSITIVITY, GATEWAY_TRANSMITTING, NO_DEMODULATOR, COLLISION, BATTERY_DEPLETED -> UPLINK_LOST;
            case RECEIVED -> throw frames.invalid(row, TransmissionsTable.OUTCOME.name(),
                    "a broadcast outcome on an uplink frame");
        };
    }
}
