package org.fedwan.fl.train;

/**
 * A client's optimizer state between rounds: its momentum buffers, one array per layout layer. Immutable and opaque to callers: the
 * simulator keeps one per client and passes it in that client's next
 * {@link TrainerPool.Job}, or passes {@link #NONE} to start from zero momentum every round
 * (a fresh {@code torch.optim.SGD} per round, as most FL code does). The trainer itself keeps
 * nothing between jobs, so results are the same whichever thread runs which job.
 */
public final class OptimizerState {

    /** No state: momentum buffers start at zero. */
    public static final OptimizerState NONE = new OptimizerState(null);

    private final float[][] momentum;

    private OptimizerState(float[][] momentum) {
        this.momentum = momentum;
    }

    /** Wraps momentum buffers (taken over, not copied: the trainer builds them fresh). */
    static OptimizerState ofMomentum(float[][] momentum) {
        return new OptimizerState(momentum);
    }

    /** Momentum buffers, or {@code null} for none. Not copied: callers inside the package must not modify them. */
    float[][] momentum() {
        return momentum;
    }

    /** True if this state carries no buffers. */
    public boolean isEmpty() {
        return momentum == null;
    }

    /** Bytes the state occupies on the client (4 per momentum value): device memory accounting. */
    public long bytes() {
        long n = 0;
        if (momentum != null) {
            for (float[] m : momentum) {
                n += m.length;
            }
        }
        return 4 * n;
    }
}
