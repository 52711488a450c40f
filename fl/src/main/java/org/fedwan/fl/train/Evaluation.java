package org.fedwan.fl.train;

/**
 * Test metrics of a model on a set of samples.
 *
 * @param samples    number of samples evaluated
 * @param correct    samples whose arg-max prediction equals the label
 * @param lossSum    sum over samples of the cross-entropy loss (natural log)
 */
public record Evaluation(long samples, long correct, double lossSum) {

    public static final Evaluation EMPTY = new Evaluation(0, 0, 0);

    public double accuracy() {
        return samples == 0 ? Double.NaN : (double) correct / samples;
    }

    public double meanLoss() {
        return samples == 0 ? Double.NaN : lossSum / samples;
    }

    public Evaluation plus(Evaluation o) {
        return new Evaluation(samples + o.samples, correct + o.correct, lossSum + o.lossSum);
    }
}
