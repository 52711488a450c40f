package org.fedwan.scenarios.sweep;

import java.util.List;
import org.fedwan.scenarios.run.RunResult;
import org.fedwan.sim.config.Scenario;
import java.time.Instant;

/**
 * Where the runs of a sweep execute: a local pool ({@link LocalEngine}, the default) or a cluster
 * (the {@code spark} module). An engine only computes; the driver writes every result.
 */
public interface SweepEngine {

    /** Receives each finished run on the driver, in any order. */
    interface ResultSink {
        void accept(int runIndex, RunResult result, Instant start, Instant end) throws Exception;
    }

    /** Short name for messages, e.g. {@code local (2 workers)}. */
    String describe();

    /** Executes {@code runs}; passes each result to {@code sink} as it finishes. */
    void execute(List<Scenario> runs, ResultSink sink) throws Exception;
}
