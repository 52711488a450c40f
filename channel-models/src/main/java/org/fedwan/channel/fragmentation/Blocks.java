package org.fedwan.channel.fragmentation;

/** Blocks of data bytes packed little-endian into 64-bit words, so that XOR runs eight bytes at a time. */
final class Blocks {

    private Blocks() {
    }

    /** @return words holding {@code bytes} bytes */
    static int words(int bytes) {
        return (bytes + 7) >>> 3;
    }

    /** Packs {@code length} bytes of {@code src} from {@code offset} into a new block of {@code blockBytes}, zero-padded. */
    static long[] pack(byte[] src, int offset, int length, int blockBytes) {
        long[] block = new long[words(blockBytes)];
        for (int k = 0; k < length; k++) {
            block[k >>> 3] |= (src[offset + k] & 0xFFL) << ((k & 7) << 3);
        }
        return block;
    }

    /** Writes the first {@code length} bytes of {@code block} into {@code dst} from {@code offset}. */
    static void unpack(long[] block, byte[] dst, int offset, int length) {
        for (int k = 0; k < length; k++) {
            dst[offset + k] = (byte) (block[k >>> 3] >>> ((k & 7) << 3));
        }
    }

    /** {@code target ^= source}, word by word. */
    static void xor(long[] target, long[] source) {
        for (int w = 0; w < target.length; w++) {
            target[w] ^= source[w];
        }
    }

    /** {@code target ^= source} from word {@code from} on (the words before are zero in {@code source}). */
    static void xorFrom(long[] target, long[] source, int from) {
        for (int w = from; w < target.length; w++) {
            target[w] ^= source[w];
        }
    }
}
