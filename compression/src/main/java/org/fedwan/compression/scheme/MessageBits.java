package org.fedwan.compression.scheme;

import java.util.List;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.SideKind;

/**
 * Exact bits of one message: the layers it carries and the message-level side bits (header and
 * integrity check). The message is {@link #totalBytes()} bytes long.
 *
 * @param layers  layers carried, in message order
 * @param message header and check bits, not tied to a layer
 */
public record MessageBits(List<LayerBits> layers, BitBreakdown message) {

    /** A message that is not sent at all (a skipped upload): zero bits. */
    public static final MessageBits NONE = new MessageBits(List.of(), BitBreakdown.ZERO);

    public MessageBits {
        layers = List.copyOf(layers);
        if (message == null) {
            throw new IllegalArgumentException("message bits must not be null");
        }
    }

    /** Layers plus message-level bits. */
    public BitBreakdown total() {
        BitBreakdown t = message;
        for (LayerBits l : layers) {
            t = t.plus(l.bits());
        }
        return t;
    }

    public long totalBits() {
        return total().totalBits();
    }

    /** Length of the encoded byte array. */
    public long totalBytes() {
        return total().totalBytes();
    }

    /** Bits after the integrity check: what a writer of the message body must hold. */
    long bodyBits() {
        return totalBits() - message.sideBits(SideKind.CHECK);
    }
}
