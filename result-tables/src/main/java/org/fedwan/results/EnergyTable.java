package org.fedwan.results;

import java.util.List;

/**
 * {@code energy.csv}: the energy ledger. Every joule every device spends is in one row: per round,
 * device and state (radio states, MCU training, MCU other), plus one row per client's training.
 * The rows of a round add up to that round's {@code energy_j} in {@code rounds.csv}, the rows of a
 * device to its {@code total_j} in {@code devices.csv}.
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
    public static final Column<EnergyRecord> TX_POWER_DBM = new Column<>("tx_power_dbm", "dBm",
            "transmit power of a tx row (empty for the other states)", (e, o) -> o.append(Formats.fixed(e.txPowerDbm(), 1)));

    public static final Table<EnergyRecord> TABLE = new Table<>("energy.csv",
            "the energy ledger: per round, device and state",
            List.of(ROUND, DEVICE, STATE, START_S, END_S, ENERGY_J, TX_POWER_DBM));

    private EnergyTable() {
    }
}
