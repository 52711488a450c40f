package org.fedwan.fl.model;

/**
 * The running statistics of one batch-normalisation layer and where the training graph exposes
 * the batch's own statistics. Trainers update them after every step as PyTorch does:
 * {@code running_mean = (1 - m) * running_mean + m * batch_mean} and
 * {@code running_var = (1 - m) * running_var + m * batch_var * n / (n - 1)} with momentum
 * {@code m = }{@value #MOMENTUM} and {@code n = batch * positionsPerSample} values per channel.
 *
 * @param runningMean        buffer tensor of the running mean
 * @param runningVar         buffer tensor of the running (unbiased) variance
 * @param batchMean          graph output of the batch mean (biased statistics, one per channel)
 * @param batchVar           graph output of the batch variance (biased)
 * @param positionsPerSample values per channel per sample (H x W after a convolution, 1 after a dense layer)
 */
public record BatchNormStatistics(String runningMean, String runningVar, String batchMean, String batchVar,
        int positionsPerSample) {

    /** PyTorch's default batch-norm momentum. */
    public static final double MOMENTUM = 0.1;
    /** PyTorch's default batch-norm epsilon. */
    public static final double EPSILON = 1e-5;
}
