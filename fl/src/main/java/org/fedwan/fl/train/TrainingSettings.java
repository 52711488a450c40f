package org.fedwan.fl.train;

/**
 * Local training hyper-parameters.
 *
 * @param localEpochs  passes over the client's data per round (at least 1)
 * @param batchSize    mini-batch size (at least 1)
 * @param learningRate SGD step size (positive)
 */
public record TrainingSettings(int localEpochs, int batchSize, double learningRate) {

    public TrainingSettings {
        if (localEpochs < 1) {
            throw new IllegalArgumentException("local epochs must be >= 1, got " + localEpochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
    }
}
