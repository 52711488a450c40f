package org.fedwan.results;

import java.util.List;

/**
 * The columns of {@code fedwan budget --csv} (and the keys of each row of {@code --json}): one row
 * per sweep point, the point's swept settings (named by their scenario keys) after {@link #POINT},
 * then the columns of {@link #VALUES}. Values read from {@value SweepColumns#FILE} are the means
 * over the point's runs; the costs measured per run (to the target, airtime, duty cycle) are means
 * over the runs as well, while a constraint on them must hold in every run. An undefined value is
 * written empty (CSV) or {@code null} (JSON).
 */
public final class BudgetColumns {

    public static final Key RANK = new Key("rank", "",
            "rank among the feasible points of the same group by the objective (1 = the answer); 0 when not feasible");
    public static final Key POINT = new Key("point", "", "point id, e.g. p0003 (its runs: runs/<point>/r<replication>/)");
    public static final Key RUNS = new Key("runs", "", "completed runs (replications) of the point");
    public static final Key TARGET_REACHED = new Key("target_reached", "",
            "runs that reached --target-accuracy (empty without it)");
    public static final Key PARAMETER_COUNT = new Key("parameter_count", "",
            "parameters of the model or of the network-only update layout (sweep.csv parameter_count)");
    public static final Key UPDATE_MESSAGE_BYTES = new Key("update_message_bytes", "B",
            "size of one encoded client update (sweep.csv update_message_bytes)");
    public static final Key ROUND_LATENCY_S = new Key("round_latency_s", "s",
            "mean round latency, rounds back to back (sweep.csv round_latency_s_mean)");
    public static final Key ROUNDS_PER_DAY = new Key("rounds_per_day", "",
            "FL rounds per simulated day, 86,400 / round_latency_s (sweep.csv rounds_per_day)");
    public static final Key ENERGY_PER_DEVICE_PER_ROUND_J = new Key("energy_per_device_per_round_j", "J",
            "energy per device per FL round: summary.json energy_per_device_j / rounds, mean over the runs "
                    + "(the objective cheapest)");
    public static final Key ENERGY_PER_DEVICE_PER_DAY_J = new Key("energy_per_device_per_day_j", "J",
            "energy per device per simulated day at the run's pace (sweep.csv energy_per_device_per_day_j_mean)");
    public static final Key BATTERY_LIFE_DAYS = new Key("battery_life_days", "d",
            "days a battery lasts running rounds back to back (sweep.csv battery_life_days; empty: unlimited battery)");
    public static final Key AIRTIME_S_PER_DEVICE_PER_DAY = new Key("airtime_s_per_device_per_day", "s",
            "uplink airtime per device per simulated day (transmissions.csv airtime_ms of uplink frames / clients / days), "
                    + "up to the end of the round that reached the target when --target-accuracy is given, else over the run");
    public static final Key DUTY_CYCLE_MEASURED = new Key("duty_cycle_measured", "",
            "measured device duty cycle: uplink airtime of the busiest device / simulated time, over the same window, "
                    + "the largest over the runs (a fraction; not the configured regional limit duty_cycle)");
    public static final Key FINAL_ACCURACY = new Key("final_accuracy", "",
            "test accuracy after the last round (sweep.csv final_accuracy_mean; empty in network-only runs)");
    public static final Key LOST_UPDATES = new Key("lost_updates", "", "updates lost per run (sweep.csv lost_updates_mean)");
    public static final Key TIME_TO_TARGET_S = new Key("time_to_target_s", "s",
            "simulated time at the end of the first round at or above --target-accuracy, mean over the runs that reached it");
    public static final Key ENERGY_PER_DEVICE_TO_TARGET_J = new Key("energy_per_device_to_target_j", "J",
            "rounds.csv energy_j up to that round / clients, mean over the runs that reached it");
    public static final Key UPLINK_BYTES_TO_TARGET = new Key("uplink_bytes_to_target", "B",
            "rounds.csv uplink_bytes up to that round, mean over the runs that reached it");
    public static final Key FEASIBLE = new Key("feasible", "", "true when the point meets every constraint given");
    public static final Key WHY_NOT = new Key("why_not", "",
            "the violated constraints, each as the value against its limit, separated by '; ' (empty when feasible)");
    public static final Key ANSWER = new Key("answer", "", "true for the best feasible point (of its group with --group-by)");

    /** The columns after the settings, in the order {@code --csv} writes them. */
    public static final List<Key> VALUES = List.of(RUNS, TARGET_REACHED, PARAMETER_COUNT, UPDATE_MESSAGE_BYTES,
            ROUND_LATENCY_S, ROUNDS_PER_DAY, ENERGY_PER_DEVICE_PER_ROUND_J, ENERGY_PER_DEVICE_PER_DAY_J, BATTERY_LIFE_DAYS,
            AIRTIME_S_PER_DEVICE_PER_DAY, DUTY_CYCLE_MEASURED, FINAL_ACCURACY, LOST_UPDATES, TIME_TO_TARGET_S,
            ENERGY_PER_DEVICE_TO_TARGET_J, UPLINK_BYTES_TO_TARGET, FEASIBLE, WHY_NOT, ANSWER);

    private BudgetColumns() {
    }
}
