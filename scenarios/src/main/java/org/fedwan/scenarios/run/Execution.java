package org.fedwan.scenarios.run;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedwan.fl.data.TrainTest;
import org.fedwan.fl.train.TrainerPool;
import org.fedwan.results.RunListener;
import org.fedwan.results.TableWriter;
import org.fedwan.sim.Protocols;
import org.fedwan.sim.federation.FederatedRun;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.federation.RunSummary;

/**
 * The function "resolved scenario -> result": seeded only from the configuration, no static
 * state, and no output of its own (the caller decides what to write). Its only input besides the
 * configuration is the data set, read through a {@link DataSets.Cache} (none for a network-only
 * run, {@code training: none}). Because it is pure, a
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
    public static RunResult execute(Scenario config, DataSets.Cache data, int threads, RunListener observer)
            throws IOException {
        Map<String, StringBuilder> text = new LinkedHashMap<>();
        TableWriter.TABLES.forEach(t -> text.put(t.file(), new StringBuilder(4096)));
        RunSummaryAndTarget r = execute(config, data, threads, observer, sinks(text));
        Map<String, String> tables = new LinkedHashMap<>();
        text.forEach((file, content) -> tables.put(file, content.toString()));
        return new RunResult(config, tables, Summaries.of(config, r.summary(), r.target()));
    }

    /**
     * Runs {@code config}, streaming its tables to one appendable per table file (as {@code run}
     * streams them to files), and returns the summary's keys: nothing of the tables stays in memory
     * unless the appendables keep it.
     *
     * @param byFile an appendable for each file of {@link TableWriter#TABLES}
     */
    public static Map<String, Object> executeStreaming(Scenario config, DataSets.Cache data, int threads,
            RunListener observer, Map<String, ? extends Appendable> byFile) throws IOException {
        RunSummaryAndTarget r = execute(config, data, threads, observer, sinks(byFile));
        return Summaries.of(config, r.summary(), r.target());
    }

    /** The writer's sinks from one appendable per table file. */
    static TableWriter.Sinks sinks(Map<String, ? extends Appendable> byFile) {
        return new TableWriter.Sinks(byFile.get("rounds.csv"), byFile.get("transmissions.csv"), byFile.get("energy.csv"),
                byFile.get("clients.csv"), byFile.get("devices.csv"));
    }

    /** A finished simulation and its target tracking. */
    record RunSummaryAndTarget(RunSummary summary, TargetTracker target) {
    }

    /** Runs {@code config}, streaming its tables to {@code sinks}. */
    static RunSummaryAndTarget execute(Scenario config, DataSets.Cache data, int threads, RunListener observer,
            TableWriter.Sinks sinks) throws IOException {
        TargetTracker target = new TargetTracker(config.run().targetAccuracy());
        TableWriter tables = new TableWriter(sinks);
        RunListener listener = observer == null ? RunListener.all(tables, target) : RunListener.all(tables, target, observer);
        if (config.training().networkOnly()) {
            // training: none: no data set is read and no trainer built
            return new RunSummaryAndTarget(FederatedRun.runNetworkOnly(config, listener, Protocols::groups), target);
        }
        TrainTest tt = data.get(config);
        TrainerPool pool = data.pool(config, threads);
        RunSummary summary = FederatedRun.run(config, tt.train(), tt.test(), pool, listener, Protocols::groups);
        return new RunSummaryAndTarget(summary, target);
    }
}
