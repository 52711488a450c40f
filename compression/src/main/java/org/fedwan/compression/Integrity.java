package org.fedwan.compression;

import java.util.zip.CRC32;
import java.util.Locale;

/**
 * The integrity check every scheme message carries: a CRC-32 (IEEE 802.3 polynomial, as
 * {@link java.util.zip.CRC32}) of all bytes after it, stored big-endian in the first 4 bytes and
 * counted as {@link SideKind#CHECK} side bits. Putting it first lets a receiver verify a message
 * before parsing a header that says how long the rest must be. CRC-32 detects every error burst
 * up to 32 bits, every odd number of flipped bits and any other corruption or truncation except
 * with probability 2^-32; the padding bits of the last byte are zero and covered too.
 */
public final class Integrity {

    /** Bits of the check. */
    public static final int CHECK_BITS = 32;

    private Integrity() {
    }

    /** A writer for a message of {@code bodyBits} after the check, positioned after the check. */
    public static BitWriter writer(long bodyBits) {
        BitWriter w = new BitWriter(CHECK_BITS + bodyBits);
        w.writeInt(0);
        return w;
    }

    /** The finished message with its check filled in. */
    public static byte[] seal(BitWriter writer) {
        byte[] b = writer.toByteArray();
        int crc = crc(b);
        b[0] = (byte) (crc >>> 24);
        b[1] = (byte) (crc >>> 16);
        b[2] = (byte) (crc >>> 8);
        b[3] = (byte) crc;
        return b;
    }

    /**
     * A reader positioned after the check, once the check matches.
     *
     * @param what what the message is, for the exception text
     * @throws MalformedMessageException if the message is shorter than the check or the check fails
     */
    public static BitReader open(byte[] message, String what) {
        if (message == null || message.length < CHECK_BITS / 8) {
            throw new MalformedMessageException(what + " message of " + (message == null ? "null" : message.length + " bytes")
                    + " is shorter than its 4-byte CRC-32");
        }
        int stored = ((message[0] & 0xFF) << 24) | ((message[1] & 0xFF) << 16) | ((message[2] & 0xFF) << 8)
                | (message[3] & 0xFF);
        int actual = crc(message);
        if (stored != actual) {
            throw new MalformedMessageException(String.format(Locale.ROOT,
                    "%s message of %d bytes fails its CRC-32 (stored %08x, computed %08x): corrupted or truncated",
                    what, message.length, stored, actual));
        }
        return new BitReader(message, CHECK_BITS);
    }

    private static int crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b, 4, b.length - 4);
        return (int) c.getValue();
    }
}
