package org.fedwan.compression;

/**
 * Reads what a {@link BitWriter} wrote, MSB-first; reading past the end throws
 * {@link MalformedMessageException}. A reader can start at a bit offset (after a message's
 * integrity check) and can hand out the backing array at byte-aligned positions for bulk decoders.
 */
public final class BitReader {

    private final byte[] buffer;
    private final long limitBits;
    private long positionBits;

    public BitReader(byte[] buffer) {
        this(buffer, 0);
    }

    /** A reader positioned at {@code startBits}. */
    public BitReader(byte[] buffer, long startBits) {
        this.buffer = buffer;
        this.limitBits = (long) buffer.length * 8;
        if (startBits < 0 || startBits > limitBits) {
            throw new MalformedMessageException("message of " + buffer.length + " bytes is shorter than its "
                    + startBits + "-bit prefix");
        }
        this.positionBits = startBits;
    }

    public long positionBits() {
        return positionBits;
    }

    public long remainingBits() {
        return limitBits - positionBits;
    }

    public boolean isByteAligned() {
        return (positionBits & 7) == 0;
    }

    /** Reads {@code width} bits (1..32) as an unsigned value in the low bits of the result. */
    public int readBits(int width) {
        if (width < 1 || width > 32) {
            throw new IllegalArgumentException("width must be 1..32, got " + width);
        }
        ensure(width);
        int index = (int) (positionBits >>> 3);
        int offset = (int) (positionBits & 7);
        // gather up to 5 bytes covering offset + width <= 39 bits
        int needed = (offset + width + 7) >>> 3;
        long word = 0;
        for (int i = 0; i < needed; i++) {
            word = (word << 8) | (buffer[index + i] & 0xFF);
        }
        int shift = needed * 8 - offset - width;
        positionBits += width;
        return (int) ((word >>> shift) & (0xFFFF_FFFFL >>> (32 - width)));
    }

    public boolean readBit() {
        return readBits(1) == 1;
    }

    public int readByte() {
        return readBits(8);
    }

    public int readInt() {
        if ((positionBits & 7) == 0) {
            ensure(32);
            int i = (int) (positionBits >>> 3);
            int v = ((buffer[i] & 0xFF) << 24) | ((buffer[i + 1] & 0xFF) << 16) | ((buffer[i + 2] & 0xFF) << 8)
                    | (buffer[i + 3] & 0xFF);
            positionBits += 32;
            return v;
        }
        return readBits(32);
    }

    public float readFloat() {
        return Float.intBitsToFloat(readInt());
    }

    /**
     * Bulk fast path: consumes the next {@code byteCount} whole bytes at a byte-aligned position
     * and returns their offset in {@link #array()}.
     *
     * @throws MalformedMessageException if fewer bytes remain
     * @throws IllegalStateException     if the position is not byte-aligned
     */
    public int consumeAlignedBytes(int byteCount) {
        if ((positionBits & 7) != 0) {
            throw new IllegalStateException("bulk read needs a byte-aligned position, at bit " + positionBits);
        }
        ensure(8L * byteCount);
        int offset = (int) (positionBits >>> 3);
        positionBits += 8L * byteCount;
        return offset;
    }

    /** The backing array, for bulk readers. */
    public byte[] array() {
        return buffer;
    }

    /**
     * Checks that the message ends here: fewer than 8 bits remain and they are zero padding.
     *
     * @throws MalformedMessageException naming the surplus
     */
    public void expectEnd() {
        long rest = remainingBits();
        if (rest >= 8) {
            throw new MalformedMessageException("message has " + rest + " bits after its last field; expected fewer than 8"
                    + " (message too long for its header)");
        }
        if (rest > 0 && readBits((int) rest) != 0) {
            throw new MalformedMessageException("padding bits of the last byte are not zero");
        }
    }

    private void ensure(long width) {
        if (positionBits + width > limitBits) {
            throw new MalformedMessageException("message truncated: needed " + width + " more bits at bit " + positionBits
                    + " of " + limitBits);
        }
    }
}
