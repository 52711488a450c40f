package org.fedwan.scenarios.sweep;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.sim.config.Scenario;
import java.time.Instant;

/**
 * Where the runs of a sweep execute: a local pool ({@link LocalEngine}, the default) or a cluster
 * (the {@code spark} module). The driver decides where every result goes and commits it: an
 * engine streams each run's tables into the folder the driver opened for it
 * ({@link ResultSink#open}, {@link ResultSink#written}).
 */
public interface SweepEngine {

    /** Receives each finished run on the driver, in any order. */
    interface ResultSink {
        /**
         * The result folder of run {@code runIndex}, opened on the driver: the engine streams the
         * run's tables into it (as the run executes, or as they arrive from a cluster), so that no
         * table is held in memory as text, then passes it back to {@link #written}, or abandons it
         * if the run fails.
         */
        ResultFolder.Streamed open(int runIndex) throws IOException;

        /** Run {@code runIndex} finished with {@code summary}, its tables in {@code folder}: commit it. */
        void written(int runIndex, ResultFolder.Streamed folder, Map<String, Object> summary, Instant start, Instant end)
                throws Exception;
    }

    /** Short name for messages, e.g. {@code local (2 workers)}. */
    String describe();

    /** Executes {@code runs}; passes each result to {@code sink} as it finishes. */
    void execute(List<Scenario> runs, ResultSink sink) throws Exception;
}
