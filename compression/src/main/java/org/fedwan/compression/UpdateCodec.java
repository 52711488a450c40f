package org.fedwan.compression;

/**
 * Encodes every layer of a model (or of an update) with one {@link LayerCodec} into a single byte
 * array, layers in layout order with no padding between them; the array length is
 * {@code bits(layout).totalBytes()}.
 *
 * <p>Without an integrity check (the default, which the simulator's byte counts are pinned to) a
 * decoder rejects messages of the wrong length only; {@link #withIntegrityCheck} prefixes a
 * CRC-32 ({@link Integrity}) so flipped bits are rejected too, at 32 more side bits.
 */
public final class UpdateCodec {

    private final LayerCodec codec;
    private final boolean checked;

    /** A codec without integrity check. */
    public UpdateCodec(LayerCodec codec) {
        this(codec, false);
    }

    private UpdateCodec(LayerCodec codec, boolean checked) {
        this.codec = codec;
        this.checked = checked;
    }

    /** A codec whose messages start with a CRC-32 of the rest. */
    public static UpdateCodec withIntegrityCheck(LayerCodec codec) {
        return new UpdateCodec(codec, true);
    }

    public LayerCodec layerCodec() {
        return codec;
    }

    public boolean hasIntegrityCheck() {
        return checked;
    }

    /** Exact size of a message for {@code layout}. */
    public BitCount bits(ModelLayout layout) {
        BitCount total = BitCount.ZERO;
        for (LayerSpec l : layout.layers()) {
            total = total.plus(codec.bits(l.parameterCount()));
        }
        return checked ? total.plus(new BitCount(0, Integrity.CHECK_BITS)) : total;
    }

    /** Encodes one array of values per layer. */
    public byte[] encode(ModelLayout layout, float[][] layerValues) {
        layout.checkValues(layerValues);
        long bits = bits(layout).totalBits();
        BitWriter out = checked ? Integrity.writer(bits - Integrity.CHECK_BITS) : new BitWriter(bits);
        for (float[] values : layerValues) {
            codec.encode(values, out);
        }
        return checked ? Integrity.seal(out) : out.toByteArray();
    }

    /**
     * Decodes a message; rejects a message whose length is not the one the layout implies, and
     * with an integrity check one whose CRC-32 fails.
     *
     * @throws MalformedMessageException if the message is null, its length is wrong or the check fails
     */
    public float[][] decode(ModelLayout layout, byte[] message) {
        long expected = bits(layout).totalBytes();
        if (message == null) {
            throw new MalformedMessageException(codec.name() + " message for " + layout.layerCount() + " layers must be "
                    + expected + " bytes, got none (null)");
        }
        if (message.length != expected) {
            throw new MalformedMessageException(codec.name() + " message for " + layout.layerCount() + " layers must be "
                    + expected + " bytes, got " + message.length);
        }
        BitReader in = checked ? Integrity.open(message, codec.name()) : new BitReader(message);
        float[][] values = new float[layout.layerCount()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = new float[layout.layers().get(i).parameterCount()];
            codec.decode(in, values[i]);
        }
        return values;
    }
}
