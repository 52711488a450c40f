package org.fedwan.channel.lorawan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Application-level fragmentation of a model-update message into LoRaWAN FRMPayloads.
 *
 * <p>LoRaWAN TS004 fragmentation moves data from server to device only, so FL uplinks need their
 * own scheme (lpwan-facts A8). Each fragment is one FRMPayload made of a 3-byte header followed
 * by up to {@code maxFrmPayloadBytes - 3} data bytes:
 * <pre>
 * byte 0     message tag, 0..255 (identifies the message / session)
 * bytes 1..2 big-endian 16 bits: bit 15 = last-fragment flag, bits 14..0 = fragment index
 * bytes 3..  data
 * </pre>
 * Fragment {@code i} carries message bytes {@code [i*(N-3), min((i+1)*(N-3), S))}; every
 * fragment but the last is full. An empty message is one fragment with index 0, the last flag
 * and no data. A message needs {@code max(1, ceil(S / (N - 3)))} fragments (lpwan-facts A8 with
 * {@code h = 3}; subtract FOpts from {@code N} first, see
 * {@link LorawanFrame#maxFrmPayloadBytes(DataRate, int)}), at most {@value #MAX_FRAGMENTS}.
 *
 * <p>No FEC here (see {@code org.fedwan.channel.fragmentation} for TS004-style coded fragments) and no
 * integrity check beyond the LoRaWAN MIC of each frame.
 */
public final class Fragmentation {

    /** Header length in bytes: tag 1 + flag/index 2. */
    public static final int HEADER_BYTES = 3;
    /** Largest number of fragments per message: the 15-bit index runs 0..32767. */
    public static final int MAX_FRAGMENTS = 1 << 15;
    /** Largest message tag. */
    public static final int MAX_MESSAGE_TAG = 0xFF;

    static final int LAST_FLAG = 0x8000;
    static final int INDEX_MASK = 0x7FFF;

    private Fragmentation() {
    }

    /**
     * Number of fragments: {@code max(1, ceil(messageBytes / (maxFrmPayloadBytes - 3)))}.
     *
     * @param messageBytes       message length in bytes, at least 0
     * @param maxFrmPayloadBytes FRMPayload available per frame, at least 4
     * @return fragment count, 1..{@value #MAX_FRAGMENTS}
     * @throws IllegalArgumentException if the message would need more than
     *                                  {@value #MAX_FRAGMENTS} fragments (the message names both)
     */
    public static int fragmentCount(int messageBytes, int maxFrmPayloadBytes) {
        if (messageBytes < 0) {
            throw new IllegalArgumentException("messageBytes = " + messageBytes + " is not allowed; allowed: >= 0");
        }
        int chunk = dataBytesPerFragment(maxFrmPayloadBytes);
        long count = Math.max(1L, ((long) messageBytes + chunk - 1) / chunk);
        if (count > MAX_FRAGMENTS) {
            throw new IllegalArgumentException("message of " + messageBytes + " bytes would need " + count
                    + " fragments of " + chunk + " data bytes; allowed: at most " + MAX_FRAGMENTS
                    + " fragments (15-bit index)");
        }
        return (int) count;
    }

    /**
     * Splits a message into FRMPayloads (header + data), in index order. The lengths sum to
     * {@code message.length + 3 * fragmentCount(message.length, maxFrmPayloadBytes)}.
     *
     * @param message            message bytes, not null (not modified)
     * @param maxFrmPayloadBytes FRMPayload available per frame, at least 4
     * @param messageTag         tag written into every fragment, 0..255
     * @return new byte arrays, one per fragment
     */
    public static List<byte[]> split(byte[] message, int maxFrmPayloadBytes, int messageTag) {
        Objects.requireNonNull(message, "message is null");
        requireTag(messageTag);
        int count = fragmentCount(message.length, maxFrmPayloadBytes);
        int chunk = dataBytesPerFragment(maxFrmPayloadBytes);
        List<byte[]> fragments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * chunk;
            int to = Math.min(from + chunk, message.length);
            byte[] frm = new byte[HEADER_BYTES + (to - from)];
            int word = i | (i == count - 1 ? LAST_FLAG : 0);
            frm[0] = (byte) messageTag;
            frm[1] = (byte) (word >>> 8);
            frm[2] = (byte) word;
            System.arraycopy(message, from, frm, HEADER_BYTES, to - from);
            fragments.add(frm);
        }
        return fragments;
    }

    /**
     * @param frmPayload a fragment
     * @return its message tag, 0..255
     * @throws IllegalArgumentException if shorter than the header
     */
    public static int messageTag(byte[] frmPayload) {
        requireHeader(frmPayload);
        return frmPayload[0] & 0xFF;
    }

    /**
     * @param frmPayload a fragment
     * @return its fragment index, 0..32767
     * @throws IllegalArgumentException if shorter than the header
     */
    public static int fragmentIndex(byte[] frmPayload) {
        return headerWord(frmPayload) & INDEX_MASK;
    }

    /**
     * @param frmPayload a fragment
     * @return true when the last-fragment flag is set
     * @throws IllegalArgumentException if shorter than the header
     */
    public static boolean isLast(byte[] frmPayload) {
        return (headerWord(frmPayload) & LAST_FLAG) != 0;
    }

    /**
     * @param frmPayload a fragment
     * @return its data, without the header
     * @throws IllegalArgumentException if shorter than the header
     */
    public static byte[] data(byte[] frmPayload) {
        requireHeader(frmPayload);
        return Arrays.copyOfRange(frmPayload, HEADER_BYTES, frmPayload.length);
    }

    static int dataBytesPerFragment(int maxFrmPayloadBytes) {
        if (maxFrmPayloadBytes <= HEADER_BYTES) {
            throw new IllegalArgumentException("maxFrmPayloadBytes = " + maxFrmPayloadBytes
                    + " is not allowed; allowed: >= " + (HEADER_BYTES + 1) + " (a " + HEADER_BYTES
                    + "-byte header plus at least one data byte)");
        }
        return maxFrmPayloadBytes - HEADER_BYTES;
    }

    static void requireTag(int messageTag) {
        if (messageTag < 0 || messageTag > MAX_MESSAGE_TAG) {
            throw new IllegalArgumentException("messageTag = " + messageTag + " is not allowed; allowed: 0.."
                    + MAX_MESSAGE_TAG);
        }
    }

    private static int headerWord(byte[] frmPayload) {
        requireHeader(frmPayload);
        return ((frmPayload[1] & 0xFF) << 8) | (frmPayload[2] & 0xFF);
    }

    private static void requireHeader(byte[] frmPayload) {
        Objects.requireNonNull(frmPayload, "frmPayload is null");
        if (frmPayload.length < HEADER_BYTES) {
            throw new IllegalArgumentException("frmPayload length = " + frmPayload.length
                    + " is not allowed; allowed: >= " + HEADER_BYTES + " (the fragment header)");
        }
    }
}
