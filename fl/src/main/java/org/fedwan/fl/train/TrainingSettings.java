package org.fedwan.fl.train;

/**
 * Local training hyper-parameters: mini-batch SGD with PyTorch's {@code torch.optim.SGD}
 * semantics (dampening 0, no Nesterov): {@code d = g + weightDecay * w},
 * {@code buf = momentum * buf + d} (no buffer when momentum is 0), {@code w -= learningRate * buf}.
 * A client runs either {@code localEpochs} passes over its data or {@code localSteps} mini-batch
 * steps; exactly one of the two is positive.
 *
 * @param localEpochs  passes over the client's data per round, or 0 when counting steps
 * @param batchSize    mini-batch size (at least 1); a client's last batch of an epoch may be smaller
 * @param learningRate SGD step size (positive)
 * @param momentum     heavy-ball momentum in [0, 1) (seed 002: 0.9)
 * @param weightDecay  L2 penalty coefficient, at least 0 (seed 002: 1e-4); applies to every trainable tensor
 * @param localSteps   mini-batch steps per round (continuing over reshuffled epochs), or 0 when counting epochs
 */
public record TrainingSettings(int localEpochs, int batchSize, double learningRate, double momentum, double weightDecay,
        int localSteps) {

    public TrainingSettings {
        if (localEpochs < 0 || localSteps < 0 || (localEpochs == 0) == (localSteps == 0)) {
            throw new IllegalArgumentException("exactly one of local epochs (" + localEpochs + ") and local steps (" + localSteps
                    + ") must be positive, the other 0");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
        }
    }

    /** Plain SGD for {@code localEpochs} epochs (at least 1), no momentum or weight decay. */
    public TrainingSettings(int localEpochs, int batchSize, double learningRate) {
        this(checkEpochs(localEpochs), batchSize, learningRate, 0, 0, 0);
    }

    private static int checkEpochs(int localEpochs) {
        if (localEpochs < 1) {
            throw new IllegalArgumentException("local epochs must be >= 1, got " + localEpochs);
        }
        return localEpochs;
    }

    /** Plain SGD for {@code localSteps} mini-batch steps. */
    public static TrainingSettings steps(int localSteps, int batchSize, double learningRate) {
        return new TrainingSettings(0, batchSize, learningRate, 0, 0, localSteps);
    }

    public TrainingSettings withMomentum(double m) {
        return new TrainingSettings(localEpochs, batchSize, learningRate, m, weightDecay, localSteps);
    }

    public TrainingSettings withWeightDecay(double wd) {
        return new TrainingSettings(localEpochs, batchSize, learningRate, momentum, wd, localSteps);
    }

    public TrainingSettings withLearningRate(double lr) {
        return new TrainingSettings(localEpochs, batchSize, lr, momentum, weightDecay, localSteps);
    }

    /** True if a round is counted in steps rather than epochs. */
    public boolean countsSteps() {
        return localSteps > 0;
    }

    /**
     * Mini-batch steps a client with {@code samples} samples takes in one round (one fewer per
     * pass for batch-norm models when a pass would end in a one-sample batch; see {@link LocalTrainer}).
     */
    public long stepsFor(int samples) {
        if (countsSteps()) {
            return localSteps;
        }
        return (long) localEpochs * ((samples + batchSize - 1) / batchSize);
    }
}
