package org.fedwan.channel.fragmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fedwan.channel.lorawan.Fragmentation;

/**
 * Encodes a message as TS004-style FEC fragments (LoRa Alliance TS004-1.0.0 §3 "Fragmentation
 * FEC"): first the {@code M} uncoded fragments of {@link Fragmentation#split}, then coded fragment
 * {@code n = 1, 2, ...} with index {@code M + n - 1}, whose data is the XOR of the zero-padded
 * blocks of the uncoded fragments selected by {@link Ts004Parity#matrixLine(int, int)
 * matrix_line(n, M)}. Each coded fragment has the 3-byte header of {@link Fragmentation} (message
 * tag, last flag clear, index), so the receiver knows which combination it carries. TS004 defines
 * the code for downlink firmware updates; FedWAN applies it to the uplink.
 */
public final class FecEncoder {

    private FecEncoder() {
    }

    /**
     * @param message    the message, {@code layout.messageBytes()} long (not modified)
     * @param layout     fragment size and number of coded fragments
     * @param messageTag tag written into every fragment, 0..255
     * @return {@link FecLayout#totalFragments()} new FRMPayloads in index order: uncoded, then coded
     */
    public static List<byte[]> encode(byte[] message, FecLayout layout, int messageTag) {
        Objects.requireNonNull(message, "message is null");
        Objects.requireNonNull(layout, "layout is null");
        if (message.length != layout.messageBytes()) {
            throw new IllegalArgumentException("message length = " + message.length
                    + " is not allowed; allowed: the layout's " + layout.messageBytes() + " bytes");
        }
        List<byte[]> out = new ArrayList<>(layout.totalFragments());
        out.addAll(Fragmentation.split(message, layout.maxFrmPayloadBytes(), messageTag));
        int uncoded = layout.uncodedFragments();
        int blockBytes = layout.blockBytes();
        long[][] blocks = new long[uncoded][];
        for (int j = 0; j < uncoded; j++) {
            int from = j * blockBytes;
            blocks[j] = Blocks.pack(message, from, Math.min(blockBytes, message.length - from), blockBytes);
        }
        for (int n = 1; n <= layout.codedFragments(); n++) {
            long[] line = Ts004Parity.matrixLine(n, uncoded);
            long[] sum = new long[Blocks.words(blockBytes)];
            for (int w = 0; w < line.length; w++) {
                long bits = line[w];
                while (bits != 0) {
                    Blocks.xor(sum, blocks[(w << 6) + Long.numberOfTrailingZeros(bits)]);
                    bits &= bits - 1;
                }
            }
            out.add(codedFragment(messageTag, uncoded + n - 1, sum, blockBytes));
        }
        return out;
    }

    private static byte[] codedFragment(int messageTag, int index, long[] block, int blockBytes) {
        byte[] frm = new byte[Fragmentation.HEADER_BYTES + blockBytes];
        frm[0] = (byte) messageTag;
        frm[1] = (byte) (index >>> 8);
        frm[2] = (byte) index;
        Blocks.unpack(block, frm, Fragmentation.HEADER_BYTES, blockBytes);
        return frm;
    }
}
