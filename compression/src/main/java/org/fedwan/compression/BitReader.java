package org.fedwan.compression;

/** Reads what a {@link BitWriter} wrote; reading past the end throws {@link MalformedMessageException}. */
public final class BitReader {

    private final byte[] buffer;
    private final long limitBits;
    private long positionBits;

    public BitReader(byte[] buffer) {
        this.buffer = buffer;
        this.limitBits = (long) buffer.length * 8;
    }

    public long positionBits() {
        return positionBits;
    }

    public long remainingBits() {
        return limitBits - positionBits;
    }

    /** Reads {@code width} bits (1..32) as an unsigned value in the low bits of the result. */
    public int readBits(int width) {
        if (width < 1 || width > 32) {
            throw new IllegalArgumentException("width must be 1..32, got " + width);
        }
        ensure(width);
        if (width == 8 && (positionBits & 7) == 0) {
            int v = buffer[(int) (positionBits >>> 3)] & 0xFF;
            positionBits += 8;
            return v;
        }
        int value = 0;
        for (int i = 0; i < width; i++) {
            int index = (int) (positionBits >>> 3);
            int bit = (buffer[index] >>> (7 - (int) (positionBits & 7))) & 1;
            value = (value << 1) | bit;
            positionBits++;
        }
        return value;
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

    private void ensure(int width) {
        if (positionBits + width > limitBits) {
            throw new MalformedMessageException("message truncated: needed " + width + " more bits at bit " + positionBits
                    + " of " + limitBits);
        }
    }
}
