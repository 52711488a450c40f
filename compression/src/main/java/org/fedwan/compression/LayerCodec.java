package org.fedwan.compression;

/**
 * Encodes the values of one layer into bits and decodes them back. Implementations are
 * stateless, deterministic and thread-safe; schemes that keep state across rounds or draw random
 * numbers live in {@link org.fedwan.compression.scheme} and can wrap a codec.
 */
public interface LayerCodec {

    /** Name used in scenario files, e.g. {@code int8}. */
    String name();

    /** Exact bits {@link #encode} writes for a layer of {@code valueCount} values. */
    BitCount bits(int valueCount);

    /**
     * The same bits as {@link #bits}, side information split by kind. The default files all side
     * bits under {@link SideKind#SCALE}; codecs with several kinds override it.
     */
    default BitBreakdown breakdown(int valueCount) {
        BitCount b = bits(valueCount);
        return BitBreakdown.payload(b.payloadBits()).plusSide(SideKind.SCALE, b.sideBits());
    }

    /** Writes {@code values} to {@code out}; exactly {@code bits(values.length).totalBits()} bits. */
    void encode(float[] values, BitWriter out);

    /**
     * Reads {@code out.length} values written by {@link #encode} from {@code in}.
     *
     * @throws MalformedMessageException if the bits cannot be values of this codec (truncated, invalid side data)
     */
    void decode(BitReader in, float[] out);

    /**
     * Largest absolute round-trip error this codec guarantees for {@code values}, or
     * {@code Double.NaN} if it guarantees no pointwise bound. Used by property tests.
     */
    default double errorBound(float[] values) {
        return Double.NaN;
    }
}
