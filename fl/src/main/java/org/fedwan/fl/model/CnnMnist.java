package org.fedwan.fl.model;

import java.util.List;
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
 * A small LeNet-style CNN for 28x28 grey images, sized for LPWAN links (5,994 parameters, 24 kB
 * in FP32): conv 5x5x8 + ReLU + max-pool 2, conv 5x5x16 + ReLU + max-pool 2, dense 256 -> 10,
 * softmax. Three layers for layer-wise schemes: {@code conv1}, {@code conv2}, {@code fc}.
 * Weights use He-normal initialisation (He et al. 2015) with zero biases.
 */
public final class CnnMnist implements ModelDefinition {

    public static final String NAME = "cnn-mnist";

    private static final int C1 = 8;
    private static final int C2 = 16;
    private static final int K = 5;
    private static final int FLAT = C2 * 4 * 4;

    private final ModelLayout layout = new ModelLayout(List.of(
            new LayerSpec("conv1", List.of(new TensorSpec("conv1.weight", new int[] {K, K, 1, C1}),
                    new TensorSpec("conv1.bias", new int[] {C1}))),
            new LayerSpec("conv2", List.of(new TensorSpec("conv2.weight", new int[] {K, K, C1, C2}),
                    new TensorSpec("conv2.bias", new int[] {C2}))),
            new LayerSpec("fc", List.of(new TensorSpec("fc.weight", new int[] {FLAT, 10}),
                    new TensorSpec("fc.bias", new int[] {10})))));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int[] inputShape() {
        return new int[] {1, 28, 28};
    }

    @Override
    public int numClasses() {
        return 10;
    }

    @Override
    public ModelLayout layout() {
        return layout;
    }

    @Override
    public float[][] initialWeights(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new float[][] {
            Weights.heNormalThenZeros(r, K * K * C1, K * K, C1),
            Weights.heNormalThenZeros(r, K * K * C1 * C2, K * K * C1, C2),
            Weights.heNormalThenZeros(r, FLAT * 10, FLAT, 10)};
    }

    @Override
    public long forwardFlopsPerSample() {
        long conv1 = 2L * 24 * 24 * C1 * K * K;
        long conv2 = 2L * 8 * 8 * C2 * K * K * C1;
        long fc = 2L * FLAT * 10;
        return conv1 + conv2 + fc;
    }

    @Override
    public SameDiff build(float[][] weights) {
        layout.checkValues(weights);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder(INPUT, DataType.FLOAT, -1, 1, 28, 28);
        SDVariable labels = sd.placeHolder(LABELS, DataType.FLOAT, -1, 10);
        SDVariable[] c1 = Weights.variables(sd, layout.layers().get(0), weights[0]);
        SDVariable[] c2 = Weights.variables(sd, layout.layers().get(1), weights[1]);
        SDVariable[] fc = Weights.variables(sd, layout.layers().get(2), weights[2]);
        SDVariable x = pool(sd, sd.nn().relu(sd.cnn().conv2d(in, c1[0], c1[1], conv(K)), 0));
        x = pool(sd, sd.nn().relu(sd.cnn().conv2d(x, c2[0], c2[1], conv(K)), 0));
        SDVariable logits = sd.reshape(x, -1, FLAT).mmul(fc[0]).add(fc[1]);
        sd.nn().softmax(OUTPUT, logits, -1);
        sd.loss().softmaxCrossEntropy(LOSS, labels, logits, null);
        return sd;
    }

    static Conv2DConfig conv(int k) {
        return Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
    }

    static SDVariable pool(SameDiff sd, SDVariable x) {
        return sd.cnn().maxPooling2d(x, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
                .paddingMode(PaddingMode.VALID).isNHWC(false).build());
    }
}
