package org.fedwan.fl.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.model.ModelDefinition;

/**
 * Trains many clients in parallel, one {@link LocalTrainer} per worker thread, and returns the
 * results in job order. Every job is computed from its own inputs only, so results are identical
 * whatever the number of threads.
 *
 * <p>Each worker thread keeps the trainer it first takes: SameDiff keeps one session (op contexts,
 * the arrays of the last call) per graph and per calling thread, so a trainer passed between
 * threads would hold a session for each of them. {@link #close()} releases the trainers' native
 * memory.
 */
public final class TrainerPool implements AutoCloseable {

    /** Evaluation works in fixed chunks so that loss sums add up in the same order for any thread count. */
    static final int EVALUATION_CHUNK = 1000;
    /** How long {@link #close()} waits for running jobs to stop, in seconds. */
    static final long CLOSE_WAIT_S = 60;

    private final ModelDefinition model;
    private final TrainingSettings settings;
    private final ExecutorService executor;
    /** Trainers not yet taken by a worker thread. */
    private final BlockingQueue<LocalTrainer> trainers;
    /** Every trainer built, for {@link #close()}. */
    private final List<LocalTrainer> all = new ArrayList<>();
    private final int threads;
    /** The trainer of the calling worker thread. */
    private final ThreadLocal<LocalTrainer> own = ThreadLocal.withInitial(this::claim);

    /**
     * One client's job: start from {@code weights} and {@code buffers} (batch-norm running
     * statistics; {@code null} for the model's initial ones), train on (or take the gradient
     * over) {@code indices} of {@code data}, draw every random choice from {@code seed}, continue
     * from the client's optimizer {@code state}, train through {@code projection} (quantization-aware
     * training; {@code null}: none) and with FedProx's proximal term of weight {@code proximalMu}
     * (Li et al., MLSys 2020, eq. 2; dimensionless, {@code >= 0}, 0 = none) around {@code weights}.
     */
    public record Job(float[][] weights, float[] buffers, ImageDataset data, int[] indices, long seed, OptimizerState state,
            WeightProjection projection, double proximalMu) {

        public Job {
            if (state == null) {
                throw new IllegalArgumentException("optimizer state must not be null; use OptimizerState.NONE");
            }
            if (!(proximalMu >= 0) || !Double.isFinite(proximalMu)) {
                throw new IllegalArgumentException("proximal mu must be a finite number >= 0, got " + proximalMu);
            }
        }

        /** A job without proximal term. */
        public Job(float[][] weights, float[] buffers, ImageDataset data, int[] indices, long seed, OptimizerState state,
                WeightProjection projection) {
            this(weights, buffers, data, indices, seed, state, projection, 0);
        }

        /** A job without quantization-aware training. */
        public Job(float[][] weights, float[] buffers, ImageDataset data, int[] indices, long seed, OptimizerState state) {
            this(weights, buffers, data, indices, seed, state, null, 0);
        }

        /** This job with quantization-aware training through {@code p} ({@code null}: none). */
        public Job withProjection(WeightProjection p) {
            return new Job(weights, buffers, data, indices, seed, state, p, proximalMu);
        }

        /** A job with the model's initial buffers and fresh optimizer state. */
        public Job(float[][] weights, ImageDataset data, int[] indices, long seed) {
            this(weights, null, data, indices, seed, OptimizerState.NONE);
        }

        /** This job continuing from the client's optimizer state {@code s}. */
        public Job withState(OptimizerState s) {
            return new Job(weights, buffers, data, indices, seed, s, projection, proximalMu);
        }

        /** This job starting from buffers {@code b}. */
        public Job withBuffers(float[] b) {
            return new Job(weights, b, data, indices, seed, state, projection, proximalMu);
        }

        /** This job with FedProx's proximal term of weight {@code mu} ({@code >= 0}; 0 = none). */
        public Job withProximalMu(double mu) {
            return new Job(weights, buffers, data, indices, seed, state, projection, mu);
        }
    }

    public TrainerPool(ModelDefinition model, TrainingSettings settings, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.model = model;
        this.settings = settings;
        this.threads = threads;
        this.trainers = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            LocalTrainer t = new LocalTrainer(model);
            trainers.add(t);
            all.add(t);
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
        return threads;
    }

    /**
     * A trainer for a worker thread that has none: one of those built in the constructor, or a
     * new one if a worker thread was replaced (the executor replaces a thread only if it dies).
     */
    private LocalTrainer claim() {
        LocalTrainer t = trainers.poll();
        if (t == null) {
            t = new LocalTrainer(model);
            synchronized (all) {
                all.add(t);
            }
        }
        return t;
    }

    /** Trains every job; result {@code i} belongs to job {@code i} (weights only). */
    public List<float[][]> trainAll(List<Job> jobs) {
        List<float[][]> out = new ArrayList<>(jobs.size());
        for (TrainResult r : train(jobs)) {
            out.add(r.weights());
        }
        return out;
    }

    /**
     * Trains every job (model mode); result {@code i} belongs to job {@code i} and carries the
     * client's new optimizer state.
     */
    public List<TrainResult> train(List<Job> jobs) {
        return runAll(jobs, (trainer, job) -> trainer.train(job.weights(), job.buffers(), job.state(), job.data(), job.indices(),
                settings, job.seed(), job.projection(), job.proximalMu()));
    }

    /** Trains every job with {@code other} settings instead of the pool's (server pre-training). */
    public List<TrainResult> train(List<Job> jobs, TrainingSettings other) {
        return runAll(jobs, (trainer, job) -> trainer.train(job.weights(), job.buffers(), job.state(), job.data(), job.indices(),
                other, job.seed(), job.projection(), job.proximalMu()));
    }

    /**
     * Gradient mode (seeds 003, 004): the gradient of every job's client at the job's weights,
     * over one mini-batch of the settings' batch size or over all its data; result {@code i}
     * belongs to job {@code i}. Optimizer state is not used.
     */
    public List<float[][]> gradients(List<Job> jobs, GradientMode mode) {
        return runAll(jobs, (trainer, job) -> trainer.gradient(job.weights(), job.data(), job.indices(), mode,
                settings.batchSize(), job.seed()));
    }

    /** Test metrics of {@code weights} on all of {@code data}, with the model's initial buffers. */
    public Evaluation evaluate(float[][] weights, ImageDataset data) {
        return evaluate(weights, null, data);
    }

    /** Test metrics of {@code weights} with running statistics {@code buffers} ({@code null}: initial) on all of {@code data}. */
    public Evaluation evaluate(float[][] weights, float[] buffers, ImageDataset data) {
        List<int[]> chunks = new ArrayList<>();
        for (int from = 0; from < data.size(); from += EVALUATION_CHUNK) {
            chunks.add(new int[] {from, Math.min(data.size(), from + EVALUATION_CHUNK)});
        }
        Evaluation total = Evaluation.EMPTY;
        for (Evaluation e : runAll(chunks, (trainer, c) -> trainer.evaluate(weights, buffers, data, c[0], c[1], 500))) {
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
            futures.add(executor.submit(() -> task.run(own.get(), job)));
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

    /**
     * Stops the worker threads and, once they have stopped, closes the trainers (their graphs'
     * native memory is released at once rather than by the garbage collector). If a thread is
     * still busy after {@value #CLOSE_WAIT_S} s the trainers are left to the garbage collector.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        boolean stopped;
        try {
            stopped = executor.awaitTermination(CLOSE_WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (stopped) {
            synchronized (all) {
                all.forEach(LocalTrainer::close);
                all.clear();
            }
        }
    }

}
