package org.fedwan.compression;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ordered layers of a model, as both ends of a link know them. Messages carry no shapes:
 * the layout is agreed in advance, as in every FL system, so the bytes on the air are values
 * and side information only.
 *
 * @param layers layers in model order
 */
public record ModelLayout(List<LayerSpec> layers) {

    public ModelLayout {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a model layout needs at least one layer");
        }
        layers = List.copyOf(layers);
        Set<String> names = new HashSet<>();
        for (LayerSpec l : layers) {
            for (TensorSpec t : l.tensors()) {
                if (!names.add(t.name())) {
                    throw new IllegalArgumentException("tensor name '" + t.name() + "' appears twice in the layout");
                }
            }
        }
    }

    /** Total number of parameters. */
    public long parameterCount() {
        long n = 0;
        for (LayerSpec l : layers) {
            n += l.parameterCount();
        }
        return n;
    }

    public int layerCount() {
        return layers.size();
    }

    /** Checks that {@code values} has one array per layer with the layer's parameter count. */
    public void checkValues(float[][] values) {
        if (values.length != layers.size()) {
            throw new IllegalArgumentException("expected values for " + layers.size() + " layers, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            int expected = layers.get(i).parameterCount();
            if (values[i] == null || values[i].length != expected) {
                throw new IllegalArgumentException("layer '" + layers.get(i).name() + "' needs " + expected
                        + " values, got " + (values[i] == null ? "null" : values[i].length));
            }
        }
    }
}
