package org.fedwan.plots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
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
     * Frames of each device during the first round (start to end, downlink included; the
     * {@code compute} and NB-IoT {@code energy} rows of {@code transmissions.csv} are not frames
     * and are left out), or without
     * round times a window from the first frame {@value #TIMELINE_WINDOW_AIRTIMES} median airtimes
     * long, for at most {@value #MAX_TIMELINE_DEVICES} devices (the first in natural order). Frames
     * are clipped to the window.
     *
     * @param time unit of the x values
     * @param devices device ids; device {@code i} is drawn at y = i
     * @param frames one series per kind of {@link #FRAME_KINDS}: x start to end, y i +- 0.35
     * @param windowStartS start of the window, s
     * @param windowEndS end of the window, s
     */
    public record Timeline(AxisUnit time, List<String> devices, XYIntervalSeriesCollection frames,
                           double windowStartS, double windowEndS) {
    }

    /**
     * @param run the run
     * @return the parts of each round, or empty without {@code clients.csv} or
     *     {@code aggregated_at_s}
     */
    public static Optional<LatencyBreakdown> latencyBreakdown(RunFolder run) {
        ResultTable rounds = run.rounds();
        if (run.clients().isEmpty() || !rounds.has("round", "sim_time_s", "round_latency_s", "aggregated_at_s")) {
            return Optional.empty();
        }
        ResultTable clients = run.clients().get();
        if (!clients.has("round", "compute_end_s", "upload_end_s", "airtime_s", "outcome")) {
            return Optional.empty();
        }
        double maxLatencyS = 0;
        for (int r = 0; r < rounds.size(); r++) {
            maxLatencyS = Math.max(maxLatencyS, rounds.number(r, "round_latency_s"));
        }
        AxisUnit time = AxisUnit.forDurationS(maxLatencyS);
        List<XYSeries> parts = new ArrayList<>();
        for (String part : LATENCY_PARTS) {
            parts.add(new XYSeries(part, true, false));
        }
        for (int r = 0; r < rounds.size(); r++) {
            double round = rounds.number(r, "round");
            double endS = rounds.number(r, "sim_time_s");
            double startS = endS - rounds.number(r, "round_latency_s");
            double aggregatedS = rounds.number(r, "aggregated_at_s");
            double uplinkS = Math.max(0, aggregatedS - startS);
            int last = -1;
            boolean lastOk = false;
            for (int c = 0; c < clients.size(); c++) {
                if (clients.number(c, "round") != round || !Double.isFinite(clients.number(c, "upload_end_s"))) {
                    continue;
                }
                boolean ok = "ok".equals(clients.text(c, "outcome"));
                if (last < 0 || (ok && !lastOk)
                        || (ok == lastOk && clients.number(c, "upload_end_s") > clients.number(last, "upload_end_s"))) {
                    last = c;
                    lastOk = ok;
                }
            }
            double computeS = 0;
            double airtimeS = 0;
            if (last >= 0) {
                computeS = clamp(clients.number(last, "compute_end_s") - startS, uplinkS);
                airtimeS = clamp(clients.number(last, "airtime_s"), uplinkS - computeS);
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

    /**
     * @param run the run
     * @return the CDF, or empty without {@code clients.csv} or without any completed upload
     */
    /** Display name of a protocol id. */
    static String label(String protocol) {
        return switch (protocol) {
            case "lorawan" -> "LoRaWAN";
            case "nbiot" -> "NB-IoT";
            default -> protocol;
        };
    }

    public static Optional<UploadCdf> uploadCdf(RunFolder run) {
        ResultTable rounds = run.rounds();
        if (run.clients().isEmpty() || !rounds.has("round", "sim_time_s", "round_latency_s")) {
            return Optional.empty();
        }
        ResultTable clients = run.clients().get();
        if (!clients.has("round", "upload_end_s", "outcome")) {
            return Optional.empty();
        }
        java.util.Map<Double, Double> startByRound = new java.util.HashMap<>();
        for (int r = 0; r < rounds.size(); r++) {
            startByRound.put(rounds.number(r, "round"),
                    rounds.number(r, "sim_time_s") - rounds.number(r, "round_latency_s"));
        }
        // one curve per protocol when clients.csv says which protocol each client used
        java.util.Map<String, List<Double>> byProtocol = new java.util.TreeMap<>();
        boolean split = clients.has("protocol");
        for (int c = 0; c < clients.size(); c++) {
            Double startS = startByRound.get(clients.number(c, "round"));
            double endS = clients.number(c, "upload_end_s");
            if (startS != null && Double.isFinite(endS) && "ok".equals(clients.text(c, "outcome"))) {
                String group = split && !clients.text(c, "protocol").isEmpty() ? clients.text(c, "protocol") : "";
                byProtocol.computeIfAbsent(group, g -> new ArrayList<>()).add(Math.max(0, endS - startS));
            }
        }
        if (byProtocol.isEmpty()) {
            return Optional.empty();
        }
        double longest = byProtocol.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(0);
        AxisUnit time = AxisUnit.forDurationS(longest);
        XYSeriesCollection curves = new XYSeriesCollection();
        for (java.util.Map.Entry<String, List<Double>> e : byProtocol.entrySet()) {
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
            curves.addSeries(cdf);
        }
        return Optional.of(new UploadCdf(time, curves));
    }

    /**
     * @param run the run
     * @return the share per round, or empty without the needed {@code clients.csv} columns
     */
    public static Optional<DutyCycleShare> dutyCycleShare(RunFolder run) {
        if (run.clients().isEmpty()
                || !run.clients().get().has("round", "upload_start_s", "upload_end_s", "duty_cycle_wait_s")) {
            return Optional.empty();
        }
        ResultTable clients = run.clients().get();
        java.util.TreeMap<Double, double[]> byRound = new java.util.TreeMap<>();
        for (int c = 0; c < clients.size(); c++) {
            double uploadS = clients.number(c, "upload_end_s") - clients.number(c, "upload_start_s");
            double waitS = clients.number(c, "duty_cycle_wait_s");
            if (Double.isFinite(uploadS) && Double.isFinite(waitS)) {
                double[] sums = byRound.computeIfAbsent(clients.number(c, "round"), r -> new double[2]);
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
        if (run.transmissions().isEmpty() || !run.transmissions().get().has("device", "start_s", "end_s")) {
            return Optional.empty();
        }
        ResultTable frames = run.transmissions().get();
        if (frames.size() == 0) {
            return Optional.empty();
        }
        double firstS = Double.POSITIVE_INFINITY;
        double[] airtimes = new double[frames.size()];
        int frameCount = 0;
        TreeSet<String> all = new TreeSet<>(RunDatasets::compareNatural);
        for (int i = 0; i < frames.size(); i++) {
            if (!EnergyDatasets.isFrame(frames, i)) {
                continue;
            }
            firstS = Math.min(firstS, frames.number(i, "start_s"));
            airtimes[frameCount++] = frames.number(i, "end_s") - frames.number(i, "start_s");
            all.add(frames.text(i, "device"));
        }
        if (frameCount == 0) {
            return Optional.empty();
        }
        airtimes = Arrays.copyOf(airtimes, frameCount);
        Arrays.sort(airtimes);
        double lastS = firstS + Math.max(EnergyDatasets.median(airtimes), 1e-3) * TIMELINE_WINDOW_AIRTIMES;
        ResultTable rounds = run.rounds();
        if (rounds.size() > 0 && rounds.has("sim_time_s", "round_latency_s")) {
            // The first round, from its start to its end, downlink included.
            firstS = rounds.number(0, "sim_time_s") - rounds.number(0, "round_latency_s");
            lastS = rounds.number(0, "sim_time_s");
        }
        List<String> devices = new ArrayList<>(all).subList(0, Math.min(all.size(), MAX_TIMELINE_DEVICES));
        AxisUnit time = AxisUnit.forDurationS(lastS);
        List<XYIntervalSeries> kinds = new ArrayList<>();
        for (String kind : FRAME_KINDS) {
            kinds.add(new XYIntervalSeries(kind, false, true));
        }
        for (int i = 0; i < frames.size(); i++) {
            double startS = frames.number(i, "start_s");
            int y = devices.indexOf(frames.text(i, "device"));
            if (y < 0 || !EnergyDatasets.isFrame(frames, i) || startS > lastS || frames.number(i, "end_s") < firstS) {
                continue;
            }
            double endS = Math.min(frames.number(i, "end_s"), lastS);
            startS = Math.max(startS, firstS);
            int kind = EnergyDatasets.isDownlink(frames, i) ? 2
                    : frames.has("outcome") && "lost".equals(frames.text(i, "outcome")) ? 1 : 0;
            kinds.get(kind).add(time.of(startS), time.of(startS), time.of(endS), y, y - 0.35, y + 0.35);
        }
        XYIntervalSeriesCollection collection = new XYIntervalSeriesCollection();
        kinds.forEach(collection::addSeries);
        return Optional.of(new Timeline(time, List.copyOf(devices), collection, firstS, lastS));
    }
}
