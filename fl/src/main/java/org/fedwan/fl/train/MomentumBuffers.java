package org.fedwan.fl.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;
import org.fedwan.fl.model.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SGD momentum buffers of a trainer's trainable tensors, moved between the per-layer values a
 * client keeps between rounds ({@link OptimizerState#momentum()}, in the model layout's order)
 * and the ND4J arrays of one training job, which the trainer closes when the job ends.
 */
final class MomentumBuffers {

    private MomentumBuffers() {
    }

    /**
     * One array per trainable tensor: zeros when {@code state} has no momentum, else its values.
     *
     * @param layout          the model's layout
     * @param trainable       names of the trainable tensors, in the order of {@code trainableArrays}
     * @param trainableArrays the trainable tensors (their shapes and data types)
     * @param state           the client's optimizer state
     * @return new arrays, owned by the caller
     */
    static INDArray[] arrays(ModelLayout layout, List<String> trainable, INDArray[] trainableArrays, OptimizerState state) {
        INDArray[] m = new INDArray[trainableArrays.length];
        float[][] values = state.momentum();
        if (values != null) {
            layout.checkValues(values);
        }
        Map<String, int[]> where = tensorPositions(layout);
        for (int i = 0; i < m.length; i++) {
            INDArray w = trainableArrays[i];
            if (values == null) {
                m[i] = Nd4j.zeros(w.dataType(), w.shape());
            } else {
                int[] p = where.get(trainable.get(i));
                m[i] = Weights.array(values[p[0]], p[1], layout.layers().get(p[0]).tensors().get(p[2]).shape());
            }
        }
        return m;
    }

    /**
     * The values of {@code momentum} per layer, in the layout's order.
     *
     * @param layout    the model's layout
     * @param trainable names of the trainable tensors, in the order of {@code momentum}
     * @param momentum  one array per trainable tensor (read, not closed)
     * @return per layer, its momentum values
     */
    static float[][] values(ModelLayout layout, List<String> trainable, INDArray[] momentum) {
        float[][] out = new float[layout.layerCount()][];
        for (int l = 0; l < out.length; l++) {
            out[l] = new float[layout.layers().get(l).parameterCount()];
        }
        Map<String, int[]> where = tensorPositions(layout);
        for (int i = 0; i < momentum.length; i++) {
            int[] p = where.get(trainable.get(i));
            float[] v = NativeArrays.floats(momentum[i]);
            System.arraycopy(v, 0, out[p[0]], p[1], v.length);
        }
        return out;
    }

    /** Tensor name to {layer, offset within the layer, tensor index}. */
    private static Map<String, int[]> tensorPositions(ModelLayout layout) {
        Map<String, int[]> where = new HashMap<>();
        for (int l = 0; l < layout.layerCount(); l++) {
            int offset = 0;
            List<TensorSpec> ts = layout.layers().get(l).tensors();
            for (int t = 0; t < ts.size(); t++) {
                where.put(ts.get(t).name(), new int[] {l, offset, t});
                offset += ts.get(t).elementCount();
            }
        }
        return where;
    }
}
