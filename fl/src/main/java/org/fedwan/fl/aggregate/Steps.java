package org.fedwan.fl.aggregate;

/** Small array helpers shared by the gradient strategies. */
final class Steps {

    private Steps() {
    }

    /** {@code acc += w * v}, checking lengths. */
    static void addScaled(double[] acc, float[] v, double w, int clientId, int layer) {
        if (v.length != acc.length) {
            throw new IllegalArgumentException("client " + clientId + " sent " + v.length + " values for layer " + layer
                    + ", expected " + acc.length);
        }
        for (int i = 0; i < acc.length; i++) {
            acc[i] += w * v[i];
        }
    }

    /** {@code global - lr * gradient}, rounded to float once. */
    static float[] descend(float[] global, double[] gradient, double lr) {
        float[] out = new float[global.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (global[i] - lr * gradient[i]);
        }
        return out;
    }
}
