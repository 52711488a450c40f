package org.fedwan.compression.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.CodecOptions;
import org.fedwan.compression.Integrity;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.SideKind;

/**
 * Every layer every round with a stateless quantizer ({@link StatelessKind}): FP32, FP16, int8,
 * int4, sign, top-k, QSGD, OCTAV, FLQ k-bit. Message: CRC-32, then the layers in layout order, no
 * padding between them. No state on either side.
 */
final class PerLayerScheme implements Scheme {

    private final String name;
    private final ModelLayout layout;
    private final Quantity quantity;
    private final List<LayerQuantizer> quantizers;
    private final MessageBits bits;
    private final Map<String, String> options;

    PerLayerScheme(String name, ModelLayout layout, CodecOptions o, StatelessKind kind) {
        this.name = name;
        this.layout = layout;
        this.quantizers = Common.bind(kind.builder().apply(o, layout), layout);
        this.quantity = Common.quantity(o, kind.defaultQuantity(), kind.allowedQuantities());
        this.options = o.resolved();
        List<LayerBits> lb = new ArrayList<>();
        for (int l = 0; l < quantizers.size(); l++) {
            lb.add(new LayerBits(l, quantizers.get(l).bits()));
        }
        this.bits = new MessageBits(lb, BitBreakdown.side(SideKind.CHECK, Integrity.CHECK_BITS));
    }

    @Override
    public SchemeIdentity identity() {
        return new SchemeIdentity(name, options, layout, quantity);
    }

    @Override
    public String clientState() {
        return "none";
    }

    @Override
    public String serverState() {
        return "none";
    }

    @Override
    public int cycleRounds() {
        return 1;
    }

    @Override
    public MessageBits uplinkBits(int round) {
        return bits;
    }

    List<LayerQuantizer> quantizers() {
        return quantizers;
    }

    @Override
    public ClientEncoder newClient(int clientId, RandomGenerator random) {
        return new ClientEncoder() {
            @Override
            public int clientId() {
                return clientId;
            }

            @Override
            public EncodedUpdate encode(RoundInput input) {
                layout.checkValues(input.values());
                BitWriter w = Integrity.writer(bits.bodyBits());
                int[] layers = new int[quantizers.size()];
                for (int l = 0; l < layers.length; l++) {
                    quantizers.get(l).encode(input.values()[l], w, random);
                    layers[l] = l;
                }
                return new EncodedUpdate(clientId, input.round(), Integrity.seal(w), layers, bits);
            }
        };
    }

    @Override
    public ServerDecoder newServer() {
        return (clientId, round, message) -> {
            if (message.length != bits.totalBytes()) {
                throw new MalformedMessageException(name + " message must be " + bits.totalBytes() + " bytes, got "
                        + message.length + (message.length < bits.totalBytes() ? " (truncated)" : ""));
            }
            BitReader in = Integrity.open(message, name);
            float[][] values = Common.emptyLike(layout);
            double[] mse = new double[values.length];
            for (int l = 0; l < values.length; l++) {
                mse[l] = quantizers.get(l).decode(in, values[l]);
            }
            in.expectEnd();
            return new DecodedUpdate(clientId, round, values, mse);
        };
    }
}
