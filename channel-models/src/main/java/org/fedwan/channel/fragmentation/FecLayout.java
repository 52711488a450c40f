package org.fedwan.channel.fragmentation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.fedwan.channel.lorawan.Fragmentation;

/**
 * The shape of a FEC-coded message: its {@link #uncodedFragments()} fragments M are exactly those
 * of {@link Fragmentation#split} (3-byte header, every fragment but the last full), followed by
 * {@link #codedFragments()} coded fragments of {@link #blockBytes()} data bytes each, with indices
 * M, M + 1, ... in the same 15-bit header field. For the code every uncoded fragment counts as a
 * block of {@link #blockBytes()}, the last one padded with zeros; the padding (TS004's
 * FragSessionSetupReq {@code Padding}) is known from {@link #messageBytes()}.
 *
 * <p>Both ends know the layout before the first fragment, as TS004's FragSessionSetupReq tells the
 * receiver NbFrag, FragSize and Padding: in an FL round the update size is fixed by the model.
 *
 * @param messageBytes       message length, bytes, at least 0
 * @param maxFrmPayloadBytes FRMPayload available per frame, bytes, at least 4
 * @param codedFragments     coded fragments after the uncoded ones, at least 0
 */
public record FecLayout(int messageBytes, int maxFrmPayloadBytes, int codedFragments) {

    public FecLayout {
        int uncoded = Fragmentation.fragmentCount(messageBytes, maxFrmPayloadBytes);
        if (codedFragments < 0 || (long) uncoded + codedFragments > Fragmentation.MAX_FRAGMENTS) {
            throw new IllegalArgumentException("codedFragments = " + codedFragments + " is not allowed; allowed: 0.."
                    + (Fragmentation.MAX_FRAGMENTS - uncoded) + " (" + uncoded + " uncoded fragments, at most "
                    + Fragmentation.MAX_FRAGMENTS + " in all: 15-bit index)");
        }
    }

    /**
     * The layout of a message coded with redundancy ratio {@code redundancy}.
     *
     * @param messageBytes       message length, bytes
     * @param maxFrmPayloadBytes FRMPayload available per frame, bytes
     * @param redundancy         coded fragments per uncoded fragment, at least 0
     * @return the layout with {@link #codedCount(int, double)} coded fragments
     */
    public static FecLayout of(int messageBytes, int maxFrmPayloadBytes, double redundancy) {
        return new FecLayout(messageBytes, maxFrmPayloadBytes,
                codedCount(Fragmentation.fragmentCount(messageBytes, maxFrmPayloadBytes), redundancy));
    }

    /**
     * Coded fragments for {@code uncoded} fragments at ratio {@code redundancy}: {@code ceil(uncoded x
     * redundancy)}, computed on the ratio's decimal form (so 10 x 0.3 is 3, not 4 as in binary
     * floating point).
     *
     * @param uncoded    uncoded fragments, at least 0
     * @param redundancy ratio, finite, at least 0
     * @return the count
     */
    public static int codedCount(int uncoded, double redundancy) {
        if (uncoded < 0) {
            throw new IllegalArgumentException("uncoded = " + uncoded + " is not allowed; allowed: >= 0");
        }
        if (!(redundancy >= 0) || Double.isInfinite(redundancy)) {
            throw new IllegalArgumentException("redundancy = " + redundancy + " is not allowed; allowed: a finite ratio >= 0");
        }
        BigDecimal coded = BigDecimal.valueOf(redundancy).multiply(BigDecimal.valueOf(uncoded))
                .setScale(0, RoundingMode.CEILING);
        if (coded.compareTo(BigDecimal.valueOf(Fragmentation.MAX_FRAGMENTS)) > 0) {
            throw new IllegalArgumentException("redundancy = " + redundancy + " gives " + coded + " coded fragments for "
                    + uncoded + "; allowed: at most " + Fragmentation.MAX_FRAGMENTS);
        }
        return coded.intValueExact();
    }

    /** @return uncoded fragments M, as {@link Fragmentation#fragmentCount} */
    public int uncodedFragments() {
        return Fragmentation.fragmentCount(messageBytes, maxFrmPayloadBytes);
    }

    /** @return all fragments: uncoded and coded */
    public int totalFragments() {
        return uncodedFragments() + codedFragments;
    }

    /**
     * @return data bytes of a code block: a full fragment's, or the message length when it fits
     *         one fragment
     */
    public int blockBytes() {
        return Math.min(maxFrmPayloadBytes - Fragmentation.HEADER_BYTES, messageBytes);
    }

    /** @return data bytes of the last uncoded fragment */
    public int lastBlockBytes() {
        return messageBytes - (uncodedFragments() - 1) * blockBytes();
    }

    /**
     * @param index a fragment index of this layout
     * @return the FRMPayload length of that fragment: header + data
     */
    public int frmPayloadBytes(int index) {
        int uncoded = uncodedFragments();
        if (index < 0 || index >= uncoded + codedFragments) {
            throw new IllegalArgumentException("index = " + index + " is not allowed; allowed: 0.."
                    + (uncoded + codedFragments - 1));
        }
        return Fragmentation.HEADER_BYTES + (index == uncoded - 1 ? lastBlockBytes() : blockBytes());
    }
}
