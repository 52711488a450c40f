package org.fedwan.plots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result tables of one simulation run, as parsed from {@value #ROUNDS_FILE} and
 * {@value #TRANSMISSIONS_FILE}. This is all the plots module knows about a run.
 *
 * <p>Columns are read by header name; columns not listed here are ignored, so tables written by
 * later simulator versions with extra columns still read. Rows keep file order; rounds must be
 * strictly increasing.
 *
 * <p>An empty {@code accuracy} or {@code loss} cell means the global model was not evaluated in
 * that round (scenario key {@code eval_every} above 1; the last round is always evaluated) and is
 * read as {@link Double#NaN}. The optional columns {@link #TRAINING_COLUMNS}, which older folders
 * lack, are read the same way: NaN when absent or empty ("not measured").
 *
 * @param rounds one entry per federated-learning round, in increasing round order
 * @param transmissions one entry per radio frame, in file order
 */
public record RunTables(List<Round> rounds, List<Transmission> transmissions) {

    /** File name of the per-round table inside a results directory. */
    public static final String ROUNDS_FILE = "rounds.csv";
    /** File name of the per-frame table inside a results directory. */
    public static final String TRANSMISSIONS_FILE = "transmissions.csv";

    static final List<String> ROUND_COLUMNS = List.of("round", "sim_time_s", "accuracy", "loss",
            "uplink_bytes", "downlink_bytes", "uplink_frames", "energy_j", "round_latency_s",
            "clients_ok", "clients_dropped");
    /**
     * Optional columns at the end of {@value #ROUNDS_FILE}: loss and accuracy of the global model on a
     * fixed subset of the training set, and the L2 norm of the full gradient on that subset.
     */
    static final List<String> TRAINING_COLUMNS = List.of("train_loss", "train_accuracy", "gradient_norm");
    static final List<String> TRANSMISSION_COLUMNS =
            List.of("device", "start_s", "end_s", "bytes", "airtime_ms", "energy_j", "outcome");

    /**
     * Validates and copies the tables.
     *
     * @throws IllegalArgumentException if round numbers are not strictly increasing
     */
    public RunTables {
        rounds = List.copyOf(rounds);
        transmissions = List.copyOf(transmissions);
        for (int i = 1; i < rounds.size(); i++) {
            if (rounds.get(i).round() <= rounds.get(i - 1).round()) {
                throw new IllegalArgumentException("round must be strictly increasing, got "
                        + rounds.get(i).round() + " after " + rounds.get(i - 1).round());
            }
        }
    }

    /**
     * Reads {@value #ROUNDS_FILE} and {@value #TRANSMISSIONS_FILE} from a results directory.
     *
     * @param dir the results directory of one run
     * @return the parsed tables
     * @throws IllegalArgumentException if a file or column is missing or a value is malformed or
     *     out of range; the message names the file, the line, the column and the value
     */
    public static RunTables read(Path dir) {
        return new RunTables(readRounds(dir.resolve(ROUNDS_FILE)),
                readTransmissions(dir.resolve(TRANSMISSIONS_FILE)));
    }

    /**
     * Reads {@value #ROUNDS_FILE} and, if present, {@value #TRANSMISSIONS_FILE} (else no frames),
     * for figures that need only the rounds.
     *
     * @param dir the results directory of one run
     * @return the parsed tables
     */
    static RunTables readLenient(Path dir) {
        Path transmissions = dir.resolve(TRANSMISSIONS_FILE);
        return new RunTables(readRounds(dir.resolve(ROUNDS_FILE)),
                java.nio.file.Files.isRegularFile(transmissions) ? readTransmissions(transmissions) : List.of());
    }

    private static List<Round> readRounds(Path file) {
        List<Round> rounds = new ArrayList<>();
        CsvReader.forEachRow(file, ROUND_COLUMNS, row -> {
            Round round;
            try {
                round = new Round(
                        row.intValue("round"),
                        row.number("sim_time_s"),
                        row.optionalNumber("accuracy"),
                        row.optionalNumber("loss"),
                        row.integer("uplink_bytes"),
                        row.integer("downlink_bytes"),
                        row.integer("uplink_frames"),
                        row.number("energy_j"),
                        row.number("round_latency_s"),
                        row.intValue("clients_ok"),
                        row.intValue("clients_dropped"),
                        optional(row, "train_loss"),
                        optional(row, "train_accuracy"),
                        optional(row, "gradient_norm"));
            } catch (InvalidValueException e) {
                throw row.invalid(e.column(), e.problem());
            }
            if (!rounds.isEmpty() && round.round() <= rounds.get(rounds.size() - 1).round()) {
                throw row.invalid("round", "expected rounds in strictly increasing order after round "
                        + rounds.get(rounds.size() - 1).round());
            }
            rounds.add(round);
        });
        return rounds;
    }

    /** A column later versions added: NaN when the header lacks it or the cell is empty. */
    private static double optional(CsvReader.Row row, String column) {
        return row.has(column) ? row.optionalNumber(column) : Double.NaN;
    }

    private static List<Transmission> readTransmissions(Path file) {
        List<Transmission> transmissions = new ArrayList<>();
        CsvReader.forEachRow(file, TRANSMISSION_COLUMNS, row -> {
            try {
                transmissions.add(new Transmission(
                        row.text("device"),
                        row.number("start_s"),
                        row.number("end_s"),
                        row.integer("bytes"),
                        row.number("airtime_ms"),
                        row.number("energy_j"),
                        row.text("outcome")));
            } catch (InvalidValueException e) {
                throw row.invalid(e.column(), e.problem());
            }
        });
        return transmissions;
    }

    /**
     * The simulated time at which the run ends: the later of the last round's end and the last
     * frame's end, or 0 for an empty run.
     *
     * @return end of the run in seconds of simulated time
     */
    public double runEndS() {
        double endS = 0;
        for (Round round : rounds) {
            endS = Math.max(endS, round.simTimeS());
        }
        for (Transmission transmission : transmissions) {
            endS = Math.max(endS, transmission.endS());
        }
        return endS;
    }

    /**
     * One row of {@value #ROUNDS_FILE}. Messages of the checks use the table's column names. A
     * quantity that was not measured in the round (an empty cell, or a column the file lacks) is
     * {@link Double#NaN}.
     *
     * @param round 1-based round number
     * @param simTimeS simulated time at the end of the round, s
     * @param accuracy test accuracy after the round, as a fraction in [0, 1]; NaN when the round
     *     was not evaluated
     * @param loss test loss after the round; NaN when the round was not evaluated
     * @param uplinkBytes PHY bytes sent uplink in this round
     * @param downlinkBytes PHY bytes sent downlink in this round
     * @param uplinkFrames uplink frames sent in this round
     * @param energyJ radio energy of this round summed over devices, J
     * @param roundLatencyS duration of this round, s
     * @param clientsOk clients whose update reached the server in this round
     * @param clientsDropped clients dropped from this round
     * @param trainLoss loss of the global model on the fixed training subset; NaN if not measured
     * @param trainAccuracy accuracy on that subset, a fraction in [0, 1]; NaN if not measured
     * @param gradientNorm L2 norm of the full gradient on that subset, >= 0; NaN if not measured
     */
    public record Round(int round, double simTimeS, double accuracy, double loss, long uplinkBytes,
                        long downlinkBytes, long uplinkFrames, double energyJ, double roundLatencyS,
                        int clientsOk, int clientsDropped, double trainLoss, double trainAccuracy,
                        double gradientNorm) {

        /** @throws IllegalArgumentException if a value is out of its range */
        public Round {
            if (round < 1) {
                throw new InvalidValueException("round", "must be >= 1", round);
            }
            requireFiniteOrNotMeasured("loss", loss);
            requireNonNegative("sim_time_s", simTimeS);
            requireFractionOrNotMeasured("accuracy", accuracy);
            requireNonNegative("uplink_bytes", uplinkBytes);
            requireNonNegative("downlink_bytes", downlinkBytes);
            requireNonNegative("uplink_frames", uplinkFrames);
            requireNonNegative("energy_j", energyJ);
            requireNonNegative("round_latency_s", roundLatencyS);
            requireNonNegative("clients_ok", clientsOk);
            requireNonNegative("clients_dropped", clientsDropped);
            requireFiniteOrNotMeasured("train_loss", trainLoss);
            requireFractionOrNotMeasured("train_accuracy", trainAccuracy);
            if (!Double.isNaN(gradientNorm)) {
                requireNonNegative("gradient_norm", gradientNorm);
            }
        }

        /**
         * A round of a table without the training columns.
         *
         * @param round 1-based round number
         * @param simTimeS simulated time at the end of the round, s
         * @param accuracy test accuracy, a fraction; NaN when not evaluated
         * @param loss test loss; NaN when not evaluated
         * @param uplinkBytes PHY bytes sent uplink in this round
         * @param downlinkBytes PHY bytes sent downlink in this round
         * @param uplinkFrames uplink frames sent in this round
         * @param energyJ radio energy of this round summed over devices, J
         * @param roundLatencyS duration of this round, s
         * @param clientsOk clients whose update reached the server in this round
         * @param clientsDropped clients dropped from this round
         */
        public Round(int round, double simTimeS, double accuracy, double loss, long uplinkBytes,
                     long downlinkBytes, long uplinkFrames, double energyJ, double roundLatencyS,
                     int clientsOk, int clientsDropped) {
            this(round, simTimeS, accuracy, loss, uplinkBytes, downlinkBytes, uplinkFrames, energyJ,
                    roundLatencyS, clientsOk, clientsDropped, Double.NaN, Double.NaN, Double.NaN);
        }

        /** @return whether the global model was evaluated on the test set after this round */
        public boolean evaluated() {
            return !Double.isNaN(accuracy);
        }
    }

    /**
     * One row of {@value #TRANSMISSIONS_FILE}: one radio frame. Messages of the checks use the
     * table's column names.
     *
     * @param device id of the device the frame belongs to (sender uplink, receiver downlink)
     * @param startS simulated start time, s
     * @param endS simulated end time, s
     * @param bytes PHY bytes of the frame
     * @param airtimeMs time on air, ms
     * @param energyJ the device's radio energy for this frame, J
     * @param outcome {@code delivered}, {@code lost}, {@code downlink}, ...
     */
    public record Transmission(String device, double startS, double endS, long bytes, double airtimeMs,
                               double energyJ, String outcome) {

        /** @throws IllegalArgumentException if a value is out of its range */
        public Transmission {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(outcome, "outcome");
            if (device.isEmpty()) {
                throw new InvalidValueException("device", "must not be empty", "''");
            }
            if (outcome.isEmpty()) {
                throw new InvalidValueException("outcome", "must not be empty", "''");
            }
            requireNonNegative("start_s", startS);
            requireNonNegative("end_s", endS);
            if (endS < startS) {
                throw new InvalidValueException("end_s", "must not precede start_s " + startS, endS);
            }
            requireNonNegative("bytes", bytes);
            requireNonNegative("airtime_ms", airtimeMs);
            requireNonNegative("energy_j", energyJ);
        }
    }

    private static void requireNonNegative(String column, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidValueException(column, "must be a finite number >= 0", value);
        }
    }

    private static void requireNonNegative(String column, long value) {
        if (value < 0) {
            throw new InvalidValueException(column, "must be >= 0", value);
        }
    }

    private static void requireFiniteOrNotMeasured(String column, double value) {
        if (Double.isInfinite(value)) {
            throw new InvalidValueException(column, "must be finite, or empty when not measured", value);
        }
    }

    private static void requireFractionOrNotMeasured(String column, double value) {
        if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
            throw new InvalidValueException(column, "must be a fraction in [0, 1], or empty when not measured", value);
        }
    }
}
