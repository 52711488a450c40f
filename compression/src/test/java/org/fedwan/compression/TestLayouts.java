package org.fedwan.compression;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Layouts for tests. The seed architectures are the shapes of fl's {@code SeedArchitectures}
 * (compression cannot depend on fl); {@code SeedArchitecturesTest} there checks the same counts.
 */
public final class TestLayouts {

    private TestLayouts() {
    }

    public static LayerSpec conv(String name, int k, int in, int out) {
        return new LayerSpec(name, List.of(new TensorSpec(name + ".weight", new int[] {k, k, in, out}),
                new TensorSpec(name + ".bias", new int[] {out})));
    }

    public static LayerSpec dense(String name, int in, int out) {
        return new LayerSpec(name, List.of(new TensorSpec(name + ".weight", new int[] {in, out}),
                new TensorSpec(name + ".bias", new int[] {out})));
    }

    /** A layer followed by batch norm: its tensors plus gamma and beta (seed 002 Tables I, III). */
    public static LayerSpec withBatchNorm(LayerSpec l, String bn, int channels) {
        List<TensorSpec> t = new ArrayList<>(l.tensors());
        t.add(new TensorSpec(bn + ".gamma", new int[] {channels}));
        t.add(new TensorSpec(bn + ".beta", new int[] {channels}));
        return new LayerSpec(l.name(), t);
    }

    /** Seed 000 section IV-A: 231,338 parameters. */
    public static ModelLayout cnn6Cifar() {
        return new ModelLayout(List.of(conv("conv1", 3, 3, 16), conv("conv2", 3, 16, 32), conv("conv3", 3, 32, 64),
                conv("conv4", 3, 64, 128), dense("fc1", 512, 256), dense("fc2", 256, 10)));
    }

    /** Seed 002 Table I. */
    public static ModelLayout cnnMnistOctav() {
        return new ModelLayout(List.of(withBatchNorm(conv("conv1", 3, 1, 16), "bn1", 16),
                withBatchNorm(conv("conv2", 3, 16, 16), "bn2", 16), withBatchNorm(dense("fc1", 784, 100), "bn3", 100),
                withBatchNorm(dense("fc2", 100, 10), "bn4", 10)));
    }

    /** Seed 002 Table III. */
    public static ModelLayout cnnCifarOctav() {
        return new ModelLayout(List.of(withBatchNorm(conv("conv1", 3, 3, 16), "bn1", 16),
                withBatchNorm(conv("conv2", 3, 16, 16), "bn2", 16), withBatchNorm(dense("fc1", 1024, 100), "bn3", 100),
                withBatchNorm(dense("fc2", 100, 10), "bn4", 10)));
    }

    /** Seed 004 MLP 784-200-10. */
    public static ModelLayout mlpMnistQrr() {
        return new ModelLayout(List.of(dense("hidden", 784, 200), dense("output", 200, 10)));
    }

    /** Seed 004 MNIST CNN as in its reference code: conv 16, conv 32, pool, fc 6272-64, fc 64-10. */
    public static ModelLayout cnnMnistQrr() {
        return new ModelLayout(List.of(conv("conv1", 3, 1, 16), conv("conv2", 3, 16, 32), dense("fc1", 6272, 64),
                dense("fc2", 64, 10)));
    }

    /** Seed 004 VGG-like CIFAR-10 CNN as in its reference code. */
    public static ModelLayout vggCifarQrr() {
        return new ModelLayout(List.of(conv("conv1_1", 3, 3, 32), conv("conv1_2", 3, 32, 32), conv("conv2_1", 3, 32, 64),
                conv("conv2_2", 3, 64, 64), conv("conv3_1", 3, 64, 128), conv("conv3_2", 3, 128, 128),
                dense("fc1", 2048, 128), dense("fc2", 128, 10)));
    }

    /** A small model with a vector, a matrix, a 4-D kernel and odd sizes, for codec properties. */
    public static ModelLayout small() {
        return new ModelLayout(List.of(conv("conv", 3, 2, 5), dense("fc", 7, 3),
                new LayerSpec("odd", List.of(new TensorSpec("odd.v", new int[] {13})))));
    }

    public static float[][] gaussian(ModelLayout layout, SplittableRandom rnd, double scale) {
        float[][] v = new float[layout.layerCount()][];
        for (int l = 0; l < v.length; l++) {
            v[l] = new float[layout.layers().get(l).parameterCount()];
            for (int i = 0; i < v[l].length; i++) {
                v[l][i] = (float) (rnd.nextGaussian() * scale);
            }
        }
        return v;
    }
}
