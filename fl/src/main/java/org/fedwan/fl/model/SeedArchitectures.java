package org.fedwan.fl.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;

/**
 * The seed papers' architectures as pure layouts (no graph), for bit accounting and for the
 * trainable versions built on them. Shapes follow {@link CnnMnist}: convolution kernels
 * {@code [kH, kW, in, out]}, dense weights {@code [in, out]}, then the bias; a batch-norm layer's
 * gamma and beta belong to the layer it follows (BN running statistics are buffers, not
 * parameters, and are not listed). Forward FLOPs per sample count the multiplications and additions
 * of convolutions and dense layers (2 per multiply-accumulate), as {@link CnnMnist} does.
 *
 * <ul>
 *   <li>{@code cnn6-cifar}: seed 000 section IV-A, four 3x3 convolutions (16, 32, 64, 128) and FC
 *       512-256-10, 231,338 parameters; FC1's 512 inputs (128 x 2 x 2) imply 'same' padding and a
 *       2x2 max-pool after each convolution.</li>
 *   <li>{@code cnn-mnist-octav} / {@code cnn-cifar-octav}: seed 002 Tables I and III, two 3x3
 *       convolutions of 16 channels with batch norm and 2x2 pooling, FC 784 (1024) - 100 - 10 with
 *       batch norm.</li>
 *   <li>{@code mlp-mnist-qrr}: seed 004, MLP 784-200-10.</li>
 *   <li>{@code cnn-mnist-qrr}: seed 004's MNIST CNN as in its reference code (3x3 convolutions of
 *       16 and 32 channels, padding 1, one 2x2 pool, FC 6272-64-10). The paper's text says "1 fully
 *       connected layer"; the code has two, and only the code's network reproduces the paper's bit
 *       fractions (2.75-7.84 %).</li>
 *   <li>{@code vgg-cifar-qrr}: seed 004's VGG-like CIFAR-10 CNN (three blocks of two 3x3
 *       convolutions, 32-64-128 channels, padding 1, 2x2 pooling; FC 2048-128-10).</li>
 * </ul>
 */
public final class SeedArchitectures {

    /**
     * One architecture.
     *
     * @param name                  scenario name
     * @param source                seed and place it comes from
     * @param inputShape            {channels, height, width} or {features}
     * @param numClasses            output classes
     * @param layout                layers and tensors
     * @param forwardFlopsPerSample multiply and add counted apart
     */
    public record Architecture(String name, String source, int[] inputShape, int numClasses, ModelLayout layout,
            long forwardFlopsPerSample) {

        @Override
        public int[] inputShape() {
            return inputShape.clone();
        }
    }

    private static final Map<String, Architecture> ARCHITECTURES = new TreeMap<>();

    static {
        add(cnn6Cifar());
        add(octav("cnn-mnist-octav", "seed 002 Table I", 1, 28));
        add(octav("cnn-cifar-octav", "seed 002 Table III", 3, 32));
        add(mlpMnistQrr());
        add(cnnMnistQrr());
        add(vggCifarQrr());
    }

    private SeedArchitectures() {
    }

    /** Names, sorted. */
    public static List<String> names() {
        return List.copyOf(ARCHITECTURES.keySet());
    }

    /** @throws IllegalArgumentException naming the value and the allowed names */
    public static Architecture get(String name) {
        Architecture a = ARCHITECTURES.get(name);
        if (a == null) {
            throw new IllegalArgumentException("unknown seed architecture '" + name + "'; allowed: " + String.join(", ", names()));
        }
        return a;
    }

    /** The layout of {@code name}. */
    public static ModelLayout layout(String name) {
        return get(name).layout();
    }

    /** Forward FLOPs of one sample of {@code name}. */
    public static long forwardFlopsPerSample(String name) {
        return get(name).forwardFlopsPerSample();
    }

    private static void add(Architecture a) {
        ARCHITECTURES.put(a.name(), a);
    }

    /** Builds layers and counts FLOPs side by side. */
    private static final class Builder {
        final List<LayerSpec> layers = new ArrayList<>();
        long flops;

        /** A k x k convolution producing an {@code outH x outW} map (before any pooling). */
        Builder conv(String name, int k, int in, int out, int outH, int outW, String batchNorm) {
            List<TensorSpec> t = new ArrayList<>(List.of(new TensorSpec(name + ".weight", new int[] {k, k, in, out}),
                    new TensorSpec(name + ".bias", new int[] {out})));
            batchNorm(t, batchNorm, out);
            layers.add(new LayerSpec(name, t));
            flops += 2L * outH * outW * out * k * k * in;
            return this;
        }

        Builder dense(String name, int in, int out, String batchNorm) {
            List<TensorSpec> t = new ArrayList<>(List.of(new TensorSpec(name + ".weight", new int[] {in, out}),
                    new TensorSpec(name + ".bias", new int[] {out})));
            batchNorm(t, batchNorm, out);
            layers.add(new LayerSpec(name, t));
            flops += 2L * in * out;
            return this;
        }

        private static void batchNorm(List<TensorSpec> t, String bn, int channels) {
            if (bn != null) {
                t.add(new TensorSpec(bn + ".gamma", new int[] {channels}));
                t.add(new TensorSpec(bn + ".beta", new int[] {channels}));
            }
        }

        Architecture build(String name, String source, int[] input, int classes) {
            return new Architecture(name, source, input, classes, new ModelLayout(layers), flops);
        }
    }

    private static Architecture cnn6Cifar() {
        return new Builder()
                .conv("conv1", 3, 3, 16, 32, 32, null)
                .conv("conv2", 3, 16, 32, 16, 16, null)
                .conv("conv3", 3, 32, 64, 8, 8, null)
                .conv("conv4", 3, 64, 128, 4, 4, null)
                .dense("fc1", 512, 256, null)
                .dense("fc2", 256, 10, null)
                .build("cnn6-cifar", "seed 000 section IV-A", new int[] {3, 32, 32}, 10);
    }

    private static Architecture octav(String name, String source, int channels, int size) {
        int pooled = size / 4;
        return new Builder()
                .conv("conv1", 3, channels, 16, size, size, "bn1")
                .conv("conv2", 3, 16, 16, size / 2, size / 2, "bn2")
                .dense("fc1", 16 * pooled * pooled, 100, "bn3")
                .dense("fc2", 100, 10, "bn4")
                .build(name, source, new int[] {channels, size, size}, 10);
    }

    private static Architecture mlpMnistQrr() {
        return new Builder()
                .dense("hidden", 784, 200, null)
                .dense("output", 200, 10, null)
                .build("mlp-mnist-qrr", "seed 004 section III-B, first experiment", new int[] {784}, 10);
    }

    private static Architecture cnnMnistQrr() {
        return new Builder()
                .conv("conv1", 3, 1, 16, 28, 28, null)
                .conv("conv2", 3, 16, 32, 28, 28, null)
                .dense("fc1", 32 * 14 * 14, 64, null)
                .dense("fc2", 64, 10, null)
                .build("cnn-mnist-qrr", "seed 004 section III-B, second experiment (reference code)", new int[] {1, 28, 28}, 10);
    }

    private static Architecture vggCifarQrr() {
        return new Builder()
                .conv("conv1_1", 3, 3, 32, 32, 32, null)
                .conv("conv1_2", 3, 32, 32, 32, 32, null)
                .conv("conv2_1", 3, 32, 64, 16, 16, null)
                .conv("conv2_2", 3, 64, 64, 16, 16, null)
                .conv("conv3_1", 3, 64, 128, 8, 8, null)
                .conv("conv3_2", 3, 128, 128, 8, 8, null)
                .dense("fc1", 128 * 4 * 4, 128, null)
                .dense("fc2", 128, 10, null)
                .build("vgg-cifar-qrr", "seed 004 section III-B, third experiment (reference code)", new int[] {3, 32, 32}, 10);
    }
}
