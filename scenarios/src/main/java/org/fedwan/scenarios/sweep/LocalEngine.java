package org.fedwan.scenarios.sweep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fedwan.scenarios.run.DataSets;
import org.fedwan.scenarios.run.Execution;
import org.fedwan.scenarios.run.ResultFolder;
import org.fedwan.sim.config.Scenario;

/**
 * Runs sweep points in a pool of local worker threads (one per core by default); nothing to
 * install. Each run's tables stream into its result folder as it runs ({@link ResultFolder.Streamed}).
 */
public final class LocalEngine implements SweepEngine {

    private final int workers;
    private final int threadsPerRun;
    private final DataSets.Cache data = new DataSets.Cache();


    /**
     * @param workers       runs executed at once
     * @param threadsPerRun trainer threads of each run (results do not depend on it)
     */
    public LocalEngine(int workers, int threadsPerRun) {
        if (workers < 1 || threadsPerRun < 1) {
            throw new IllegalArgumentException("workers and threads per run must be >= 1, got " + workers + " and " + threadsPerRun);
        }
        this.workers = workers;
        this.threadsPerRun = threadsPerRun;
    }

    @Override
    public String describe() {
        return "local (" + workers + " worker" + (workers == 1 ? "" : "s") + ")";
    }

    @Override
    public void execute(List<Scenario> runs, ResultSink sink) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "fedwan-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    Instant start = Instant.now();
                    ResultFolder.Streamed folder;
                    synchronized (sink) {
                        folder = sink.open(index);
                    }
                    Map<String, Object> summary;
                    try {
                        // the tables stream to the run's folder: a worker's heap does not grow with them
                        summary = Execution.executeStreaming(runs.get(index), data, threadsPerRun, null, folder.tables());
                    } catch (Exception | Error e) {
                        folder.abandon(e);
                        throw e;
                    }
                    // ND4J frees native buffers only when their Java owners are collected, and those
                    // owners are tiny: without a collection between runs, native memory piles up.
                    System.gc();
                    synchronized (sink) {
                        sink.written(index, folder, summary, start, Instant.now());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception ex) {
                        throw ex;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
            data.close();
        }
    }
}
