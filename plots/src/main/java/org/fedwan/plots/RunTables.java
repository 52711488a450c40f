package org.fedwan.plots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fedwan.results.Column;
import org.fedwan.results.EnergyRecord;
import org.fedwan.results.EnergyState;
import org.fedwan.results.EnergyTable;
import org.fedwan.results.FrameOutcome;
import org.fedwan.results.FrameRecord;
import org.fedwan.results.ResultTable;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.TransmissionsTable;

/**
 * The result tables of one simulation run, as parsed from {@code rounds.csv},
 * {@code transmissions.csv} and, when present, {@code energy.csv} (columns of
 * {@link RoundsTable}, {@link TransmissionsTable} and {@link EnergyTable}).
 *
 * <p>Columns are read by header name; columns not listed here are ignored, so tables written by
 * later simulator versions with extra columns still read. Rows keep file order; rounds must be
 * strictly increasing. Labels are parsed into their enums and an unknown label is an error.
 *
 * <p>An empty {@code accuracy} or {@code loss} cell means the global model was not evaluated in
 * that round (scenario key {@code eval_every} above 1; the last round is always evaluated) and is
 * read as {@link Double#NaN}. The optional columns {@link #TRAINING_COLUMNS}, which older folders
 * lack, are read the same way: NaN when absent or empty ("not measured"). Folders written before
 * {@code energy.csv} existed have no energy rows.
 *
 * @param rounds one entry per federated-learning round, in increasing round order
 * @param transmissions one entry per radio frame, in file order
 * @param energy one entry per row of {@code energy.csv} (training, radio power states), in file order
 */
public record RunTables(List<Round> rounds, List<Transmission> transmissions, List<EnergyInterval> energy) {

    static final List<Column<RoundsTable.Row>> ROUND_COLUMNS = List.of(RoundsTable.ROUND, RoundsTable.SIM_TIME_S,
            RoundsTable.ACCURACY, RoundsTable.LOSS, RoundsTable.UPLINK_BYTES, RoundsTable.DOWNLINK_BYTES,
            RoundsTable.UPLINK_FRAMES, RoundsTable.ENERGY_J, RoundsTable.ROUND_LATENCY_S, RoundsTable.CLIENTS_OK,
            RoundsTable.CLIENTS_DROPPED);
    /**
     * Optional columns at the end of {@code rounds.csv}: loss and accuracy of the global model on a
     * fixed subset of the training set, and the L2 norm of the full gradient on that subset.
     */
    static final List<Column<RoundsTable.Row>> TRAINING_COLUMNS = List.of(RoundsTable.TRAIN_LOSS,
            RoundsTable.TRAIN_ACCURACY, RoundsTable.GRADIENT_NORM);
    static final List<Column<FrameRecord>> TRANSMISSION_COLUMNS = List.of(TransmissionsTable.DEVICE,
            TransmissionsTable.START_S, TransmissionsTable.END_S, TransmissionsTable.BYTES, TransmissionsTable.AIRTIME_MS,
            TransmissionsTable.ENERGY_J, TransmissionsTable.OUTCOME);
    static final List<Column<EnergyRecord>> ENERGY_COLUMNS = List.of(EnergyTable.DEVICE, EnergyTable.STATE,
            EnergyTable.START_S, EnergyTable.END_S, EnergyTable.ENERGY_J);

    /**
     * Validates and copies the tables.
     *
     * @throws IllegalArgumentException if round numbers are not strictly increasing
     */
    public RunTables {
        rounds = List.copyOf(rounds);
        transmissions = List.copyOf(transmissions);
        energy = List.copyOf(energy);
        for (int i = 1; i < rounds.size(); i++) {
            if (rounds.get(i).round() <= rounds.get(i - 1).round()) {
                throw new IllegalArgumentException(RoundsTable.ROUND.name() + " must be strictly increasing, got "
                        + rounds.get(i).round() + " after " + rounds.get(i - 1).round());
            }
        }
    }

    /**
     * Tables without energy rows.
     *
     * @param rounds one entry per round, in increasing round order
     * @param transmissions one entry per radio frame
     */
    public RunTables(List<Round> rounds, List<Transmission> transmissions) {
        this(rounds, transmissions, List.of());
    }

    /**
     * Reads {@code rounds.csv}, {@code transmissions.csv} and, if present, {@code energy.csv} from a
     * results directory.
     *
     * @param dir the results directory of one run
     * @return the parsed tables
     * @throws IllegalArgumentException if a file or column is missing or a value is malformed or
     *     out of range; the message names the file, the line, the column and the value
     */
    public static RunTables read(Path dir) {
        return new RunTables(readRounds(ResultTable.read(dir, RoundsTable.TABLE)),
                readTransmissions(ResultTable.read(dir, TransmissionsTable.TABLE)),
                ResultTable.readIfPresent(dir, EnergyTable.TABLE).map(RunTables::readEnergy).orElse(List.of()));
    }

    /**
     * Parses the tables of a run folder already read: {@code rounds.csv} and, if present,
     * {@code transmissions.csv} (else no frames) and {@code energy.csv} (else no energy rows), for
     * figures that need only the rounds.
     *
     * @param run the run folder
     * @return the parsed tables
     * @throws IllegalArgumentException as {@link #read}
     */
    static RunTables of(RunFolder run) {
        return new RunTables(readRounds(run.rounds()),
                run.transmissions().map(RunTables::readTransmissions).orElse(List.of()),
                run.energy().map(RunTables::readEnergy).orElse(List.of()));
    }

    private static List<Round> readRounds(ResultTable table) {
        table.require(ROUND_COLUMNS.toArray(new Column<?>[0]));
        List<Round> rounds = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            Round round;
            try {
                round = new Round(
                        table.intValue(row, RoundsTable.ROUND),
                        table.requiredNumber(row, RoundsTable.SIM_TIME_S),
                        table.number(row, RoundsTable.ACCURACY),
                        table.number(row, RoundsTable.LOSS),
                        table.integer(row, RoundsTable.UPLINK_BYTES),
                        table.integer(row, RoundsTable.DOWNLINK_BYTES),
                        table.integer(row, RoundsTable.UPLINK_FRAMES),
                        table.requiredNumber(row, RoundsTable.ENERGY_J),
                        table.requiredNumber(row, RoundsTable.ROUND_LATENCY_S),
                        table.intValue(row, RoundsTable.CLIENTS_OK),
                        table.intValue(row, RoundsTable.CLIENTS_DROPPED),
                        optional(table, row, RoundsTable.TRAIN_LOSS),
                        optional(table, row, RoundsTable.TRAIN_ACCURACY),
                        optional(table, row, RoundsTable.GRADIENT_NORM));
            } catch (InvalidValueException e) {
                throw table.invalid(row, e.column(), e.problem());
            }
            if (!rounds.isEmpty() && round.round() <= rounds.get(rounds.size() - 1).round()) {
                throw table.invalid(row, RoundsTable.ROUND.name(), "expected rounds in strictly increasing order after round "
                        + rounds.get(rounds.size() - 1).round());
            }
            rounds.add(round);
        }
        return rounds;
    }

    /** A column later versions added: NaN when the header lacks it or the cell is empty. */
    private static double optional(ResultTable table, int row, Column<?> column) {
        return table.has(column) ? table.number(row, column) : Double.NaN;
    }

    private static List<Transmission> readTransmissions(ResultTable table) {
        table.require(TRANSMISSION_COLUMNS.toArray(new Column<?>[0]));
        List<Transmission> transmissions = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            try {
                transmissions.add(new Transmission(
                        table.text(row, TransmissionsTable.DEVICE),
                        table.requiredNumber(row, TransmissionsTable.START_S),
                        table.requiredNumber(row, TransmissionsTable.END_S),
                        table.integer(row, TransmissionsTable.BYTES),
                        table.requiredNumber(row, TransmissionsTable.AIRTIME_MS),
                        table.requiredNumber(row, TransmissionsTable.ENERGY_J),
                        table.label(row, TransmissionsTable.OUTCOME, FrameOutcome.class)));
            } catch (InvalidValueException e) {
                throw table.invalid(row, e.column(), e.problem());
            }
        }
        return transmissions;
    }

    private static List<EnergyInterval> readEnergy(ResultTable table) {
        table.require(ENERGY_COLUMNS.toArray(new Column<?>[0]));
        List<EnergyInterval> energy = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            try {
                energy.add(new EnergyInterval(
                        table.text(row, EnergyTable.DEVICE),
                        table.label(row, EnergyTable.STATE, EnergyState.class),
                        table.requiredNumber(row, EnergyTable.START_S),
                        table.requiredNumber(row, EnergyTable.END_S),
                        table.requiredNumber(row, EnergyTable.ENERGY_J)));
            } catch (InvalidValueException e) {
                throw table.invalid(row, e.column(), e.problem());
            }
        }
        return energy;
    }

    /**
     * The simulated time at which the run ends: the latest of the last round's end, the last
     * frame's end and the last energy row's end, or 0 for an empty run.
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
        for (EnergyInterval interval : energy) {
            endS = Math.max(endS, interval.endS());
        }
        return endS;
    }

    /**
     * One row of {@code rounds.csv}. Messages of the checks use the table's column names. A
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
     * @param energyJ energy of this round summed over devices (its rows of transmissions.csv and energy.csv), J
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
                throw new InvalidValueException(RoundsTable.ROUND.name(), "must be >= 1", round);
            }
            requireFiniteOrNotMeasured(RoundsTable.LOSS, loss);
            requireNonNegative(RoundsTable.SIM_TIME_S, simTimeS);
            requireFractionOrNotMeasured(RoundsTable.ACCURACY, accuracy);
            requireNonNegative(RoundsTable.UPLINK_BYTES, uplinkBytes);
            requireNonNegative(RoundsTable.DOWNLINK_BYTES, downlinkBytes);
            requireNonNegative(RoundsTable.UPLINK_FRAMES, uplinkFrames);
            requireNonNegative(RoundsTable.ENERGY_J, energyJ);
            requireNonNegative(RoundsTable.ROUND_LATENCY_S, roundLatencyS);
            requireNonNegative(RoundsTable.CLIENTS_OK, clientsOk);
            requireNonNegative(RoundsTable.CLIENTS_DROPPED, clientsDropped);
            requireFiniteOrNotMeasured(RoundsTable.TRAIN_LOSS, trainLoss);
            requireFractionOrNotMeasured(RoundsTable.TRAIN_ACCURACY, trainAccuracy);
            if (!Double.isNaN(gradientNorm)) {
                requireNonNegative(RoundsTable.GRADIENT_NORM, gradientNorm);
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
         * @param energyJ energy of this round summed over devices (its rows of transmissions.csv and energy.csv), J
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
     * One row of {@code transmissions.csv}: one radio frame. Messages of the checks use the table's
     * column names.
     *
     * @param device id of the device the frame belongs to (sender uplink, receiver downlink)
     * @param startS simulated start time, s
     * @param endS simulated end time, s
     * @param bytes PHY bytes of the frame
     * @param airtimeMs time on air, ms
     * @param energyJ the device's radio energy for this frame, J
     * @param outcome what became of the frame
     */
    public record Transmission(String device, double startS, double endS, long bytes, double airtimeMs,
                               double energyJ, FrameOutcome outcome) {

        /** @throws IllegalArgumentException if a value is out of its range */
        public Transmission {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(outcome, "outcome");
            if (device.isEmpty()) {
                throw new InvalidValueException(TransmissionsTable.DEVICE.name(), "must not be empty", "''");
            }
            requireInterval(TransmissionsTable.START_S, startS, TransmissionsTable.END_S, endS);
            requireNonNegative(TransmissionsTable.BYTES, bytes);
            requireNonNegative(TransmissionsTable.AIRTIME_MS, airtimeMs);
            requireNonNegative(TransmissionsTable.ENERGY_J, energyJ);
        }
    }

    /**
     * One row of {@code energy.csv}: energy a device spent in one state (training, a radio power
     * state) over an interval. Messages of the checks use the table's column names.
     *
     * @param device id of the device
     * @param state the state
     * @param startS simulated start of the interval, s
     * @param endS simulated end of the interval, s
     * @param energyJ energy spent, J
     */
    public record EnergyInterval(String device, EnergyState state, double startS, double endS, double energyJ) {

        /** @throws IllegalArgumentException if a value is out of its range */
        public EnergyInterval {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(state, "state");
            if (device.isEmpty()) {
                throw new InvalidValueException(EnergyTable.DEVICE.name(), "must not be empty", "''");
            }
            requireInterval(EnergyTable.START_S, startS, EnergyTable.END_S, endS);
            requireNonNegative(EnergyTable.ENERGY_J, energyJ);
        }
    }

    private static void requireInterval(Column<?> start, double startS, Column<?> end, double endS) {
        requireNonNegative(start, startS);
        requireNonNegative(end, endS);
        if (endS < startS) {
            throw new InvalidValueException(end.name(), "must not precede " + start.name() + " " + startS, endS);
        }
    }

    private static void requireNonNegative(Column<?> column, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidValueException(column.name(), "must be a finite number >= 0", value);
        }
    }

    private static void requireNonNegative(Column<?> column, long value) {
        if (value < 0) {
            throw new InvalidValueException(column.name(), "must be >= 0", value);
        }
    }

    private static void requireFiniteOrNotMeasured(Column<?> column, double value) {
        if (Double.isInfinite(value)) {
            throw new InvalidValueException(column.name(), "must be finite, or empty when not measured", value);
        }
    }

    private static void requireFractionOrNotMeasured(Column<?> column, double value) {
        if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
            throw new InvalidValueException(column.name(), "must be a fraction in [0, 1], or empty when not measured", value);
        }
    }
}
