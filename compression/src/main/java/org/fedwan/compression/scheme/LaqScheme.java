package org.fedwan.compression.scheme;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.CodecOptions;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.SideKind;
import org.fedwan.compression.TensorSpec;

/**
 * Quantized gradient innovations ({@link Laq}): {@code laq} (seed 004 eq. 13-18),
 * {@code flq-innovation} (seed 003 eq. 16, the same quantizer) and {@code slaq}, which adds
 * LAQ's skip rule (Sun et al. 2020 eq. 9a, as in seed 004's reference code): a client skips the
 * upload when {@code ||Q_new - Q_prev||^2 <= (1 / (alpha^2 M^2)) sum_d xi_d ||theta^{k+1-d} -
 * theta^{k-d}||^2 + 3 (||e_new||^2 + ||e_prev||^2)}, at most {@code maxSkip} rounds in a row, with
 * {@code xi_d = 1/D}; {@code e} is the quantization error. A skipped round sends nothing and the
 * server reuses the client's latest quantized gradient ({@link ServerDecoder#latest}).
 *
 * <p>Each tensor has its own radius (as seed 004's code does per component), so the message is,
 * after the CRC-32, per layer and tensor a 32-bit radius ({@link SideKind#RADIUS}) and b bits per
 * element. Client state: the previous quantized value of every parameter (plus, for SLAQ, the last
 * D + 1 global models, the skip timer and the last error). Server state: per client, the previous
 * quantized value of every parameter.
 */
final class LaqScheme extends SchemeAbstract {

    private final int bits;
    private final boolean skipping;
    private final double alpha;
    private final int clients;
    private final int memory;
    private final int maxSkip;
    private final MessageBits messageBits;

    LaqScheme(String name, ModelLayout layout, CodecOptions o, boolean skipping) {
        super(name, layout, o, Quantity.GRADIENT, StatelessKind.UPDATES);
        this.skipping = skipping;
        this.bits = o.integer("bits", 8, 1, 16);
        if (skipping) {
            this.alpha = o.number("alpha", 0.001, 0, false, Double.MAX_VALUE, true);
            this.clients = o.integer("clients", 10, 1, Integer.MAX_VALUE);
            this.memory = o.integer("memory", 10, 1, 1000);
            this.maxSkip = o.integer("maxSkip", 50, 0, Integer.MAX_VALUE);
        } else {
            this.alpha = 0;
            this.clients = 0;
            this.memory = 0;
            this.maxSkip = 0;
        }
        List<LayerBits> lb = new ArrayList<>();
        for (int l = 0; l < layout.layerCount(); l++) {
            LayerSpec spec = layout.layers().get(l);
            lb.add(new LayerBits(l, BitBreakdown.payload((long) spec.parameterCount() * bits)
                    .plusSide(SideKind.RADIUS, 32L * spec.tensors().size())));
        }
        this.messageBits = message(lb, 0);
    }

    static List<OptionDoc> docs(boolean skipping) {
        List<OptionDoc> d = new ArrayList<>();
        d.add(new OptionDoc("bits", "8", "integer 1..16", "b bits per element of the innovation"));
        if (skipping) {
            d.add(new OptionDoc("alpha", "0.001", "number > 0", "learning rate alpha of the skip rule"));
            d.add(new OptionDoc("clients", "10", "integer >= 1", "M, number of clients in the skip rule"));
            d.add(new OptionDoc("memory", "10", "integer 1..1000", "D, model differences remembered (xi_d = 1/D)"));
            d.add(new OptionDoc("maxSkip", "50", "integer >= 0", "most consecutive skipped uploads (t-bar)"));
        }
        d.add(Common.quantityDoc(Quantity.GRADIENT, StatelessKind.UPDATES));
        return d;
    }

    @Override
    public boolean needsGlobalModel() {
        return skipping;
    }

    @Override
    public AveragingRule averagingRule() {
        return AveragingRule.LATEST_OF_EVERY_CLIENT;
    }

    @Override
    public String clientState() {
        return "the previous quantized value of every parameter (" + layout().parameterCount() + " floats)"
                + (skipping ? ", the last " + (memory + 1) + " global models, the skip timer and the last quantization error" : "");
    }

    @Override
    public String serverState() {
        return "per client the previous quantized value of every parameter";
    }

    @Override
    public MessageBits uplinkBits(int round) {
        return messageBits;
    }

    @Override
    Encoding encoder(int clientId, RandomGenerator random) {
        ModelLayout layout = layout();
        return new Encoding() {
            private final float[][] prev = Common.emptyLike(layout);
            private final Deque<float[][]> models = new ArrayDeque<>();
            private int timer;
            private double prevError;
            private boolean started;

            @Override
            public EncodedUpdate encode(RoundInput input) {
                float[][] next = new float[prev.length][];
                for (int l = 0; l < prev.length; l++) {
                    next[l] = prev[l].clone();
                }
                BitWriter w = writer(messageBits);
                for (int l = 0; l < next.length; l++) {
                    encodeLayer(layout.layers().get(l), input.values()[l], next[l], w);
                }
                if (skipping) {
                    if (input.globalModel() == null) {
                        throw new IllegalArgumentException(name() + " needs the global model each round (RoundInput.globalModel)");
                    }
                    layout.checkValues(input.globalModel());
                    float[][] copy = new float[input.globalModel().length][];
                    for (int l = 0; l < copy.length; l++) {
                        copy[l] = input.globalModel()[l].clone();
                    }
                    models.addLast(copy);
                    while (models.size() > memory + 1) {
                        models.removeFirst();
                    }
                    double error = squaredDistance(input.values(), next);
                    if (started && timer < maxSkip && squaredDistance(next, prev) <= threshold(error)) {
                        timer++;
                        return skipped(clientId, input.round());
                    }
                    timer = 0;
                    prevError = error;
                }
                started = true;
                for (int l = 0; l < prev.length; l++) {
                    prev[l] = next[l];
                }
                return sealed(clientId, input.round(), messageBits, w);
            }

            private double threshold(double error) {
                double s = 0;
                float[][] newer = null;
                int d = 0;
                var it = models.descendingIterator();
                while (it.hasNext() && d < memory) {
                    float[][] m = it.next();
                    if (newer != null) {
                        s += (1.0 / memory) * squaredDistance(newer, m);
                        d++;
                    }
                    newer = m;
                }
                return s / (alpha * alpha * clients * (double) clients) + 3 * (error + prevError);
            }
        };
    }

    private void encodeLayer(LayerSpec spec, float[] values, float[] prevLayer, BitWriter w) {
        int offset = 0;
        for (TensorSpec t : spec.tensors()) {
            int n = t.elementCount();
            float[] p = Arrays.copyOfRange(prevLayer, offset, offset + n);
            Laq.encode(values, offset, p, bits, w);
            System.arraycopy(p, 0, prevLayer, offset, n);
            offset += n;
        }
    }

    static double squaredDistance(float[][] a, float[][] b) {
        double s = 0;
        for (int l = 0; l < a.length; l++) {
            for (int i = 0; i < a[l].length; i++) {
                double d = (double) a[l][i] - b[l][i];
                s += d * d;
            }
        }
        return s;
    }

    @Override
    Decoding decoder() {
        ModelLayout layout = layout();
        Map<Integer, float[][]> state = new HashMap<>();
        return new Decoding() {
            @Override
            public Supplier<DecodedUpdate> read(int clientId, int round, BitReader in, int messageBytes) {
                checkLength(messageBits, messageBytes, "");
                float[][] known = state.get(clientId);
                float[][] prev = known == null ? Common.emptyLike(layout) : known;
                float[][] next = Common.emptyLike(layout);
                for (int l = 0; l < next.length; l++) {
                    int offset = 0;
                    for (TensorSpec t : layout.layers().get(l).tensors()) {
                        int n = t.elementCount();
                        float[] p = Arrays.copyOfRange(prev[l], offset, offset + n);
                        float[] q = new float[n];
                        Laq.decode(in, p, q, bits);
                        System.arraycopy(q, 0, next[l], offset, n);
                        offset += n;
                    }
                }
                return () -> {
                    state.put(clientId, next);
                    return new DecodedUpdate(clientId, round, copy(next), Common.nanArray(next.length));
                };
            }

            @Override
            public Optional<float[][]> latest(int clientId) {
                float[][] s = state.get(clientId);
                return s == null ? Optional.empty() : Optional.of(copy(s));
            }
        };
    }

    static float[][] copy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }
}
