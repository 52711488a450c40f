package org.fedwan.fl.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.model.ModelDefinition;

/**
 * Trains many clients in parallel, one {@link LocalTrainer} per worker thread, and returns the
 * results in job order. Every job is computed from its own inputs only, so results are identical
 * whatever the number of threads.
 */
public final class TrainerPool implements AutoCloseable {

    /** Evaluation works in fixed chunks so that loss sums add up in the same order for any thread count. */
    static final int EVALUATION_CHUNK = 1000;

    private final ModelDefinition model;
    private final TrainingSettings settings;
    private final ExecutorService executor;
    private final BlockingQueue<LocalTrainer> trainers;

    /** One local training job: start from {@code weights}, train on {@code indices} of {@code data}, shuffle from {@code seed}. */
    public record Job(float[][] weights, ImageDataset data, int[] indices, long seed) {
    }

    public TrainerPool(ModelDefinition model, TrainingSettings settings, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.model = model;
        this.settings = settings;
        this.trainers = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            trainers.add(new LocalTrainer(model, settings.learningRate()));
        }
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fedwan-trainer");
            t.setDaemon(true);
            return t;
        });
    }

    public ModelDefinition model() {
        return model;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public int threads() {
        return trainers.remainingCapacity() + trainers.size();
    }

    /** Trains every job; result {@code i} belongs to job {@code i}. */
    public List<float[][]> trainAll(List<Job> jobs) {
        return runAll(jobs, (trainer, job) -> trainer.train(job.weights(), job.data(), job.indices(), settings, job.seed()));
    }

    /** Test metrics of {@code weights} on all of {@code data}. */
    public Evaluation evaluate(float[][] weights, ImageDataset data) {
        List<int[]> chunks = new ArrayList<>();
        for (int from = 0; from < data.size(); from += EVALUATION_CHUNK) {
            chunks.add(new int[] {from, Math.min(data.size(), from + EVALUATION_CHUNK)});
        }
        Evaluation total = Evaluation.EMPTY;
        for (Evaluation e : runAll(chunks, (trainer, c) -> trainer.evaluate(weights, data, c[0], c[1], 500))) {
            total = total.plus(e);
        }
        return total;
    }

    private interface Task<J, R> {
        R run(LocalTrainer trainer, J job);
    }

    private <J, R> List<R> runAll(List<J> jobs, Task<J, R> task) {
        List<Future<R>> futures = new ArrayList<>(jobs.size());
        for (J job : jobs) {
            futures.add(executor.submit(() -> {
                LocalTrainer t = trainers.take();
                try {
                    return task.run(t, job);
                } finally {
                    trainers.add(t);
                }
            }));
        }
        List<R> results = new ArrayList<>(jobs.size());
        for (Future<R> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("training failed: " + cause, cause);
            }
        }
        return results;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

}
