package org.fedwan.compression.scheme;

import java.util.Arrays;

/**
 * A fuzzer's raw input read front to back as a program of choices: how many steps, which
 * operation, which client, which bytes. Past the end every read gives zeros, so every byte array
 * (including the empty one) is a valid program. The same bytes always mean the same program,
 * whoever produced them: Jazzer in the long run, a seeded random generator in the short run, or
 * a regression file under {@code src/test/resources/fuzz/}.
 */
final class FuzzBytes {

    private final byte[] data;
    private int position;

    FuzzBytes(byte[] data) {
        this.data = data;
    }

    /** The next byte, 0..255. */
    int u8() {
        return position < data.length ? data[position++] & 0xFF : 0;
    }

    /** The next two bytes, big-endian, 0..65535. */
    int u16() {
        return (u8() << 8) | u8();
    }

    /** The next eight bytes, big-endian. */
    long u64() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | u8();
        }
        return v;
    }

    /** A value in [0, n): one byte for n up to 256, two bytes above. */
    int below(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("below(" + n + ")");
        }
        return (n <= 256 ? u8() : u16()) % n;
    }

    /** The next {@code n} bytes, zeros past the end. */
    byte[] take(int n) {
        byte[] b = new byte[n];
        int available = Math.max(0, Math.min(n, data.length - position));
        System.arraycopy(data, position, b, 0, available);
        position += available;
        return b;
    }

    /** The whole input, for reports. */
    byte[] data() {
        return Arrays.copyOf(data, data.length);
    }
}
