package org.fedwan.fl.model;

/**
 * A dropout site of a training graph: a float input (SameDiff placeHolder) the trainer fills with an inverted
 * dropout mask, each value {@code 0} with probability {@code rate} and {@code 1 / (1 - rate)}
 * otherwise, drawn from the job's seed so that results are reproducible and independent of the
 * thread that runs the job. Evaluation graphs do not use the feed (dropout off).
 *
 * @param feed      feed name, shape {@code [batch, valuesPerSample...]}
 * @param shapePerSample   shape of the mask for one sample
 * @param rate             probability of dropping a value, in [0, 1)
 */
public record DropoutMask(String feed, int[] shapePerSample, double rate) {

    public DropoutMask {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        shapePerSample = shapePerSample.clone();
    }

    @Override
    public int[] shapePerSample() {
        return shapePerSample.clone();
    }

    /** Values of the mask per sample. */
    public int valuesPerSample() {
        int n = 1;
        for (int d : shapePerSample) {
            n *= d;
        }
        return n;
    }
}
