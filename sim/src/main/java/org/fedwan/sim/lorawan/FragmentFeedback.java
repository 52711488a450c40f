package org.fedwan.sim.lorawan;

import java.util.Arrays;
import java.util.Objects;
import org.fedwan.results.FrameOutcome;

/**
 * The FRMPayload of an ARQ feedback downlink ({@link FragmentRecovery#ARQ}): which fragments of the
 * device's message the network server still lacks after a pass.
 *
 * <pre>
 * byte 0      message tag
 * byte 1      kind: 0 = complete (nothing missing), 1 = index list, 2 = bitmap
 * list        bytes 2..: missing fragment indices, 2 bytes each, big-endian
 * bitmap      bytes 2..3: first index F, big-endian; bytes 4..: bit k of byte b (LSB first) set
 *             when fragment F + 8b + k is missing
 * </pre>
 *
 * <p>The bitmap is TS004's way to report missing fragments (FragSessionStatusAns reports their
 * count; a bitmap of all N fragments takes {@code ceil(N / 8)} bytes: 484 for a 3,872-fragment
 * update). It is sent as a window starting at the first missing fragment, and the server picks,
 * per downlink, the encoding that names the most missing fragments in the FRMPayload the downlink's
 * data rate allows (fewer bytes on a tie): a sparse loss (1 % of 3,872 is ~39 fragments, 80 bytes
 * as a list) is a list, a dense one a bitmap. When even that does not fit (a 51-byte RX2 frame at
 * EU868 DR0 lists 24 fragments), the feedback names the first ones and the rest are asked for in
 * the next round, after the device resent these. It is not spread over several downlinks: class A
 * gives one downlink per uplink, so a multi-frame bitmap would cost the device empty uplinks to
 * fetch the rest, while a truncated list costs nothing extra (the resent fragments are the
 * uplinks that open the next windows).
 */
final class FragmentFeedback {

    static final int COMPLETE = 0;
    static final int LIST = 1;
    static final int BITMAP = 2;
    /** Tag and kind. */
    static final int HEADER_BYTES = 2;
    private static final int FIRST_INDEX_BYTES = 2;
    private static final int INDEX_BYTES = 2;

    private FragmentFeedback() {
    }

    /**
     * @param tag      the message tag, 0..255
     * @param missing  missing fragment indices, ascending, each 0..32767
     * @param maxBytes FRMPayload the downlink allows, at least {@value #HEADER_BYTES}
     * @return the payload naming as many of {@code missing} as fit
     */
    static byte[] encode(int tag, int[] missing, int maxBytes) {
        Objects.requireNonNull(missing, "missing is null");
        if (maxBytes < HEADER_BYTES) {
            throw new IllegalArgumentException("maxBytes = " + maxBytes + " is not allowed; allowed: >= " + HEADER_BYTES);
        }
        if (missing.length == 0) {
            return new byte[] {(byte) tag, COMPLETE};
        }
        int listCount = Math.min(missing.length, (maxBytes - HEADER_BYTES) / INDEX_BYTES);
        int bitmapBits = Math.max(0, maxBytes - HEADER_BYTES - FIRST_INDEX_BYTES) * 8;
        int first = missing[0];
        int bitmapCount = 0;
        while (bitmapCount < missing.length && missing[bitmapCount] - first < bitmapBits) {
            bitmapCount++;
        }
        int bitmapBytes = bitmapCount == 0 ? 0
                : HEADER_BYTES + FIRST_INDEX_BYTES + (missing[bitmapCount - 1] - first) / 8 + 1;
        int listBytes = HEADER_BYTES + INDEX_BYTES * listCount;
        boolean bitmap = bitmapCount > listCount || (bitmapCount == listCount && bitmapBytes < listBytes);
        if (!bitmap) {
            byte[] out = new byte[listBytes];
            out[0] = (byte) tag;
            out[1] = LIST;
            for (int k = 0; k < listCount; k++) {
                out[HEADER_BYTES + INDEX_BYTES * k] = (byte) (missing[k] >>> 8);
                out[HEADER_BYTES + INDEX_BYTES * k + 1] = (byte) missing[k];
            }
            return out;
        }
        byte[] out = new byte[bitmapBytes];
        out[0] = (byte) tag;
        out[1] = BITMAP;
        out[2] = (byte) (first >>> 8);
        out[3] = (byte) first;
        for (int k = 0; k < bitmapCount; k++) {
            int bit = missing[k] - first;
            out[HEADER_BYTES + FIRST_INDEX_BYTES + bit / 8] |= (byte) (1 << (bit % 8));
        }
        return out;
    }

    /**
     * @param received whether the device received the feedback
     * @param heard    whether it arrived above the device's sensitivity
     * @return the outcome of its row in {@code transmissions.csv}: received, collision (destroyed by another
     *         downlink) or below-sensitivity
     */
    static FrameOutcome rowOutcome(boolean received, boolean heard) {
        return received ? FrameOutcome.RECEIVED : heard ? FrameOutcome.COLLISION : FrameOutcome.BELOW_SENSITIVITY;
    }

    /** @return the message tag the feedback is about */
    static int tag(byte[] payload) {
        return payload[0] & 0xFF;
    }

    /**
     * @param payload a feedback payload of {@link #encode}
     * @return the fragment indices it asks for, ascending; empty when the message is complete
     */
    static int[] missing(byte[] payload) {
        int kind = payload[1];
        if (kind == COMPLETE) {
            return new int[0];
        }
        if (kind == LIST) {
            int[] out = new int[(payload.length - HEADER_BYTES) / INDEX_BYTES];
            for (int k = 0; k < out.length; k++) {
                out[k] = (payload[HEADER_BYTES + INDEX_BYTES * k] & 0xFF) << 8 | payload[HEADER_BYTES + INDEX_BYTES * k + 1] & 0xFF;
            }
            return out;
        }
        int first = (payload[2] & 0xFF) << 8 | payload[3] & 0xFF;
        int[] out = new int[(payload.length - HEADER_BYTES - FIRST_INDEX_BYTES) * 8];
        int n = 0;
        for (int bit = 0; bit < out.length; bit++) {
            if ((payload[HEADER_BYTES + FIRST_INDEX_BYTES + bit / 8] >>> (bit % 8) & 1) == 1) {
                out[n++] = first + bit;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
