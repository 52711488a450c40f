package org.fedwan.compression;

/**
 * Encodes every layer of a model (or of an update) with one {@link LayerCodec} into a single byte
 * array, layers in layout order with no padding between them; the array length is
 * {@code bits(layout).totalBytes()}.
 */
public final class UpdateCodec {

    private final LayerCodec codec;

    public UpdateCodec(LayerCodec codec) {
        this.codec = codec;
    }

    public LayerCodec layerCodec() {
        return codec;
    }

    /** Exact size of a message for {@code layout}. */
    public BitCount bits(ModelLayout layout) {
        BitCount total = BitCount.ZERO;
        for (LayerSpec l : layout.layers()) {
            total = total.plus(codec.bits(l.parameterCount()));
        }
        return total;
    }

    /** Encodes one array of values per layer. */
    public byte[] encode(ModelLayout layout, float[][] layerValues) {
        layout.checkValues(layerValues);
        BitWriter out = new BitWriter(bits(layout).totalBits());
        for (float[] values : layerValues) {
            codec.encode(values, out);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a message; rejects a message whose length is not the one the layout implies.
     *
     * @throws MalformedMessageException if the length is wrong
     */
    public float[][] decode(ModelLayout layout, byte[] message) {
        long expected = bits(layout).totalBytes();
        if (message.length != expected) {
            throw new MalformedMessageException(codec.name() + " message for " + layout.layerCount() + " layers must be "
                    + expected + " bytes, got " + message.length);
        }
        BitReader in = new BitReader(message);
        float[][] values = new float[layout.layerCount()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = new float[layout.layers().get(i).parameterCount()];
            codec.decode(in, values[i]);
        }
        return values;
    }
}
