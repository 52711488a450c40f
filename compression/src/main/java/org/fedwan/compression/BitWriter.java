package org.fedwan.compression;

/**
 * Writes values MSB-first into a byte array whose size is fixed up front from the codec's exact
 * bit count, so a disagreement between a codec's accounting and its encoder fails loudly.
 *
 * <p>Bits go through a 64-bit accumulator, so any width (1..32) at any bit position costs a shift
 * and an or. Codecs that pack whole bytes, nibbles or single bits in bulk can ask for the backing
 * array at a byte-aligned position ({@link #reserveAlignedBytes}) and write it directly: that is
 * the fast path of int8, int4 and binary payloads.
 */
public final class BitWriter {

    private final byte[] buffer;
    private final long capacityBits;
    private long positionBits;
    /** Pending bits not yet stored in {@link #buffer}: the low {@link #pendingBits} bits of this word. */
    private long pending;
    private int pendingBits;
    private int byteIndex;

    /** A writer for exactly {@code capacityBits} bits (the array is rounded up to whole bytes). */
    public BitWriter(long capacityBits) {
        if (capacityBits < 0 || (capacityBits + 7) / 8 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("capacity " + capacityBits + " bits out of range");
        }
        this.capacityBits = capacityBits;
        this.buffer = new byte[(int) ((capacityBits + 7) / 8)];
    }

    public long positionBits() {
        return positionBits;
    }

    public long capacityBits() {
        return capacityBits;
    }

    /** Whether the next bit written starts a new byte. */
    public boolean isByteAligned() {
        return pendingBits == 0;
    }

    /** Writes the low {@code width} bits of {@code value}, most significant first; width 1..32. */
    public void writeBits(int value, int width) {
        if (width < 1 || width > 32) {
            throw new IllegalArgumentException("width must be 1..32, got " + width);
        }
        ensure(width);
        pending = (pending << width) | (value & (0xFFFF_FFFFL >>> (32 - width)));
        pendingBits += width;
        positionBits += width;
        while (pendingBits >= 8) {
            pendingBits -= 8;
            buffer[byteIndex++] = (byte) (pending >>> pendingBits);
        }
    }

    /** Writes one bit. */
    public void writeBit(boolean bit) {
        writeBits(bit ? 1 : 0, 1);
    }

    /** Writes one byte. */
    public void writeByte(int value) {
        writeBits(value & 0xFF, 8);
    }

    /** Writes an IEEE 754 float as 32 bits. */
    public void writeFloat(float value) {
        writeInt(Float.floatToRawIntBits(value));
    }

    /** Writes a 32-bit integer, big-endian. */
    public void writeInt(int value) {
        if (pendingBits == 0) {
            ensure(32);
            buffer[byteIndex] = (byte) (value >>> 24);
            buffer[byteIndex + 1] = (byte) (value >>> 16);
            buffer[byteIndex + 2] = (byte) (value >>> 8);
            buffer[byteIndex + 3] = (byte) value;
            byteIndex += 4;
            positionBits += 32;
        } else {
            writeBits(value, 32);
        }
    }

    /**
     * Bulk fast path: reserves the next {@code byteCount} whole bytes at a byte-aligned position and
     * returns their offset in {@link #array()}; the caller fills them directly.
     *
     * @throws IllegalStateException if the position is not byte-aligned or the bytes overflow
     */
    public int reserveAlignedBytes(int byteCount) {
        if (pendingBits != 0) {
            throw new IllegalStateException("bulk write needs a byte-aligned position, at bit " + positionBits);
        }
        ensure(8L * byteCount);
        int offset = byteIndex;
        byteIndex += byteCount;
        positionBits += 8L * byteCount;
        return offset;
    }

    /** The backing array, for bulk writers between {@link #reserveAlignedBytes} calls. */
    public byte[] array() {
        return buffer;
    }

    /** The written bytes; every declared bit must have been written. Unused bits of the last byte are 0. */
    public byte[] toByteArray() {
        if (positionBits != capacityBits) {
            throw new IllegalStateException("wrote " + positionBits + " bits of the declared " + capacityBits);
        }
        if (pendingBits > 0) {
            buffer[byteIndex] = (byte) (pending << (8 - pendingBits));
        }
        return buffer;
    }

    private void ensure(long width) {
        if (positionBits + width > capacityBits) {
            throw new IllegalStateException("writing " + width + " bits at " + positionBits + " overflows the declared "
                    + capacityBits + " bits: the codec's bit count and its encoder disagree");
        }
    }
}
