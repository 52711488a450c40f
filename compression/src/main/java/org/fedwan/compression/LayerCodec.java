package org.fedwan.compression;

/**
 * Encodes the values of one layer into bits and decodes them back. Implementations are
 * stateless and thread-safe; schemes that keep state across rounds (error feedback, lazy
 * aggregation) wrap a codec rather than hide state inside it.
 */
public interface LayerCodec {

    /** Name used in scenario files, e.g. {@code int8}. */
    String name();

    /** Exact bits {@link #encode} writes for a layer of {@code valueCount} values. */
    BitCount bits(int valueCount);

    /** Writes {@code values} to {@code out}; exactly {@code bits(values.length).totalBits()} bits. */
    void encode(float[] values, BitWriter out);

    /** Reads {@code out.length} values written by {@link #encode} from {@code in}. */
    void decode(BitReader in, float[] out);
}
