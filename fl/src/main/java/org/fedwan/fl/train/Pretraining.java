package org.fedwan.fl.train;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fedwan.fl.data.ImageDataset;
import org.fedwan.fl.data.Partitions;

/**
 * Pre-trained initialisation (seed 001, QuantFL: "the server initialises the global model with a
 * partially pre-trained model"): before federating, the server trains the initial model on a
 * public split held out from the training data, and the clients share the rest.
 */
public final class Pretraining {

    private Pretraining() {
    }

    /**
     * A training set split into a public part (server pre-training) and a private part (clients).
     *
     * @param publicIndices  indices the server pre-trains on, ascending
     * @param privateIndices indices left for the clients, ascending
     */
    public record Split(int[] publicIndices, int[] privateIndices) {
    }

    /**
     * Holds out {@code round(publicFraction * size)} samples chosen at random from {@code seed}
     * (a Fisher-Yates shuffle's first part); both parts are returned sorted. Clients' partitions
     * of the private part come from {@link Partitions#within}.
     *
     * @param publicFraction in (0, 1)
     */
    public static Split holdOut(int size, double publicFraction, long seed) {
        if (!(publicFraction > 0 && publicFraction < 1)) {
            throw new IllegalArgumentException("public fraction must be in (0, 1), got " + publicFraction);
        }
        int n = (int) Math.round(publicFraction * size);
        if (n < 1 || n >= size) {
            throw new IllegalArgumentException("a public fraction of " + publicFraction + " of " + size
                    + " samples leaves one part empty");
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Partitions.shuffle(order, new SplittableRandom(seed));
        int[] pub = Arrays.copyOf(order, n);
        int[] priv = Arrays.copyOfRange(order, n, size);
        Arrays.sort(pub);
        Arrays.sort(priv);
        return new Split(pub, priv);
    }

    /**
     * Trains {@code initial} on {@code publicIndices} of {@code data} with the pool's model and
     * settings (one job, so the result does not depend on the pool's thread count).
     *
     * @return the pre-trained weights (and batch-norm statistics), the federation's initial global model
     */
    public static TrainResult pretrain(TrainerPool pool, float[][] initial, ImageDataset data, int[] publicIndices, long seed) {
        return pool.train(List.of(new TrainerPool.Job(initial, data, publicIndices, seed))).get(0);
    }

    /**
     * Trains {@code initial} on {@code publicIndices} for {@code epochs} epochs with the pool's
     * batch size, learning rate, momentum and weight decay (one job, so the result does not depend
     * on the pool's thread count).
     */
    public static TrainResult pretrain(TrainerPool pool, float[][] initial, ImageDataset data, int[] publicIndices, int epochs,
            long seed) {
        TrainingSettings s = pool.settings();
        TrainingSettings settings = new TrainingSettings(epochs, s.batchSize(), s.learningRate(), s.momentum(), s.weightDecay(), 0);
        return pool.train(List.of(new TrainerPool.Job(initial, data, publicIndices, seed)), settings).get(0);
    }
}
