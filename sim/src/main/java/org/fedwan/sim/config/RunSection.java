package org.fedwan.sim.config;

import java.util.List;

/**
 * What the run is: its name, its seed and replication, how many rounds, and the accuracy whose
 * first attainment the summary times.
 *
 * @param name           run name, used in reports and as the default output folder
 * @param seed           master seed of every random stream
 * @param replication    replication index, a second key of the random streams (sweeps set it)
 * @param rounds         federated rounds
 * @param targetAccuracy test accuracy whose first attainment the summary times, in (0, 1]
 */
public record RunSection(String name, long seed, int replication, int rounds, double targetAccuracy) {

    public static final Section<RunSection> SECTION = new Section<>("run", "what the run is", RunSection.class, List.of(
            new Key<>("name", Types.folderName(), "run", "the file name",
                    "run name, used in reports and as the default output folder (results/NAME)"),
            Key.of("seed", Types.anyLong(), 1L, "master seed of every random stream; --seed overrides it"),
            Key.of("replication", Types.integer(0, 1_000_000), 0,
                    "replication index: a second key of every random stream (a sweep's replications set it)"),
            Key.of("rounds", Types.integer(1, 100_000), 5, "federated rounds"),
            Key.of("target_accuracy", Types.number(0, false, 1), 0.9,
                    "test accuracy whose first attainment the summary times (time, energy, bytes, rounds to target)")));
}
