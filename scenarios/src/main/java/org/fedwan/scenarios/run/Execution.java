package org.fedwan.scenarios.run;

import java.io.IOException;
import org.fedwan.fl.train.TrainerPool;
import org.fedwan.sim.federation.FederatedSimulation;
import org.fedwan.sim.federation.RunConfig;
import org.fedwan.sim.federation.RunSummary;
import org.fedwan.sim.results.RunListener;

/**
 * The function "resolved scenario -> result": seeded only from the configuration, no static
 * state, and no output of its own (the caller decides what to write). Its only input besides the
 * configuration is the data set, read through a {@link DataSets.Cache}. Because it is pure, a
 * sweep can run points in any order, in parallel, or on Spark (which may retry a task) and get
 * the same bytes.
 */
public final class Execution {

    private Execution() {
    }

    /**
     * Runs {@code config} and returns its tables and summary in memory.
     *
     * @param threads  trainer threads (does not change the result)
     * @param observer also receives every record (progress bars), may be {@code null}
     */
    public static RunResult execute(RunConfig config, DataSets.Cache data, int threads, RunListener observer)
            throws IOException {
        StringBuilder rounds = new StringBuilder(4096);
        StringBuilder transmissions = new StringBuilder(1 << 16);
        RunSummaryAndTarget r = execute(config, data, threads, observer, rounds, transmissions);
        return new RunResult(config, rounds.toString(), transmissions.toString(), r.devicesCsv(), r.clientsCsv(),
                Summaries.of(config, r.summary(), r.target()));
    }

    /** A finished simulation and its target tracking. */
    record RunSummaryAndTarget(RunSummary summary, TargetTracker target, String devicesCsv, String clientsCsv) {
    }

    /** Runs {@code config}, streaming the two tables to the given sinks. */
    static RunSummaryAndTarget execute(RunConfig config, DataSets.Cache data, int threads, RunListener observer,
            Appendable rounds, Appendable transmissions) throws IOException {
        DataSets.TrainTest tt = data.get(config);
        TargetTracker target = new TargetTracker(config.targetAccuracy());
        CsvTables tables = new CsvTables(rounds, transmissions);
        RunListener listener = observer == null ? RunListener.all(tables, target) : RunListener.all(tables, target, observer);
        TrainerPool pool = data.pool(config, threads);
        RunSummary summary = FederatedSimulation.run(config, tt.train(), tt.test(), pool, listener);
        return new RunSummaryAndTarget(summary, target, tables.devicesCsv(), tables.clientsCsv());
    }
}
