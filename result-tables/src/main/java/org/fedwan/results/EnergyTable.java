package org.fedwan.results;

import java.util.List;

/**
 * {@code energy.csv}: energy spent in one state over an interval, outside radio frames: local
 * training (one row per client and round) and the power states of radios that report them
 * interval by interval (NB-IoT).
 */
public final class EnergyTable {

    public static final Column<EnergyRecord> ROUND = new Column<>("round", "", "FL round the interval belongs to",
            (e, o) -> o.append(e.round()));
    public static final Column<EnergyRecord> DEVICE = new Column<>("device", "", "device id, e.g. dev-3",
            (e, o) -> o.append(e.device()));
    public static final Column<EnergyRecord> STATE = new Column<>("state", "",
            String.join(", ", Labeled.labels(EnergyState.class)), (e, o) -> o.append(e.state().label()));
    public static final Column<EnergyRecord> START_S = new Column<>("start_s", "s", "start of the interval",
            (e, o) -> o.append(Formats.seconds(e.startUs())));
    public static final Column<EnergyRecord> END_S = new Column<>("end_s", "s", "end of the interval",
            (e, o) -> o.append(Formats.seconds(e.endUs())));
    public static final Column<EnergyRecord> ENERGY_J = new Column<>("energy_j", "J", "energy spent",
            (e, o) -> o.append(Formats.fixed(e.energyJ(), 9)));

    public static final Table<EnergyRecord> TABLE = new Table<>("energy.csv",
            "energy spent in one state over an interval, outside radio frames",
            List.of(ROUND, DEVICE, STATE, START_S, END_S, ENERGY_J));

    private EnergyTable() {
    }
}
