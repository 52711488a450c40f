package org.fedwan.compression.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.CodecOptions;
import org.fedwan.compression.ModelLayout;

/**
 * Every layer every round with a stateless quantizer ({@link StatelessKind}): FP32, FP16, int8,
 * int4, sign, top-k, QSGD, OCTAV, FLQ k-bit. Message: CRC-32, then the layers in layout order, no
 * padding between them. No state on either side.
 */
final class PerLayerScheme extends SchemeAbstract {

    private final List<LayerQuantizer> quantizers;
    private final MessageBits bits;

    PerLayerScheme(StatelessKind kind, ModelLayout layout, CodecOptions o) {
        super(kind.name(), layout, o, kind.defaultQuantity(), kind.allowedQuantities());
        this.quantizers = Common.bind(kind.builder().apply(o, layout), layout);
        List<LayerBits> lb = new ArrayList<>();
        for (int l = 0; l < quantizers.size(); l++) {
            lb.add(new LayerBits(l, quantizers.get(l).bits()));
        }
        this.bits = message(lb, 0);
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
    public AveragingRule averagingRule() {
        return Common.averagingRule(quantizers);
    }

    @Override
    public MessageBits uplinkBits(int round) {
        return bits;
    }

    List<LayerQuantizer> quantizers() {
        return quantizers;
    }

    @Override
    Encoding encoder(int clientId, RandomGenerator random) {
        return input -> {
            BitWriter w = writer(bits);
            for (int l = 0; l < quantizers.size(); l++) {
                quantizers.get(l).encode(input.values()[l], w, random);
            }
            return sealed(clientId, input.round(), bits, w);
        };
    }

    @Override
    Decoding decoder() {
        return (clientId, round, in, messageBytes) -> {
            checkLength(bits, messageBytes, "");
            float[][] values = Common.emptyLike(layout());
            double[] mse = new double[values.length];
            for (int l = 0; l < values.length; l++) {
                mse[l] = quantizers.get(l).decode(in, values[l]);
            }
            return () -> new DecodedUpdate(clientId, round, values, mse);
        };
    }
}
