package org.fedwan.channel.fragmentation;

import java.util.Objects;
import java.util.Optional;
import org.fedwan.channel.lorawan.Fragmentation;

/**
 * Receiver of {@link FecEncoder}'s fragments: takes uncoded and coded fragments of one message tag
 * in any order, with duplicates, and rebuilds the message once the fragments received span all
 * {@code M} blocks over GF(2), i.e. their matrix lines have rank {@code M} (LoRa Alliance TS004-1.0.0
 * §3 "Fragmentation FEC": any M linearly independent fragments suffice).
 *
 * <p>Incremental Gaussian elimination over GF(2) with bit-packed rows: a fragment's line (a unit
 * line for an uncoded fragment, {@link Ts004Parity#matrixLine} for a coded one) is reduced by the
 * rows already held, lowest set bit first; what remains, if anything, becomes the row whose pivot is
 * its lowest set bit. The data block is reduced alongside. When the rank reaches {@code M}, back
 * substitution from the highest pivot down leaves every block alone and the message is
 * assembled (the last block trimmed of its padding). A fragment that adds nothing (a duplicate, a
 * combination of fragments already held, or any fragment after decoding) is counted and dropped.
 *
 * <p>Beyond the code's capability the decoder never guesses: {@link #decoded()} stays empty and no
 * byte of the message is given out. Malformed input (wrong tag is ignored; a wrong length, an
 * impossible index or last flag) is rejected with {@link IllegalArgumentException}, the state
 * unchanged. Mutable and not thread-safe.
 */
public final class FecDecoder {

    private final FecLayout layout;
    private final int messageTag;
    private final int uncoded;
    private final int blockBytes;
    private final long[][] rowBits;
    private final long[][] rowData;
    /** Pivot rows that are unit lines (an uncoded fragment stored as is): reducing by one only clears a bit. */
    private final boolean[] unitRow;
    private int rank;
    private int received;
    private byte[] message;

    /**
     * @param layout     the message's layout, as the sender's
     * @param messageTag tag of the message to collect, 0..255
     */
    public FecDecoder(FecLayout layout, int messageTag) {
        this.layout = Objects.requireNonNull(layout, "layout is null");
        if (messageTag < 0 || messageTag > Fragmentation.MAX_MESSAGE_TAG) {
            throw new IllegalArgumentException("messageTag = " + messageTag + " is not allowed; allowed: 0.."
                    + Fragmentation.MAX_MESSAGE_TAG);
        }
        this.messageTag = messageTag;
        this.uncoded = layout.uncodedFragments();
        this.blockBytes = layout.blockBytes();
        this.rowBits = new long[uncoded][];
        this.rowData = new long[uncoded][];
        this.unitRow = new boolean[uncoded];
    }

    /** @return the layout this decoder expects */
    public FecLayout layout() {
        return layout;
    }

    /**
     * Offers one FRMPayload.
     *
     * @param frmPayload an uncoded or coded fragment (header + data); not modified, not retained
     * @return true if it raised the rank (new information); false if it belongs to another tag,
     *         adds nothing, or came after decoding
     * @throws IllegalArgumentException if the fragment is malformed for the layout
     */
    public boolean accept(byte[] frmPayload) {
        Objects.requireNonNull(frmPayload, "frmPayload is null");
        if (Fragmentation.messageTag(frmPayload) != messageTag) {
            return false;
        }
        int index = Fragmentation.fragmentIndex(frmPayload);
        if (index >= layout.totalFragments()) {
            throw malformed(index, "is beyond the layout's " + layout.totalFragments() + " fragments");
        }
        if (Fragmentation.isLast(frmPayload) != (index == uncoded - 1)) {
            throw malformed(index, "has the last flag " + (Fragmentation.isLast(frmPayload) ? "set" : "clear")
                    + "; allowed: set on fragment " + (uncoded - 1) + " only");
        }
        int dataBytes = frmPayload.length - Fragmentation.HEADER_BYTES;
        int expected = layout.frmPayloadBytes(index) - Fragmentation.HEADER_BYTES;
        if (dataBytes != expected) {
            throw malformed(index, "has " + dataBytes + " data bytes; allowed: " + expected);
        }
        received++;
        if (message != null) {
            return false;
        }
        long[] data = Blocks.pack(frmPayload, Fragmentation.HEADER_BYTES, dataBytes, blockBytes);
        long[] bits;
        if (index < uncoded) {
            if (rowBits[index] == null) {
                install(index, unitLine(index), data, true);
                return true;
            }
            bits = unitLine(index);
        } else {
            bits = Ts004Parity.matrixLine(index - uncoded + 1, uncoded);
        }
        return reduceAndInstall(bits, data);
    }

    private boolean reduceAndInstall(long[] bits, long[] data) {
        for (int w = 0; w < bits.length; w++) {
            while (bits[w] != 0) {
                int column = (w << 6) + Long.numberOfTrailingZeros(bits[w]);
                if (rowBits[column] == null) {
                    install(column, bits, data, false);
                    return true;
                }
                if (unitRow[column]) {
                    bits[w] &= ~(1L << column);
                } else {
                    Blocks.xorFrom(bits, rowBits[column], w);
                }
                Blocks.xor(data, rowData[column]);
            }
        }
        return false;
    }

    private void install(int column, long[] bits, long[] data, boolean unit) {
        rowBits[column] = bits;
        rowData[column] = data;
        unitRow[column] = unit;
        rank++;
        if (rank == uncoded) {
            solve();
        }
    }

    /** Back substitution: from the highest pivot down, clear every bit above the pivot. */
    private void solve() {
        for (int column = uncoded - 1; column >= 0; column--) {
            if (unitRow[column]) {
                continue;
            }
            long[] bits = rowBits[column];
            long[] data = rowData[column];
            bits[column >>> 6] &= ~(1L << column);
            for (int w = column >>> 6; w < bits.length; w++) {
                long word = bits[w];
                while (word != 0) {
                    Blocks.xor(data, rowData[(w << 6) + Long.numberOfTrailingZeros(word)]);
                    word &= word - 1;
                }
                bits[w] = 0;
            }
            bits[column >>> 6] = 1L << column;
            unitRow[column] = true;
        }
        byte[] out = new byte[layout.messageBytes()];
        for (int j = 0; j < uncoded; j++) {
            Blocks.unpack(rowData[j], out, j * blockBytes, j == uncoded - 1 ? layout.lastBlockBytes() : blockBytes);
        }
        message = out;
    }

    private long[] unitLine(int column) {
        long[] line = new long[Ts004Parity.words(uncoded)];
        line[column >>> 6] = 1L << column;
        return line;
    }

    private IllegalArgumentException malformed(int index, String what) {
        return new IllegalArgumentException("fragment index " + index + " of message tag " + messageTag + " " + what);
    }

    /** @return the rank of the fragments received: how many of the M blocks they determine, 0..M */
    public int rank() {
        return rank;
    }

    /** @return fragments of this tag offered so far, duplicates and useless ones included */
    public int receivedCount() {
        return received;
    }

    /** @return fragments still needed at best: M minus the rank */
    public int deficit() {
        return uncoded - rank;
    }

    /** @return true once the message is rebuilt */
    public boolean isComplete() {
        return message != null;
    }

    /** @return a copy of the rebuilt message, or empty while the fragments received do not determine it */
    public Optional<byte[]> decoded() {
        return message == null ? Optional.empty() : Optional.of(message.clone());
    }

    /**
     * @return the rebuilt message, a new array
     * @throws IllegalStateException if the message is not yet determined (check {@link #isComplete()})
     */
    public byte[] message() {
        if (message == null) {
            throw new IllegalStateException("message tag " + messageTag + " is not decodable yet: rank " + rank + " of "
                    + uncoded);
        }
        return message.clone();
    }
}
