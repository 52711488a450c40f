package org.fedwan.compression;

/**
 * Exact size of an encoded message, split into payload (the quantized or raw values) and side
 * information (scales, zero points, norms, codebooks, indices).
 *
 * @param payloadBits bits of values
 * @param sideBits    bits of side information
 */
public record BitCount(long payloadBits, long sideBits) {

    public static final BitCount ZERO = new BitCount(0, 0);

    public BitCount {
        if (payloadBits < 0 || sideBits < 0) {
            throw new IllegalArgumentException("bit counts must be >= 0: payload " + payloadBits + ", side " + sideBits);
        }
    }

    public long totalBits() {
        return payloadBits + sideBits;
    }

    /** Total rounded up to whole bytes: the length of the encoded byte array. */
    public long totalBytes() {
        return (totalBits() + 7) / 8;
    }

    public BitCount plus(BitCount other) {
        return new BitCount(payloadBits + other.payloadBits, sideBits + other.sideBits);
    }
}
