package org.fedwan.compression.scheme;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.Integrity;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.SideKind;

/**
 * The server's broadcast of the global model: every layer with a deterministic quantizer, one
 * message, CRC-32 first. Stateless and thread-safe.
 */
public final class Downlink {

    private final String name;
    private final ModelLayout layout;
    private final List<LayerQuantizer> quantizers;
    private final MessageBits bits;

    Downlink(String name, ModelLayout layout, List<LayerQuantizer> quantizers) {
        this.name = name;
        this.layout = layout;
        this.quantizers = List.copyOf(quantizers);
        List<LayerBits> lb = new ArrayList<>();
        for (int l = 0; l < quantizers.size(); l++) {
            if (quantizers.get(l).stochastic()) {
                throw new IllegalArgumentException("downlink quantizers must be deterministic");
            }
            lb.add(new LayerBits(l, quantizers.get(l).bits()));
        }
        this.bits = new MessageBits(lb, BitBreakdown.side(SideKind.CHECK, Integrity.CHECK_BITS));
    }

    /** Codec name, e.g. {@code fp32}. */
    public String name() {
        return name;
    }

    /** Exact bits of one broadcast. */
    public MessageBits bits() {
        return bits;
    }

    public byte[] encode(float[][] model) {
        layout.checkValues(model);
        BitWriter w = Integrity.writer(bits.bodyBits());
        for (int l = 0; l < model.length; l++) {
            quantizers.get(l).encode(model[l], w, null);
        }
        return Integrity.seal(w);
    }

    /**
     * @throws MalformedMessageException on a wrong length or failed check
     */
    public float[][] decode(byte[] message) {
        if (message.length != bits.totalBytes()) {
            throw new MalformedMessageException(name + " broadcast must be " + bits.totalBytes() + " bytes, got "
                    + message.length);
        }
        BitReader in = Integrity.open(message, name + " broadcast");
        float[][] out = new float[layout.layerCount()][];
        for (int l = 0; l < out.length; l++) {
            out[l] = new float[layout.layers().get(l).parameterCount()];
            quantizers.get(l).decode(in, out[l]);
        }
        in.expectEnd();
        return out;
    }
}
