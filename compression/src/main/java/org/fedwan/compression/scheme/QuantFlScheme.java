package org.fedwan.compression.scheme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.CodecOptions;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.SideKind;

/**
 * QuantFL of seed 001: bucket-uniform ({@code quantfl-bu}) or bucket-quantile
 * ({@code quantfl-bq}) quantization of model updates with K levels and mid-point decoding, one
 * codebook per layer refreshed every T rounds (section IV-C). A client sends its codebooks in the
 * first round it takes part in and whenever T rounds have passed since its last refresh; in other
 * rounds it sends indices only. Codebooks are the client's own (computed from its update), so the
 * server keeps one set per client. Values outside a reused codebook's range go to its first or
 * last bucket.
 *
 * <p>Message: CRC-32, one flag bit ({@link SideKind#HEADER}) saying whether codebooks follow, the
 * codebooks of all layers if so ({@link SideKind#CODEBOOK}: BU 2 boundaries per layer, since the
 * others follow from K (eq. 8); BQ all K + 1), then {@code ceil(log2 K)} bits per value. Averaged
 * over T rounds this is eq. 9 with the codebook amortised; eq. 9 itself counts K - 1 internal
 * boundaries, which alone cannot be decoded (the outer buckets need the end points).
 */
final class QuantFlScheme extends SchemeAbstract {

    private final boolean uniform;
    private final int levels;
    private final int width;
    private final int boundaryBits;
    private final int refreshRounds;

    QuantFlScheme(String name, boolean uniform, ModelLayout layout, CodecOptions o) {
        super(name, layout, o, Quantity.UPDATE, StatelessKind.UPDATES);
        this.uniform = uniform;
        this.levels = o.integer("levels", 64, 2, 1 << 16);
        this.width = Stochastic.widthFor(levels);
        this.boundaryBits = Integer.parseInt(o.choice("boundaryBits", "32", List.of("16", "32")));
        this.refreshRounds = o.integer("refresh", 10, 1, 1_000_000);
    }

    static List<OptionDoc> docs() {
        return List.of(
                new OptionDoc("levels", "64", "integer 2..65536", "K buckets; ceil(log2 K) bits per value (seed 001 uses 64 and 128)"),
                new OptionDoc("boundaryBits", "32", "16 | 32", "bits per transmitted boundary (half or single float)"),
                new OptionDoc("refresh", "10", "integer >= 1", "T: rounds between codebook refreshes (eq. 9)"),
                Common.quantityDoc(Quantity.UPDATE, StatelessKind.UPDATES));
    }

    @Override
    public String clientState() {
        return "per layer its codebook (" + Codebook.transmittedBoundaries(uniform, levels) + " boundaries) and the round of the last refresh";
    }

    @Override
    public String serverState() {
        return "per client and layer the client's codebook";
    }

    @Override
    public AveragingRule averagingRule() {
        return AveragingRule.MEAN;
    }

    @Override
    public int cycleRounds() {
        return refreshRounds;
    }

    @Override
    public MessageBits uplinkBits(int round) {
        return bits(Math.floorMod(round, refreshRounds) == 0);
    }

    MessageBits bits(boolean withCodebooks) {
        List<LayerBits> lb = new ArrayList<>();
        long cb = withCodebooks ? BucketQuantizer.codebookBits(uniform, levels, boundaryBits) : 0;
        for (int l = 0; l < layout().layerCount(); l++) {
            int n = layout().layers().get(l).parameterCount();
            lb.add(new LayerBits(l, BitBreakdown.payload(BucketQuantizer.indexBits(levels, n)).plusSide(SideKind.CODEBOOK, cb)));
        }
        return message(lb, 1);
    }

    @Override
    Encoding encoder(int clientId, RandomGenerator random) {
        return new Encoding() {
            private Codebook[] books;
            private int lastRefresh = -1;

            @Override
            public EncodedUpdate encode(RoundInput input) {
                int round = input.round();
                if (lastRefresh >= 0 && round < lastRefresh) {
                    throw new IllegalArgumentException(name() + ": round " + round + " is before the last refresh at " + lastRefresh);
                }
                boolean refresh = books == null || round - lastRefresh >= refreshRounds;
                Codebook[] use = books;
                if (refresh) {
                    use = new Codebook[layout().layerCount()];
                    for (int l = 0; l < use.length; l++) {
                        float[] v = input.values()[l];
                        use[l] = uniform ? Codebook.uniform(v, levels, boundaryBits) : Codebook.quantile(v, levels, boundaryBits);
                    }
                }
                MessageBits bits = bits(refresh);
                BitWriter w = writer(bits);
                w.writeBits(refresh ? 1 : 0, 1);
                if (refresh) {
                    for (Codebook c : use) {
                        c.write(w, boundaryBits);
                    }
                }
                for (int l = 0; l < use.length; l++) {
                    BucketQuantizer.writeIndices(use[l], input.values()[l], w, width);
                }
                EncodedUpdate m = sealed(clientId, round, bits, w);
                if (refresh) {
                    books = use;
                    lastRefresh = round;
                }
                return m;
            }
        };
    }

    @Override
    Decoding decoder() {
        Map<Integer, Codebook[]> books = new HashMap<>();
        return (clientId, round, in, messageBytes) -> {
            boolean refresh = in.readBits(1) == 1;
            checkLength(bits(refresh), messageBytes, refresh ? "with codebooks" : "without codebooks");
            Codebook[] use;
            if (refresh) {
                use = new Codebook[layout().layerCount()];
                for (int l = 0; l < use.length; l++) {
                    use[l] = Codebook.read(in, uniform, levels, boundaryBits);
                }
            } else {
                use = books.get(clientId);
                if (use == null) {
                    throw new MalformedMessageException(name() + " message of client " + clientId
                            + " has no codebook and none was received before");
                }
            }
            float[][] values = Common.emptyLike(layout());
            for (int l = 0; l < values.length; l++) {
                BucketQuantizer.readIndices(use[l], in, values[l], width);
            }
            Codebook[] accepted = use;
            return () -> {
                if (refresh) {
                    books.put(clientId, accepted);
                }
                return new DecodedUpdate(clientId, round, values, Common.nanArray(values.length));
            };
        };
    }
}
