package org.fedwan.results;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code rounds.csv}: one row per FL round. Accuracy and loss are empty in rounds without
 * evaluation ({@code eval_every}); the training columns whenever they are not measured
 * ({@code train_eval_samples: 0}). Readers treat an empty cell as "not measured".
 */
public final class RoundsTable {

    /** A round with the running totals up to and including it. */
    public record Row(RoundRecord round, double cumulativeEnergyJ, long cumulativeUplinkBytes) {
    }

    public static final Column<Row> ROUND = new Column<>("round", "", "round number, 1-based",
            (r, o) -> o.append(r.round().round()));
    public static final Column<Row> SIM_TIME_S = new Column<>("sim_time_s", "s", "simulated time at the round's end",
            (r, o) -> o.append(Formats.seconds(r.round().endUs())));
    public static final Column<Row> ACCURACY = new Column<>("accuracy", "",
            "test accuracy of the new global model (empty: not evaluated this round)",
            (r, o) -> o.append(Formats.fixed(r.round().accuracy(), 6)));
    public static final Column<Row> LOSS = new Column<>("loss", "", "mean test cross-entropy of the new global model",
            (r, o) -> o.append(Formats.fixed(r.round().loss(), 6)));
    public static final Column<Row> UPLINK_BYTES = new Column<>("uplink_bytes", "B",
            "bytes of the round's uplink frames on the air", (r, o) -> o.append(r.round().uplinkBytes()));
    public static final Column<Row> DOWNLINK_BYTES = new Column<>("downlink_bytes", "B",
            "bytes of the round's broadcast frames on the air, each frame counted once",
            (r, o) -> o.append(r.round().downlinkBytes()));
    public static final Column<Row> UPLINK_FRAMES = new Column<>("uplink_frames", "", "uplink frames sent in the round",
            (r, o) -> o.append(r.round().uplinkFrames()));
    public static final Column<Row> ENERGY_J = new Column<>("energy_j", "J",
            "all the energy devices spent in the round (the sum of its rows of energy.csv and of the energy_*_j columns)",
            (r, o) -> o.append(Formats.fixed(r.round().energyJ(), 9)));
    public static final Column<Row> ROUND_LATENCY_S = new Column<>("round_latency_s", "s",
            "from the round's start to the end of its broadcast", (r, o) -> o.append(Formats.seconds(r.round().latencyUs())));
    public static final Column<Row> CLIENTS_OK = new Column<>("clients_ok", "", "selected clients whose update arrived in time",
            (r, o) -> o.append(r.round().clientsOk()));
    public static final Column<Row> CLIENTS_DROPPED = new Column<>("clients_dropped", "",
            "selected clients whose update did not arrive in time", (r, o) -> o.append(r.round().clientsDropped()));
    public static final Column<Row> DOWNLINK_FRAMES = new Column<>("downlink_frames", "", "broadcast frames sent in the round",
            (r, o) -> o.append(r.round().downlinkFrames()));
    public static final Column<Row> UPDATE_BYTES = new Column<>("update_bytes", "B",
            "encoded update bytes that arrived in time", (r, o) -> o.append(r.round().updateBytes()));
    public static final Column<Row> DUTY_CYCLE_WAIT_S = new Column<>("duty_cycle_wait_s", "s",
            "time devices waited for their duty cycle in the round, summed over devices",
            (r, o) -> o.append(Formats.seconds(r.round().dutyCycleWaitUs())));
    public static final Column<Row> AGGREGATED_AT_S = new Column<>("aggregated_at_s", "s", "simulated time of the aggregation",
            (r, o) -> o.append(Formats.seconds(r.round().aggregatedAtUs())));
    public static final Column<Row> CUMULATIVE_ENERGY_J = new Column<>("cumulative_energy_j", "J",
            "energy_j summed up to this round", (r, o) -> o.append(Formats.fixed(r.cumulativeEnergyJ(), 9)));
    public static final Column<Row> CUMULATIVE_UPLINK_BYTES = new Column<>("cumulative_uplink_bytes", "B",
            "uplink_bytes summed up to this round", (r, o) -> o.append(r.cumulativeUplinkBytes()));
    public static final Column<Row> TRAIN_LOSS = new Column<>("train_loss", "",
            "mean training cross-entropy of the new global model on the training-evaluation subset (empty: not measured)",
            (r, o) -> o.append(Formats.fixed(r.round().trainLoss(), 6)));
    public static final Column<Row> TRAIN_ACCURACY = new Column<>("train_accuracy", "",
            "accuracy on the training-evaluation subset (empty: not measured)",
            (r, o) -> o.append(Formats.fixed(r.round().trainAccuracy(), 6)));
    public static final Column<Row> GRADIENT_NORM = new Column<>("gradient_norm", "",
            "L2 norm of the full gradient of the training loss on that subset (empty: not measured)",
            (r, o) -> o.append(Formats.fixed(r.round().gradientNorm(), 6)));
    public static final Column<Row> LATE_UPDATES = new Column<>("late_updates", "",
            "updates of earlier rounds that joined this round's aggregation", (r, o) -> o.append(r.round().lateUpdates()));
    public static final Column<Row> LOST_UPDATES = new Column<>("lost_updates", "",
            "selected clients whose update did not arrive in time, whatever the cause (the sum of the lost_* columns)",
            (r, o) -> o.append(r.round().lostUpdates()));

    /** Energy of the round in each state of the ledger, one column per state, in the states' order. */
    public static final List<Column<Row>> ENERGY_BY_STATE = energyByState();
    /** Updates lost to each cause, one column per cause, in the causes' order. */
    public static final List<Column<Row>> LOST_BY_CAUSE = lostByCause();

    public static final Table<Row> TABLE = new Table<>("rounds.csv", "one row per FL round", columns());

    private RoundsTable() {
    }

    private static List<Column<Row>> columns() {
        List<Column<Row>> c = new ArrayList<>(List.of(ROUND, SIM_TIME_S, ACCURACY, LOSS, UPLINK_BYTES, DOWNLINK_BYTES,
                UPLINK_FRAMES, ENERGY_J, ROUND_LATENCY_S, CLIENTS_OK, CLIENTS_DROPPED, DOWNLINK_FRAMES, UPDATE_BYTES,
                DUTY_CYCLE_WAIT_S, AGGREGATED_AT_S, CUMULATIVE_ENERGY_J, CUMULATIVE_UPLINK_BYTES, TRAIN_LOSS, TRAIN_ACCURACY,
                GRADIENT_NORM, LATE_UPDATES));
        c.addAll(ENERGY_BY_STATE);
        c.add(LOST_UPDATES);
        c.addAll(LOST_BY_CAUSE);
        return c;
    }

    /** The column of the round's energy in state {@code s}, e.g. {@code energy_tx_j}. */
    public static String energyColumn(EnergyState s) {
        return "energy_" + s.label() + "_j";
    }

    /** The column of the updates lost to {@code cause}, e.g. {@code lost_no_demodulator}. */
    public static String lostColumn(LossCause cause) {
        return "lost_" + cause.label().replace('-', '_');
    }

    private static List<Column<Row>> energyByState() {
        List<Column<Row>> c = new ArrayList<>();
        for (EnergyState s : EnergyState.values()) {
            c.add(new Column<>(energyColumn(s), "J", "energy of the round in state " + s.label() + ", all devices",
                    (r, o) -> o.append(Formats.fixed(r.round().energy().get(s), 9))));
        }
        return List.copyOf(c);
    }

    private static List<Column<Row>> lostByCause() {
        List<Column<Row>> c = new ArrayList<>();
        for (LossCause cause : LossCause.values()) {
            c.add(new Column<>(lostColumn(cause), "", "selected clients whose update did not arrive in time: " + cause.label(),
                    (r, o) -> o.append(r.round().lost(cause))));
        }
        return List.copyOf(c);
    }
}
