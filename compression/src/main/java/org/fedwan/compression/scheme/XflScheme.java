package org.fedwan.compression.scheme;

import java.util.List;
import java.util.random.RandomGenerator;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.CodecOptions;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.SideKind;

/**
 * XFL and XFL-Q of seed 000: each client sends one layer per round, chosen round-robin
 * ({@code i = (r - 1) mod L + 1}, eq. 2, here 0-based: {@code l = r mod L}, optionally staggered by
 * client id as in "layer j + 1 in round 1, j + 2 in round 2") or uniformly at random from the
 * client's stream (the "stochastic" selection), encoded with a stateless per-layer codec: fp32 for
 * XFL, int8 or int4 for XFL-Q (eq. 3-7). The server averages each layer over the clients that sent
 * it and keeps the others (eq. 1; {@link AveragingRule#MEAN}).
 *
 * <p>Message: CRC-32, the layer index in {@code ceil(log2 L)} bits ({@link SideKind#HEADER}), the
 * layer. Client state: the cycle position is a function of the round (round-robin) or drawn
 * (stochastic): none kept. Server state: none.
 */
final class XflScheme extends SchemeAbstract {

    static final String NAME = "xfl";

    private final boolean stochasticSelection;
    private final boolean stagger;
    private final List<LayerQuantizer> quantizers;
    private final int indexBits;

    XflScheme(ModelLayout layout, CodecOptions o) {
        super(NAME, layout, o, Quantity.WEIGHTS, StatelessKind.ANY);
        String codec = o.choice("codec", "fp32", StatelessKinds.names());
        StatelessKind kind = StatelessKinds.get(codec);
        this.quantizers = Common.bind(kind.builder().apply(o, layout), layout);
        this.stochasticSelection = o.choice("selection", "round-robin", List.of("round-robin", "stochastic")).equals("stochastic");
        this.stagger = o.bool("stagger", false);
        this.indexBits = Stochastic.widthFor(layout.layerCount());
    }

    static List<OptionDoc> docs() {
        return List.of(
                new OptionDoc("codec", "fp32", String.join(" | ", StatelessKinds.names()),
                        "codec of the selected layer: fp32 = XFL, int8 / int4 = XFL-Q (seed 000 eq. 3-7); its own options pass through"),
                new OptionDoc("selection", "round-robin", "round-robin | stochastic",
                        "layer choice: eq. 2 (l = r mod L) or uniform from the client's random stream"),
                new OptionDoc("stagger", "false", "true | false", "round-robin offset by client id (l = (r + id) mod L)"),
                Common.quantityDoc(Quantity.WEIGHTS, StatelessKind.ANY));
    }

    @Override
    public String clientState() {
        return "none (the layer is a function of round and client id, or drawn from the client's stream)";
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
    public int cycleRounds() {
        return layout().layerCount();
    }

    @Override
    public MessageBits uplinkBits(int round) {
        return bitsFor(Math.floorMod(round, layout().layerCount()));
    }

    MessageBits bitsFor(int layer) {
        return message(List.of(new LayerBits(layer, quantizers.get(layer).bits())), indexBits);
    }

    int layerFor(int clientId, int round, RandomGenerator random) {
        int l = layout().layerCount();
        if (stochasticSelection) {
            return Stochastic.require(random, "xfl (stochastic selection)").nextInt(l);
        }
        return Math.floorMod(round + (stagger ? clientId : 0), l);
    }

    @Override
    Encoding encoder(int clientId, RandomGenerator random) {
        return input -> {
            int layer = layerFor(clientId, input.round(), random);
            MessageBits bits = bitsFor(layer);
            BitWriter w = writer(bits);
            if (indexBits > 0) {
                w.writeBits(layer, indexBits);
            }
            quantizers.get(layer).encode(input.values()[layer], w, random);
            return sealed(clientId, input.round(), bits, w);
        };
    }

    @Override
    Decoding decoder() {
        return (clientId, round, in, messageBytes) -> {
            int layer = indexBits > 0 ? in.readBits(indexBits) : 0;
            if (layer >= layout().layerCount()) {
                throw new MalformedMessageException("xfl layer index " + layer + " out of range [0, " + layout().layerCount() + ")");
            }
            checkLength(bitsFor(layer), messageBytes, "for layer " + layer);
            float[][] values = new float[layout().layerCount()][];
            values[layer] = new float[layout().layers().get(layer).parameterCount()];
            double[] mse = Common.nanArray(values.length);
            mse[layer] = quantizers.get(layer).decode(in, values[layer]);
            return () -> new DecodedUpdate(clientId, round, values, mse);
        };
    }
}
