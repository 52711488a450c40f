package org.fedwan.compression.scheme;

import java.util.random.RandomGenerator;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;

/**
 * A stateless quantizer bound to one layer of a layout (it knows the layer's size and, for
 * per-layer bit widths, its own width). Unlike {@link org.fedwan.compression.LayerCodec} it may
 * draw random numbers (stochastic rounding) and may report side data to the server (seed 002's
 * per-layer MSE). Thread-safe.
 */
public interface LayerQuantizer {

    /** Exact bits {@link #encode} writes. */
    BitBreakdown bits();

    /**
     * Writes the layer's values.
     *
     * @param random source for stochastic rounding; may be null for deterministic quantizers
     */
    void encode(float[] values, BitWriter out, RandomGenerator random);

    /**
     * Reads the layer's values into {@code out}.
     *
     * @return the mean squared quantization error the client reported, or NaN if it sends none
     * @throws org.fedwan.compression.MalformedMessageException if the bits are not a valid layer
     */
    double decode(BitReader in, float[] out);

    /**
     * Whether the message carries the layer's mean squared quantization error, which
     * {@link #decode} returns (seed 002 eq. 8); false unless a quantizer overrides it.
     */
    default boolean sendsMse() {
        return false;
    }

    /** Whether {@link #encode} draws random numbers. */
    boolean stochastic();

    /**
     * Largest absolute error a round trip may have on {@code values} (deterministic rounding:
     * half a step; stochastic rounding: one step; clipping: distance to the threshold plus that),
     * or NaN if the quantizer guarantees no pointwise bound.
     */
    double errorBound(float[] values);
}
