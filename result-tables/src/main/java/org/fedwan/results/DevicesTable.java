package org.fedwan.results;

import java.util.List;

/** {@code devices.csv}: one row per device at the end of the run, its energy by state of the ledger. */
public final class DevicesTable {

    public static final Column<DeviceRecord> DEVICE = new Column<>("device", "", "device id",
            (d, o) -> o.append(d.device()));
    public static final Column<DeviceRecord> DATA_RATE = new Column<>("data_rate", "",
            "uplink data rate index at the end of the run (-1: not LoRaWAN)", (d, o) -> o.append(d.dataRate()));
    public static final Column<DeviceRecord> TX_J = energy(EnergyState.TX, "tx_j");
    public static final Column<DeviceRecord> RX_J = energy(EnergyState.RX, "rx_j");
    public static final Column<DeviceRecord> LISTEN_J = energy(EnergyState.LISTEN, "listen_j");
    public static final Column<DeviceRecord> STANDBY_J = energy(EnergyState.STANDBY, "standby_j");
    public static final Column<DeviceRecord> SLEEP_J = energy(EnergyState.SLEEP, "sleep_j");
    public static final Column<DeviceRecord> MCU_TRAINING_J = energy(EnergyState.MCU_TRAINING, "mcu_training_j");
    public static final Column<DeviceRecord> MCU_OTHER_J = energy(EnergyState.MCU_OTHER, "mcu_other_j");
    public static final Column<DeviceRecord> TOTAL_J = new Column<>("total_j", "J",
            "energy over every state: the sum of the device's rows of energy.csv", (d, o) -> o.append(Formats.fixed(d.totalJ(), 9)));
    public static final Column<DeviceRecord> TX_S = new Column<>("tx_s", "s", "time transmitting",
            (d, o) -> o.append(Formats.seconds(d.txUs())));
    public static final Column<DeviceRecord> RX_S = new Column<>("rx_s", "s", "time receiving",
            (d, o) -> o.append(Formats.seconds(d.rxUs())));
    public static final Column<DeviceRecord> DUTY_CYCLE_WAIT_S = new Column<>("duty_cycle_wait_s", "s",
            "time waiting for the duty cycle", (d, o) -> o.append(Formats.seconds(d.dutyCycleWaitUs())));
    public static final Column<DeviceRecord> FAIR_USE_WAIT_S = new Column<>("fair_use_wait_s", "s",
            "time waiting for the daily fair-use budget", (d, o) -> o.append(Formats.seconds(d.fairUseWaitUs())));
    public static final Column<DeviceRecord> BATTERY_DEPLETED_S = new Column<>("battery_depleted_s", "s",
            "when the battery emptied (empty: it did not)", (d, o) -> o.append(Formats.optionalSeconds(d.depletedAtUs())));
    public static final Column<DeviceRecord> PROTOCOL = new Column<>("protocol", "", "the device's link protocol",
            (d, o) -> o.append(d.protocol()));

    public static final Table<DeviceRecord> TABLE = new Table<>("devices.csv", "one row per device at the end of the run",
            List.of(DEVICE, DATA_RATE, TX_J, RX_J, LISTEN_J, STANDBY_J, SLEEP_J, MCU_TRAINING_J, MCU_OTHER_J, TOTAL_J, TX_S, RX_S, DUTY_CYCLE_WAIT_S,
                    FAIR_USE_WAIT_S, BATTERY_DEPLETED_S, PROTOCOL));

    private DevicesTable() {
    }

    private static Column<DeviceRecord> energy(EnergyState state, String name) {
        return new Column<>(name, "J", "energy in state " + state.label() + " over the run",
                (d, o) -> o.append(Formats.fixed(d.energy().get(state), 9)));
    }
}
