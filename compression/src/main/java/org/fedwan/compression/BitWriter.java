package org.fedwan.compression;

/**
 * Writes values MSB-first into a byte array of a size fixed up front. Byte-aligned writes of
 * whole bytes take a fast path; sub-byte widths (int4, binary) are packed without padding.
 */
public final class BitWriter {

    private final byte[] buffer;
    private final long capacityBits;
    private long positionBits;

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

    /** Writes the low {@code width} bits of {@code value}, most significant first; width 1..32. */
    public void writeBits(int value, int width) {
        if (width < 1 || width > 32) {
            throw new IllegalArgumentException("width must be 1..32, got " + width);
        }
        ensure(width);
        if (width == 8 && (positionBits & 7) == 0) {
            buffer[(int) (positionBits >>> 3)] = (byte) value;
            positionBits += 8;
            return;
        }
        for (int i = width - 1; i >= 0; i--) {
            int bit = (value >>> i) & 1;
            if (bit != 0) {
                int index = (int) (positionBits >>> 3);
                buffer[index] |= (byte) (0x80 >>> (int) (positionBits & 7));
            }
            positionBits++;
        }
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
        if ((positionBits & 7) == 0) {
            ensure(32);
            int i = (int) (positionBits >>> 3);
            buffer[i] = (byte) (value >>> 24);
            buffer[i + 1] = (byte) (value >>> 16);
            buffer[i + 2] = (byte) (value >>> 8);
            buffer[i + 3] = (byte) value;
            positionBits += 32;
        } else {
            writeBits(value, 32);
        }
    }

    /** The written bytes; every declared bit must have been written. */
    public byte[] toByteArray() {
        if (positionBits != capacityBits) {
            throw new IllegalStateException("wrote " + positionBits + " bits of the declared " + capacityBits);
        }
        return buffer;
    }

    private void ensure(int width) {
        if (positionBits + width > capacityBits) {
            throw new IllegalStateException("writing " + width + " bits at " + positionBits + " overflows the declared "
                    + capacityBits + " bits: the codec's bit count and its encoder disagree");
        }
    }
}
