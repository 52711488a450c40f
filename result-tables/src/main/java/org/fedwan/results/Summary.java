package org.fedwan.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@value #FILE}: one flat JSON object per run, the run's settings and totals, written in the
 * order of {@link #KEYS}. A quantity that is undefined for the run (a target accuracy never
 * reached) is written as {@code null}; readers take any value that is not a JSON number as
 * "not measured".
 */
public final class Summary {

    /** File name inside a run's result folder. */
    public static final String FILE = "summary.json";

    public static final Key SCENARIO = new Key("scenario", "", "scenario name");
    public static final Key SEED = new Key("seed", "", "master seed of every random stream of the run");
    public static final Key REPLICATION = new Key("replication", "",
            "replication index, a second key of the random streams (0 for a single run)");
    public static final Key ROUNDS = new Key("rounds", "", "FL rounds completed");
    public static final Key CLIENTS = new Key("clients", "", "client devices in the run");
    public static final Key CLIENTS_PER_ROUND = new Key("clients_per_round", "", "clients selected per round");
    public static final Key DATASET = new Key("dataset", "", "data set, e.g. mnist; none in a network-only run (training: none)");
    public static final Key MODEL = new Key("model", "",
            "model zoo name, e.g. cnn-mnist; in a network-only run with a given layout update:N or update:N1-N2-...");
    public static final Key PARAMETER_COUNT = new Key("parameter_count", "", "parameters of the model");
    public static final Key UPLINK_CODEC = new Key("uplink_codec", "", "compression scheme of the client updates");
    public static final Key UPLINK_OPTIONS = new Key("uplink_options", "",
            "the scheme's options, key=value pairs (empty: none)");
    public static final Key DOWNLINK_CODEC = new Key("downlink_codec", "", "codec of the broadcast global model");
    public static final Key UPDATE_MESSAGE_BYTES = new Key("update_message_bytes", "B", "size of one encoded client update");
    public static final Key PROTOCOL = new Key("protocol", "", "link protocol: lorawan, nbiot, ideal or mixed");
    public static final Key REGION = new Key("region", "", "LoRaWAN region, e.g. EU868");
    public static final Key DATA_RATE = new Key("data_rate", "", "uplink data rate index of the region");
    public static final Key DOWNLINK_DATA_RATE = new Key("downlink_data_rate", "", "data rate index of the model broadcast");
    public static final Key DUTY_CYCLE = new Key("duty_cycle", "", "device duty cycle, a fraction of time (0.01 = 1 %)");
    public static final Key TARGET_ACCURACY = new Key("target_accuracy", "",
            "test accuracy (a fraction) whose first attainment the *_to_target keys time");
    public static final Key FINAL_ACCURACY = new Key("final_accuracy", "", "test accuracy after the last round, a fraction");
    public static final Key FINAL_LOSS = new Key("final_loss", "", "mean test cross-entropy after the last round");
    public static final Key SIM_TIME_S = new Key("sim_time_s", "s", "simulated time at the end of the last round");
    public static final Key UPLINK_BYTES = new Key("uplink_bytes", "B", "bytes of all uplink frames on the air");
    public static final Key DOWNLINK_BYTES = new Key("downlink_bytes", "B",
            "bytes of all broadcast frames on the air, each frame counted once");
    public static final Key UPLINK_FRAMES = new Key("uplink_frames", "", "uplink frames sent");
    public static final Key DOWNLINK_FRAMES = new Key("downlink_frames", "", "broadcast frames sent");
    public static final Key UPDATE_BYTES = new Key("update_bytes", "B", "encoded update bytes that arrived in time");
    public static final Key ENERGY_J = new Key("energy_j", "J",
            "every joule every device spent: the sum of energy.csv, of rounds.csv energy_j and of devices.csv total_j");
    public static final Key ENERGY_PER_DEVICE_J = new Key("energy_per_device_j", "J", "energy_j / clients");
    public static final Key TIME_TO_TARGET_S = new Key("time_to_target_s", "s",
            "simulated time at the end of the first round whose accuracy reached target_accuracy (null: never)");
    public static final Key ENERGY_TO_TARGET_J = new Key("energy_to_target_j", "J",
            "energy_j of the rounds up to that round (null: never reached)");
    public static final Key UPLINK_BYTES_TO_TARGET = new Key("uplink_bytes_to_target", "B",
            "uplink_bytes of the rounds up to that round (null: never reached)");
    public static final Key ROUNDS_TO_TARGET = new Key("rounds_to_target", "", "rounds up to that round (null: never reached)");
    public static final Key EVENTS_PROCESSED = new Key("events_processed", "", "events the simulation kernel fired");
    public static final Key LOST_UPDATES = new Key("lost_updates", "",
            "selected clients' updates that did not arrive in time, over the run (the sum of the lost_* keys)");

    public static final Key BACKGROUND_DEVICES = new Key("background_devices", "",
            "background sensors of the run, over every LoRaWAN network and NB-IoT cell (background_devices each)");
    public static final Key BACKGROUND_PACKETS_OFFERED = new Key("background_packets_offered", "",
            "packets the sensors generated from the start of the run to its end");
    public static final Key BACKGROUND_PACKETS_DELIVERED = new Key("background_packets_delivered", "",
            "sensor packets the network received (LoRaWAN network server, NB-IoT eNB) by the end of the run");
    public static final Key BACKGROUND_PDR = new Key("background_pdr", "",
            "the sensors' packet delivery ratio: background_packets_delivered / background_packets_offered (a packet "
                    + "still pending at the end counts as not delivered)");
    public static final Key BACKGROUND_ENERGY_J = new Key("background_energy_j", "J",
            "energy of all sensors in every state from the start of the run to its end (LoRaWAN: radio and MCU; "
                    + "NB-IoT: the module); not part of energy_j");
    public static final Key BACKGROUND_ENERGY_PER_DEVICE_J = new Key("background_energy_per_device_j", "J",
            "background_energy_j / background_devices");

    /** Energy of the run in each state of the ledger, in the states' order, e.g. {@code energy_tx_j}. */
    public static final List<Key> ENERGY_BY_STATE = energyByState();
    /** Updates lost to each cause over the run, in the causes' order, e.g. {@code lost_collision}. */
    public static final List<Key> LOST_BY_CAUSE = lostByCause();
    /** Sensor losses to each cause a network reports, e.g. {@code background_lost_collision}. */
    public static final List<Key> BACKGROUND_LOST_BY_CAUSE = backgroundLostByCause();

    /** Every key, in the order {@value #FILE} lists them. */
    public static final List<Key> KEYS = keys(SCENARIO, SEED, REPLICATION, ROUNDS, CLIENTS, CLIENTS_PER_ROUND, DATASET,
            MODEL, PARAMETER_COUNT, UPLINK_CODEC, UPLINK_OPTIONS, DOWNLINK_CODEC, UPDATE_MESSAGE_BYTES, PROTOCOL, REGION,
            DATA_RATE, DOWNLINK_DATA_RATE, DUTY_CYCLE, TARGET_ACCURACY, FINAL_ACCURACY, FINAL_LOSS, SIM_TIME_S,
            UPLINK_BYTES, DOWNLINK_BYTES, UPLINK_FRAMES, DOWNLINK_FRAMES, UPDATE_BYTES, ENERGY_J, ENERGY_PER_DEVICE_J,
            TIME_TO_TARGET_S, ENERGY_TO_TARGET_J, UPLINK_BYTES_TO_TARGET, ROUNDS_TO_TARGET, EVENTS_PROCESSED, LOST_UPDATES,
            ENERGY_BY_STATE, LOST_BY_CAUSE);

    /**
     * The background sensors' keys, written after {@link #KEYS} only when the run has sensors
     * (scenario key {@code background_devices} above 0), so that runs without them keep their summary.
     */
    public static final List<Key> BACKGROUND = keys(BACKGROUND_DEVICES, BACKGROUND_PACKETS_OFFERED,
            BACKGROUND_PACKETS_DELIVERED, BACKGROUND_PDR, BACKGROUND_ENERGY_J, BACKGROUND_ENERGY_PER_DEVICE_J,
            BACKGROUND_LOST_BY_CAUSE);

    /** Every key a summary may hold: {@link #KEYS}, then {@link #BACKGROUND}. */
    public static final List<Key> ALL_KEYS = keys(KEYS, BACKGROUND);

    /**
     * The numeric metrics a sweep aggregates over replications, in the order {@value SweepColumns#FILE}
     * lists them ({@link SweepColumns#column}).
     */
    public static final List<Key> METRICS = List.of(FINAL_ACCURACY, FINAL_LOSS, SIM_TIME_S, UPLINK_BYTES, DOWNLINK_BYTES,
            UPDATE_BYTES, ENERGY_J, ENERGY_PER_DEVICE_J, TIME_TO_TARGET_S, ENERGY_TO_TARGET_J, UPLINK_BYTES_TO_TARGET,
            ROUNDS_TO_TARGET, LOST_UPDATES, BACKGROUND_PDR, BACKGROUND_ENERGY_J);

    private Summary() {
    }

    private static List<Key> keys(Object... keysAndLists) {
        List<Key> out = new ArrayList<>();
        for (Object o : keysAndLists) {
            if (o instanceof Key k) {
                out.add(k);
            } else {
                for (Object k : (List<?>) o) {
                    out.add((Key) k);
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<Key> energyByState() {
        List<Key> out = new ArrayList<>();
        for (EnergyState s : EnergyState.values()) {
            out.add(new Key(RoundsTable.energyColumn(s), "J", "energy of the run in state " + s.label() + ", all devices"));
        }
        return List.copyOf(out);
    }

    private static List<Key> lostByCause() {
        List<Key> out = new ArrayList<>();
        for (LossCause c : LossCause.values()) {
            out.add(new Key(RoundsTable.lostColumn(c), "", "updates lost to " + c.label() + " over the run"));
        }
        return List.copyOf(out);
    }

    /**
     * The loss causes a network reports for sensor packets: every {@link LossCause} but those of the
     * FL round ({@link LossCause#DEADLINE}, {@link LossCause#DROPOUT}).
     */
    public static List<LossCause> backgroundLossCauses() {
        return Arrays.stream(LossCause.values()).filter(c -> c != LossCause.DEADLINE && c != LossCause.DROPOUT)
                .toList();
    }

    private static List<Key> backgroundLostByCause() {
        List<Key> out = new ArrayList<>();
        for (LossCause c : backgroundLossCauses()) {
            out.add(new Key("background_" + RoundsTable.lostColumn(c), "", "sensor losses to " + c.label()
                    + " (LoRaWAN: uplink attempts lost on the air; NB-IoT: packets)"));
        }
        return List.copyOf(out);
    }

    /**
     * The background sensors of a run as one line for the console, e.g. {@code 1000 background
     * sensors: PDR 0.9312 (5580 of 5992 packets), 12.345 J (0.012 J per sensor)}, or null when the
     * summary has no sensors.
     *
     * @param summary a run's summary, by key (numbers as {@link Number})
     * @return the line without a trailing newline, or null
     */
    public static String background(Map<String, ?> summary) {
        long devices = count(summary, BACKGROUND_DEVICES);
        if (devices == 0) {
            return null;
        }
        double pdr = summary.get(BACKGROUND_PDR.name()) instanceof Number n ? n.doubleValue() : Double.NaN;
        double energyJ = summary.get(BACKGROUND_ENERGY_J.name()) instanceof Number n ? n.doubleValue() : Double.NaN;
        return ConsoleNumbers.count(devices, "background sensor", "background sensors") + ": PDR "
                + ConsoleNumbers.grouped(pdr, 4) + " (" + ConsoleNumbers.grouped(count(summary, BACKGROUND_PACKETS_DELIVERED))
                + " of " + ConsoleNumbers.count(count(summary, BACKGROUND_PACKETS_OFFERED), "packet", "packets") + "), "
                + ConsoleNumbers.quantity(energyJ, 3, "J") + " (" + ConsoleNumbers.quantity(energyJ / devices, 4, "J")
                + " per sensor)";
    }

    /**
     * The updates a run lost, by cause, as one line for the console and the report: e.g.
     * {@code 3 updates lost (collision 2, deadline 1)}, or {@code no update lost}.
     *
     * @param summary a run's summary, by key (numbers as {@link Number})
     * @return the line, without a trailing newline
     */
    public static String lostUpdates(Map<String, ?> summary) {
        long lost = count(summary, LOST_UPDATES);
        if (lost == 0) {
            return "no update lost";
        }
        StringBuilder causes = new StringBuilder();
        for (LossCause cause : LossCause.values()) {
            long n = count(summary, LOST_BY_CAUSE.get(cause.ordinal()));
            if (n > 0) {
                causes.append(causes.length() == 0 ? "" : ", ").append(cause.label()).append(' ').append(n);
            }
        }
        return lost + (lost == 1 ? " update" : " updates") + " lost (" + causes + ")";
    }

    private static long count(Map<String, ?> summary, Key key) {
        return summary.get(key.name()) instanceof Number n ? n.longValue() : 0;
    }
}
