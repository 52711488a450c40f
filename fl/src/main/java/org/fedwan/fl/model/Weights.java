package org.fedwan.fl.model;

import java.util.SplittableRandom;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.TensorSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import java.util.Arrays;

/** Helpers between a layer's flat {@code float[]} and its SameDiff variables. */
public final class Weights {

    private Weights() {
    }

    /** He-normal weights N(0, 2/fanIn) for the first {@code weightCount} values, then {@code biasCount} zeros. */
    public static float[] heNormalThenZeros(SplittableRandom r, int weightCount, int fanIn, int biasCount) {
        float[] v = new float[weightCount + biasCount];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < weightCount; i++) {
            v[i] = (float) (r.nextGaussian() * std);
        }
        return v;
    }

    /** A c-order float array of {@code shape} holding {@code values[offset ..]}. */
    public static INDArray array(float[] values, int offset, int[] shape) {
        long[] s = new long[shape.length];
        int n = 1;
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[i];
            n *= shape[i];
        }
        return Nd4j.create(Arrays.copyOfRange(values, offset, offset + n), s, 'c');
    }

    /** One SameDiff variable per tensor of the layer, named as the tensor, holding its slice of {@code values}. */
    public static SDVariable[] variables(SameDiff sd, LayerSpec layer, float[] values) {
        SDVariable[] vars = new SDVariable[layer.tensors().size()];
        int offset = 0;
        for (int i = 0; i < vars.length; i++) {
            TensorSpec t = layer.tensors().get(i);
            INDArray a = array(values, offset, t.shape());
            vars[i] = sd.var(t.name(), a);
            offset += t.elementCount();
        }
        return vars;
    }
}
