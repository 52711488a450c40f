package org.fedwan.compression.scheme;

import org.fedwan.compression.LayerSpec;

/** Builds the quantizer of one layer, given its index and spec. */
@FunctionalInterface
public interface QuantizerFactory {

    LayerQuantizer create(int layerIndex, LayerSpec layer);
}
