package org.fedwan.channel.lorawan;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Receiver side of {@link Fragmentation}: collects the fragments of one message tag, in any
 * order and with duplicates, and rebuilds the message.
 *
 * <p>{@link #accept(byte[])} ignores fragments of other tags and exact duplicates. It rejects
 * with {@link IllegalArgumentException}, leaving its state unchanged, a fragment that no
 * {@link Fragmentation#split} output could contain next to the fragments already accepted:
 * shorter than the header; a non-last fragment without data or with a data length different
 * from earlier non-last fragments; a last fragment longer than a full one, or empty at
 * index &gt; 0; a fragment at or above the last index that is not that last fragment; a second,
 * different last fragment; a different fragment with an index already accepted.
 *
 * <p>Mutable and not thread-safe.
 */
public final class Reassembler {

    private final int messageTag;
    private final Map<Integer, byte[]> dataByIndex = new HashMap<>();
    private final BitSet received = new BitSet();
    /** Data bytes of a full (non-last) fragment; -1 until one has been accepted. */
    private int fullDataBytes = -1;
    /** Index of the last fragment; -1 until it has been accepted. */
    private int lastIndex = -1;

    /**
     * @param messageTag tag of the message to collect, 0..255
     */
    public Reassembler(int messageTag) {
        Fragmentation.requireTag(messageTag);
        this.messageTag = messageTag;
    }

    /** @return the tag this reassembler collects */
    public int messageTag() {
        return messageTag;
    }

    /**
     * Offers one FRMPayload.
     *
     * @param frmPayload a fragment (header + data); not modified, not retained
     * @return true if the fragment was new and stored; false if it belongs to another tag or
     *         repeats a fragment already stored
     * @throws IllegalArgumentException if the fragment is malformed (see the class documentation)
     */
    public boolean accept(byte[] frmPayload) {
        Objects.requireNonNull(frmPayload, "frmPayload is null");
        int tag = Fragmentation.messageTag(frmPayload); // validates the header length
        if (tag != messageTag) {
            return false;
        }
        int index = Fragmentation.fragmentIndex(frmPayload);
        boolean last = Fragmentation.isLast(frmPayload);
        int dataBytes = frmPayload.length - Fragmentation.HEADER_BYTES;

        byte[] stored = dataByIndex.get(index);
        if (stored != null) {
            boolean sameData = Arrays.equals(stored, 0, stored.length,
                    frmPayload, Fragmentation.HEADER_BYTES, frmPayload.length);
            if (sameData && last == (index == lastIndex)) {
                return false;
            }
            throw malformed(index, "differs from the fragment already accepted with this index");
        }
        if (last) {
            checkLast(index, dataBytes);
        } else {
            checkNonLast(index, dataBytes);
        }

        dataByIndex.put(index, Arrays.copyOfRange(frmPayload, Fragmentation.HEADER_BYTES, frmPayload.length));
        received.set(index);
        if (last) {
            lastIndex = index;
        } else {
            fullDataBytes = dataBytes;
        }
        return true;
    }

    private void checkLast(int index, int dataBytes) {
        if (lastIndex >= 0) {
            throw malformed(index, "is a second last fragment; the last fragment has index " + lastIndex);
        }
        int highest = received.length() - 1;
        if (index < highest) {
            throw malformed(index, "is marked last but fragment " + highest + " was already accepted");
        }
        if (index > 0 && dataBytes == 0) {
            throw malformed(index, "is a last fragment without data at index > 0");
        }
        if (fullDataBytes >= 0 && dataBytes > fullDataBytes) {
            throw malformed(index, "is a last fragment with " + dataBytes + " data bytes, more than the "
                    + fullDataBytes + " of a full fragment");
        }
    }

    private void checkNonLast(int index, int dataBytes) {
        if (dataBytes == 0) {
            throw malformed(index, "is a non-last fragment without data");
        }
        if (fullDataBytes >= 0 && dataBytes != fullDataBytes) {
            throw malformed(index, "has " + dataBytes + " data bytes; earlier non-last fragments have "
                    + fullDataBytes);
        }
        if (lastIndex >= 0 && index >= lastIndex) {
            throw malformed(index, "is not last but the last fragment has index " + lastIndex);
        }
        if (lastIndex > 0 && fullDataBytes < 0 && dataByIndex.get(lastIndex).length > dataBytes) {
            throw malformed(index, "has " + dataBytes + " data bytes, fewer than the "
                    + dataByIndex.get(lastIndex).length + " of the last fragment");
        }
    }

    private IllegalArgumentException malformed(int index, String what) {
        return new IllegalArgumentException("fragment index " + index + " of message tag " + messageTag + " "
                + what);
    }

    /** @return true once the last fragment and every fragment before it have been accepted */
    public boolean isComplete() {
        return lastIndex >= 0 && received.cardinality() == lastIndex + 1;
    }

    /**
     * @param index a fragment index
     * @return true once the fragment with that index has been accepted
     */
    public boolean has(int index) {
        return index >= 0 && received.get(index);
    }

    /** @return number of distinct fragments accepted so far */
    public int receivedCount() {
        return received.cardinality();
    }

    /** @return true once the fragment carrying the last flag has been accepted */
    public boolean lastSeen() {
        return lastIndex >= 0;
    }

    /** @return the message's fragment count once the last fragment has been seen, else empty */
    public OptionalInt expectedCount() {
        return lastIndex >= 0 ? OptionalInt.of(lastIndex + 1) : OptionalInt.empty();
    }

    /**
     * @return a new bit set with one bit per fragment index in {@code 0..last} not yet received
     * @throws IllegalStateException if the last fragment has not been seen, since the count is
     *                               then unknown (check {@link #lastSeen()})
     */
    public BitSet missing() {
        if (lastIndex < 0) {
            throw new IllegalStateException("message tag " + messageTag
                    + ": the last fragment has not been seen, so the fragment count is unknown");
        }
        BitSet missing = new BitSet(lastIndex + 1);
        missing.set(0, lastIndex + 1);
        missing.andNot(received);
        return missing;
    }

    /**
     * @return the rebuilt message, a new array
     * @throws IllegalStateException if the message is not complete
     */
    public byte[] message() {
        if (!isComplete()) {
            throw new IllegalStateException("message tag " + messageTag + " is incomplete: "
                    + receivedCount() + " fragments received, "
                    + (lastIndex >= 0 ? (lastIndex + 1) + " expected" : "last fragment not seen"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i <= lastIndex; i++) {
            out.writeBytes(dataByIndex.get(i));
        }
        return out.toByteArray();
    }
}
