package org.fedwan.compression.scheme;

import org.fedwan.compression.BitBreakdown;

/**
 * Bits one layer takes inside a message.
 *
 * @param layer index of the layer in the layout
 * @param bits  payload and side bits of the layer
 */
public record LayerBits(int layer, BitBreakdown bits) {

    public LayerBits {
        if (layer < 0 || bits == null) {
            throw new IllegalArgumentException("layer index must be >= 0 and bits non-null");
        }
    }
}
