package org.fedwan.fl.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * A feed-forward model given as a list of {@link Block}s, from which its layout, seeded initial
 * weights, forward FLOPs and SameDiff graph all follow, so they cannot disagree.
 *
 * <ul>
 * <li><b>Layout:</b> one layer per distinct {@code layer} name, in order of first use; its tensors
 *     in block order (convolution/dense weight and bias, then batch-norm gamma and beta). Running
 *     means and variances are {@linkplain #buffers() buffers}, outside the layout.</li>
 * <li><b>Initial weights</b> (pure Java, from one {@link SplittableRandom}, tensors in layout
 *     order): convolution and dense weights He-normal {@code N(0, 2 / fanIn)} (He et al. 2015),
 *     biases 0; batch-norm gamma 1, beta 0 (buffers: running mean 0, running variance 1, PyTorch's).</li>
 * <li><b>FLOPs:</b> {@code 2 x} multiply-accumulates of convolutions and dense layers; bias adds,
 *     activations, pooling and normalisation are not counted.</li>
 * <li><b>Graph:</b> NCHW. Training path (loss): batch normalisation with the batch's biased
 *     statistics (exposed as {@code prefix.batch_mean}/{@code prefix.batch_var}), dropout as a
 *     product with a mask feed {@code name.mask}. Evaluation path (probabilities): running
 *     statistics, no dropout. Models without either share one path.</li>
 * </ul>
 */
public final class SequentialModel implements ModelDefinition {

    private final String name;
    private final int[] inputShape;
    private final int numClasses;
    private final List<Block> blocks;
    private final ModelLayout layout;
    private final long flops;
    private final List<BatchNormStatistics> statistics;
    private final List<TensorSpec> buffers;
    private final List<DropoutMask> dropouts;
    private final boolean twoPaths;

    /**
     * @param inputShape {channels, height, width}
     * @param blocks     the model, ending in {@code numClasses} logits
     * @throws IllegalArgumentException if the blocks do not fit together
     */
    public SequentialModel(String name, int[] inputShape, int numClasses, List<Block> blocks) {
        this.name = name;
        this.inputShape = inputShape.clone();
        this.numClasses = numClasses;
        this.blocks = List.copyOf(blocks);
        Map<String, List<TensorSpec>> layers = new LinkedHashMap<>();
        List<BatchNormStatistics> stats = new ArrayList<>();
        List<TensorSpec> buffers = new ArrayList<>();
        List<DropoutMask> masks = new ArrayList<>();
        int[] shape = inputShape.clone();
        long f = 0;
        for (Block b : this.blocks) {
            if (b instanceof Block.Conv c) {
                require(shape.length == 3 && shape[0] == c.in(), b, shape);
                int h = c.same() ? shape[1] : shape[1] - c.kernel() + 1;
                int w = c.same() ? shape[2] : shape[2] - c.kernel() + 1;
                require(h > 0 && w > 0 && (!c.same() || c.kernel() % 2 == 1), b, shape);
                tensors(layers, c.layer()).add(new TensorSpec(c.prefix() + ".weight", new int[] {c.kernel(), c.kernel(), c.in(), c.out()}));
                tensors(layers, c.layer()).add(new TensorSpec(c.prefix() + ".bias", new int[] {c.out()}));
                f += 2L * h * w * c.out() * c.kernel() * c.kernel() * c.in();
                shape = new int[] {c.out(), h, w};
            } else if (b instanceof Block.Dense d) {
                require(shape.length == 1 && shape[0] == d.in(), b, shape);
                tensors(layers, d.layer()).add(new TensorSpec(d.prefix() + ".weight", new int[] {d.in(), d.out()}));
                tensors(layers, d.layer()).add(new TensorSpec(d.prefix() + ".bias", new int[] {d.out()}));
                f += 2L * d.in() * d.out();
                shape = new int[] {d.out()};
            } else if (b instanceof Block.BatchNorm n) {
                require(shape[0] == n.channels(), b, shape);
                tensors(layers, n.layer()).add(new TensorSpec(n.prefix() + ".gamma", new int[] {n.channels()}));
                tensors(layers, n.layer()).add(new TensorSpec(n.prefix() + ".beta", new int[] {n.channels()}));
                buffers.add(new TensorSpec(n.prefix() + ".running_mean", new int[] {n.channels()}));
                buffers.add(new TensorSpec(n.prefix() + ".running_var", new int[] {n.channels()}));
                int positions = shape.length == 3 ? shape[1] * shape[2] : 1;
                stats.add(new BatchNormStatistics(n.prefix() + ".running_mean", n.prefix() + ".running_var",
                        n.prefix() + ".batch_mean", n.prefix() + ".batch_var", positions));
            } else if (b instanceof Block.MaxPool p) {
                require(shape.length == 3 && shape[1] >= p.size() && shape[2] >= p.size(), b, shape);
                shape = new int[] {shape[0], shape[1] / p.size(), shape[2] / p.size()};
            } else if (b instanceof Block.Flatten) {
                shape = new int[] {Arrays.stream(shape).reduce(1, (x, y) -> x * y)};
            } else if (b instanceof Block.Dropout d) {
                masks.add(new DropoutMask(d.name() + ".mask", shape, d.rate()));
            }
        }
        if (shape.length != 1 || shape[0] != numClasses) {
            throw new IllegalArgumentException(name + ": the blocks must end in " + numClasses
                    + " logits, got shape " + Arrays.toString(shape));
        }
        List<LayerSpec> specs = new ArrayList<>();
        layers.forEach((layer, ts) -> specs.add(new LayerSpec(layer, ts)));
        this.layout = new ModelLayout(specs);
        this.flops = f;
        this.statistics = List.copyOf(stats);
        this.buffers = List.copyOf(buffers);
        this.dropouts = List.copyOf(masks);
        this.twoPaths = !stats.isEmpty() || !masks.isEmpty();
    }

    private void require(boolean ok, Block b, int[] shape) {
        if (!ok) {
            throw new IllegalArgumentException(name + ": block " + b + " does not fit input shape " + Arrays.toString(shape));
        }
    }

    private static List<TensorSpec> tensors(Map<String, List<TensorSpec>> layers, String layer) {
        return layers.computeIfAbsent(layer, k -> new ArrayList<>());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public ModelLayout layout() {
        return layout;
    }

    /** The blocks, in order. */
    public List<Block> blocks() {
        return blocks;
    }

    @Override
    public long forwardFlopsPerSample() {
        return flops;
    }

    @Override
    public List<BatchNormStatistics> batchNormStatistics() {
        return statistics;
    }

    @Override
    public List<TensorSpec> buffers() {
        return buffers;
    }

    /** Running means 0, running variances 1 (PyTorch's initial statistics). */
    @Override
    public float[] initialBuffers() {
        float[] out = new float[bufferSize()];
        int offset = 0;
        for (TensorSpec t : buffers) {
            if (t.name().endsWith(".running_var")) {
                Arrays.fill(out, offset, offset + t.elementCount(), 1f);
            }
            offset += t.elementCount();
        }
        return out;
    }

    @Override
    public List<DropoutMask> dropoutMasks() {
        return dropouts;
    }

    @Override
    public float[][] initialWeights(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Integer> fanIn = new LinkedHashMap<>();
        for (Block b : blocks) {
            if (b instanceof Block.Conv c) {
                fanIn.put(c.prefix() + ".weight", c.kernel() * c.kernel() * c.in());
            } else if (b instanceof Block.Dense d) {
                fanIn.put(d.prefix() + ".weight", d.in());
            }
        }
        float[][] out = new float[layout.layerCount()][];
        for (int l = 0; l < out.length; l++) {
            LayerSpec layer = layout.layers().get(l);
            out[l] = new float[layer.parameterCount()];
            int offset = 0;
            for (TensorSpec t : layer.tensors()) {
                int n = t.elementCount();
                Integer fan = fanIn.get(t.name());
                if (fan != null) {
                    double std = Math.sqrt(2.0 / fan);
                    for (int i = 0; i < n; i++) {
                        out[l][offset + i] = (float) (r.nextGaussian() * std);
                    }
                } else if (isBatchNormGamma(t.name())) {
                    Arrays.fill(out[l], offset, offset + n, 1f);
                }
                offset += n;
            }
        }
        return out;
    }

    private boolean isBatchNormGamma(String tensor) {
        for (Block b : blocks) {
            if (b instanceof Block.BatchNorm n && tensor.equals(n.prefix() + ".gamma")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public SameDiff build(float[][] weights) {
        layout.checkValues(weights);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder(INPUT, DataType.FLOAT, -1, inputShape[0], inputShape[1], inputShape[2]);
        SDVariable labels = sd.placeHolder(LABELS, DataType.FLOAT, -1, numClasses);
        Map<String, SDVariable> vars = new LinkedHashMap<>();
        for (int l = 0; l < layout.layerCount(); l++) {
            SDVariable[] v = Weights.variables(sd, layout.layers().get(l), weights[l]);
            for (SDVariable x : v) {
                vars.put(x.name(), x);
            }
        }
        float[] initial = initialBuffers();
        int offset = 0;
        for (TensorSpec t : buffers) {
            vars.put(t.name(), sd.var(t.name(), Weights.array(initial, offset, t.shape())));
            offset += t.elementCount();
        }
        SDVariable trainLogits = forward(sd, in, vars, true);
        SDVariable evalLogits = twoPaths ? forward(sd, in, vars, false) : trainLogits;
        sd.nn().softmax(OUTPUT, evalLogits, -1);
        sd.loss().softmaxCrossEntropy(LOSS, labels, trainLogits, null);
        return sd;
    }

    private SDVariable forward(SameDiff sd, SDVariable in, Map<String, SDVariable> v, boolean training) {
        SDVariable x = in;
        int[] shape = inputShape.clone();
        for (Block b : blocks) {
            if (b instanceof Block.Conv c) {
                Conv2DConfig cfg = Conv2DConfig.builder().kH(c.kernel()).kW(c.kernel()).sH(1).sW(1)
                        .paddingMode(c.same() ? PaddingMode.SAME : PaddingMode.VALID).dataFormat("NCHW").build();
                x = sd.cnn().conv2d(x, v.get(c.prefix() + ".weight"), v.get(c.prefix() + ".bias"), cfg);
                int h = c.same() ? shape[1] : shape[1] - c.kernel() + 1;
                int w = c.same() ? shape[2] : shape[2] - c.kernel() + 1;
                shape = new int[] {c.out(), h, w};
            } else if (b instanceof Block.Dense d) {
                x = x.mmul(v.get(d.prefix() + ".weight")).add(v.get(d.prefix() + ".bias"));
                shape = new int[] {d.out()};
            } else if (b instanceof Block.BatchNorm n) {
                x = batchNorm(sd, x, v, n, shape.length == 3, training);
            } else if (b instanceof Block.Relu) {
                x = sd.nn().relu(x, 0);
            } else if (b instanceof Block.MaxPool p) {
                x = sd.cnn().maxPooling2d(x, Pooling2DConfig.builder().kH(p.size()).kW(p.size()).sH(p.size()).sW(p.size())
                        .paddingMode(PaddingMode.VALID).isNHWC(false).build());
                shape = new int[] {shape[0], shape[1] / p.size(), shape[2] / p.size()};
            } else if (b instanceof Block.Flatten) {
                int n = Arrays.stream(shape).reduce(1, (a, c) -> a * c);
                x = sd.reshape(x, -1, n);
                shape = new int[] {n};
            } else if (b instanceof Block.Dropout d) {
                if (training && d.rate() > 0) {
                    long[] maskShape = new long[shape.length + 1];
                    maskShape[0] = -1;
                    for (int i = 0; i < shape.length; i++) {
                        maskShape[i + 1] = shape[i];
                    }
                    x = x.mul(sd.placeHolder(d.name() + ".mask", DataType.FLOAT, maskShape));
                }
            }
        }
        return x;
    }

    /**
     * {@code gamma * (x - mean) / sqrt(var + eps) + beta} from elementary operations, so that
     * automatic differentiation also runs through the batch statistics in training mode
     * (SameDiff's fused batch-norm op cannot be differentiated in ND4J 1.0.0-M2.1: its derivative
     * op is built without an axis). Training normalises with the biased batch variance, as
     * PyTorch does. The price is some twenty element-wise passes over the activations per
     * step and layer, which makes convolutional batch-norm models several times slower per FLOP
     * than the plain ones.
     */
    private static SDVariable batchNorm(SameDiff sd, SDVariable x, Map<String, SDVariable> v, Block.BatchNorm n,
            boolean spatial, boolean training) {
        int c = n.channels();
        long[] bshape = spatial ? new long[] {1, c, 1, 1} : new long[] {1, c};
        int[] dims = spatial ? new int[] {0, 2, 3} : new int[] {0};
        SDVariable mean;
        SDVariable var;
        SDVariable centred;
        if (training) {
            mean = sd.mean(n.prefix() + ".batch_mean", x, false, dims);
            centred = x.sub(sd.reshape(mean, bshape));
            var = sd.mean(n.prefix() + ".batch_var", sd.math().square(centred), false, dims);
        } else {
            mean = v.get(n.prefix() + ".running_mean");
            var = v.get(n.prefix() + ".running_var");
            centred = x.sub(sd.reshape(mean, bshape));
        }
        SDVariable scale = sd.math().rsqrt(var.add(BatchNormStatistics.EPSILON)).mul(v.get(n.prefix() + ".gamma"));
        return centred.mul(sd.reshape(scale, bshape)).add(sd.reshape(v.get(n.prefix() + ".beta"), bshape));
    }
}
