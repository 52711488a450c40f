package org.fedwan.fl.data;

import java.util.SplittableRandom;

/**
 * A small learnable image set for fast tests and dry runs: each class has a fixed random
 * prototype image; samples are the prototype plus uniform noise, clamped to 0-255.
 */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    /**
     * One-channel images; same as {@link #generate(String, int, int, int, int, int, long, long)} with one channel.
     *
     * @param name       data set name
     * @param count      number of images
     * @param side       image height and width in pixels (one channel)
     * @param numClasses number of classes
     * @param noise      noise amplitude in pixel units (0-255)
     * @param seed       seed of both prototypes and noise; prototypes depend on {@code seed} and
     *                   the geometry only, so train and test sets made with the same seed share them
     * @param sampleSeed seed of the per-image labels and noise
     */
    public static ImageDataset generate(String name, int count, int side, int numClasses, int noise, long seed,
            long sampleSeed) {
        return generate(name, count, 1, side, numClasses, noise, seed, sampleSeed);
    }

    /**
     * Images of {@code channels} x {@code side} x {@code side} pixels.
     *
     * @param name       data set name
     * @param count      number of images
     * @param channels   channels per image
     * @param side       image height and width in pixels
     * @param numClasses number of classes
     * @param noise      noise amplitude in pixel units (0-255)
     * @param seed       seed of the class prototypes (shared by sets made with the same seed and geometry)
     * @param sampleSeed seed of the per-image labels and noise
     */
    public static ImageDataset generate(String name, int count, int channels, int side, int numClasses, int noise, long seed,
            long sampleSeed) {
        int size = channels * side * side;
        byte[][] prototypes = new byte[numClasses][size];
        SplittableRandom protoRandom = new SplittableRandom(seed);
        for (byte[] proto : prototypes) {
            for (int i = 0; i < size; i++) {
                proto[i] = (byte) (protoRandom.nextBoolean() ? 200 : 30);
            }
        }
        SplittableRandom r = new SplittableRandom(sampleSeed);
        byte[] pixels = new byte[count * size];
        byte[] labels = new byte[count];
        for (int n = 0; n < count; n++) {
            int label = r.nextInt(numClasses);
            labels[n] = (byte) label;
            for (int i = 0; i < size; i++) {
                int v = (prototypes[label][i] & 0xFF) + r.nextInt(-noise, noise + 1);
                pixels[n * size + i] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return new ImageDataset(name, channels, side, side, numClasses, pixels, labels);
    }
}
