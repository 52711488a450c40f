package org.fedwan.compression.scheme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
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
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.SideKind;
import org.fedwan.compression.TensorSpec;
import org.fedwan.compression.linalg.TruncatedSvd;
import org.fedwan.compression.linalg.Tucker;

/**
 * Quantized rank reduction (QRR) of seed 004 section III-A: a matrix gradient (2-D tensor) is
 * replaced by its truncated SVD {@code U, s, V^T} of rank {@code ceil(p min(m, n))} (eq. 20, 22), a
 * tensor of 3 or more dimensions (convolution kernel) by its Tucker decomposition with rank
 * {@code ceil(p d_n)} per mode (eq. 21, 23), a vector (bias) is kept as it is; then every
 * component is LAQ-quantized against its previous quantized value ({@link Laq}, eq. 14-17) with b
 * bits per element and its own 32-bit radius. The server rebuilds each gradient from the quantized
 * components (eq. 24-26). Ranks are computed in exact decimal arithmetic.
 *
 * <p>Before quantizing, the client flips the sign of singular vector pairs (and Tucker factor
 * columns with their core slices) that point away from the previous quantized ones, which leaves the
 * product unchanged and keeps innovations small. Client and server state: the previous quantized
 * components of every tensor of every client.
 */
final class QrrScheme extends SchemeAbstract {

    static final String NAME = "qrr";

    private final double p;
    private final BigDecimal pExact;
    private final int bits;
    private final List<List<Shape>> shapes; // per layer, per tensor
    private final MessageBits messageBits;

    /** How one tensor travels: its dimensions and the sizes of its components. */
    record Shape(int[] dims, int[] ranks, int[] componentSizes) {

        int kind() {
            return dims.length;
        }
    }

    QrrScheme(ModelLayout layout, CodecOptions o) {
        super(NAME, layout, o, Quantity.GRADIENT, StatelessKind.UPDATES);
        this.p = o.number("p", 0.1, 0, false, 1, true);
        this.pExact = new BigDecimal(o.resolved().get("p").trim());
        this.bits = o.integer("bits", 8, 1, 16);
        List<List<Shape>> all = new ArrayList<>();
        List<LayerBits> lb = new ArrayList<>();
        for (int l = 0; l < layout.layerCount(); l++) {
            List<Shape> layerShapes = new ArrayList<>();
            BitBreakdown b = BitBreakdown.ZERO;
            for (TensorSpec t : layout.layers().get(l).tensors()) {
                Shape s = shape(t.shape());
                layerShapes.add(s);
                for (int size : s.componentSizes()) {
                    b = b.plusPayload((long) size * bits).plusSide(SideKind.RADIUS, 32);
                }
            }
            all.add(layerShapes);
            lb.add(new LayerBits(l, b));
        }
        this.shapes = all;
        this.messageBits = message(lb, 0);
    }

    static List<OptionDoc> docs() {
        return List.of(
                new OptionDoc("p", "0.1", "number in (0, 1]", "rank fraction: rank ceil(p x full rank) per matrix / per mode (eq. 22-23)"),
                new OptionDoc("bits", "8", "integer 1..16", "b bits per element of each LAQ-quantized component"),
                Common.quantityDoc(Quantity.GRADIENT, StatelessKind.UPDATES));
    }

    /** {@code ceil(p d)} in exact decimal arithmetic, at least 1 and at most d. */
    int rank(int d) {
        int r = pExact.multiply(BigDecimal.valueOf(d)).setScale(0, RoundingMode.CEILING).intValueExact();
        return Math.max(1, Math.min(d, r));
    }

    Shape shape(int[] dims) {
        if (dims.length == 1) {
            return new Shape(dims, new int[] {dims[0]}, new int[] {dims[0]});
        }
        if (dims.length == 2) {
            int k = rank(Math.min(dims[0], dims[1]));
            return new Shape(dims, new int[] {k}, new int[] {dims[0] * k, k, k * dims[1]});
        }
        int[] ranks = new int[dims.length];
        int[] sizes = new int[dims.length + 1];
        int core = 1;
        for (int i = 0; i < dims.length; i++) {
            ranks[i] = rank(dims[i]);
            core *= ranks[i];
            sizes[i + 1] = dims[i] * ranks[i];
        }
        sizes[0] = core;
        return new Shape(dims, ranks, sizes);
    }

    @Override
    public AveragingRule averagingRule() {
        return AveragingRule.LATEST_OF_EVERY_CLIENT;
    }

    @Override
    public String clientState() {
        return "the previous quantized SVD / Tucker components and bias vectors of every tensor";
    }

    @Override
    public String serverState() {
        return "per client the previous quantized components of every tensor";
    }

    @Override
    public MessageBits uplinkBits(int round) {
        return messageBits;
    }

    /** Fresh all-zero component state for the layout. */
    private float[][][][] zeroState() {
        float[][][][] s = new float[shapes.size()][][][];
        for (int l = 0; l < s.length; l++) {
            List<Shape> ls = shapes.get(l);
            s[l] = new float[ls.size()][][];
            for (int t = 0; t < ls.size(); t++) {
                int[] sizes = ls.get(t).componentSizes();
                s[l][t] = new float[sizes.length][];
                for (int c = 0; c < sizes.length; c++) {
                    s[l][t][c] = new float[sizes[c]];
                }
            }
        }
        return s;
    }

    @Override
    Encoding encoder(int clientId, RandomGenerator random) {
        float[][][][] state = zeroState();
        return input -> {
            float[][][][] next = copy(state);
            BitWriter w = writer(messageBits);
            for (int l = 0; l < shapes.size(); l++) {
                int offset = 0;
                List<TensorSpec> tensors = layout().layers().get(l).tensors();
                for (int t = 0; t < tensors.size(); t++) {
                    Shape s = shapes.get(l).get(t);
                    int n = tensors.get(t).elementCount();
                    double[] x = new double[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = input.values()[l][offset + i];
                        if (!Double.isFinite(x[i])) {
                            throw new IllegalArgumentException("qrr needs finite values, got " + x[i]);
                        }
                    }
                    double[][] comps = decompose(s, x, next[l][t]);
                    for (int c = 0; c < comps.length; c++) {
                        Laq.encode(comps[c], next[l][t][c], bits, w);
                    }
                    offset += n;
                }
            }
            EncodedUpdate m = sealed(clientId, input.round(), messageBits, w);
            for (int l = 0; l < state.length; l++) {
                state[l] = next[l];
            }
            return m;
        };
    }

    /** Components of one tensor: the vector, {U, s, V^T} or {core, U_1..U_N}, signs aligned to prev. */
    double[][] decompose(Shape s, double[] x, float[][] prev) {
        int[] d = s.dims();
        if (d.length == 1) {
            return new double[][] {x};
        }
        if (d.length == 2) {
            int k = s.ranks()[0];
            TruncatedSvd svd = TruncatedSvd.of(x, d[0], d[1], k);
            double[] u = svd.u();
            double[] sv = svd.s();
            double[] vt = svd.vt();
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int r = 0; r < d[0]; r++) {
                    dot += u[r * k + j] * prev[0][r * k + j];
                }
                if (dot < 0) {
                    for (int r = 0; r < d[0]; r++) {
                        u[r * k + j] = -u[r * k + j];
                    }
                    for (int c = 0; c < d[1]; c++) {
                        vt[j * d[1] + c] = -vt[j * d[1] + c];
                    }
                }
            }
            return new double[][] {u, sv, vt};
        }
        Tucker tk = Tucker.of(x, d, s.ranks());
        double[] core = tk.core();
        double[][] f = tk.factors();
        int[] r = s.ranks();
        for (int mode = 0; mode < d.length; mode++) {
            for (int j = 0; j < r[mode]; j++) {
                double dot = 0;
                for (int i = 0; i < d[mode]; i++) {
                    dot += f[mode][i * r[mode] + j] * prev[mode + 1][i * r[mode] + j];
                }
                if (dot < 0) {
                    for (int i = 0; i < d[mode]; i++) {
                        f[mode][i * r[mode] + j] = -f[mode][i * r[mode] + j];
                    }
                    negateSlice(core, r, mode, j);
                }
            }
        }
        double[][] out = new double[d.length + 1][];
        out[0] = core;
        System.arraycopy(f, 0, out, 1, d.length);
        return out;
    }

    private static void negateSlice(double[] core, int[] dims, int mode, int index) {
        int outer = 1;
        for (int i = 0; i < mode; i++) {
            outer *= dims[i];
        }
        int inner = 1;
        for (int i = mode + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        for (int o = 0; o < outer; o++) {
            int base = (o * dims[mode] + index) * inner;
            for (int t = 0; t < inner; t++) {
                core[base + t] = -core[base + t];
            }
        }
    }

    /** The tensor rebuilt from quantized components (eq. 24-26). */
    static double[] rebuild(Shape s, float[][] comps) {
        int[] d = s.dims();
        if (d.length == 1) {
            double[] x = new double[d[0]];
            for (int i = 0; i < x.length; i++) {
                x[i] = comps[0][i];
            }
            return x;
        }
        if (d.length == 2) {
            int k = s.ranks()[0];
            return TruncatedSvd.product(toDouble(comps[0]), toDouble(comps[1]), toDouble(comps[2]), d[0], d[1], k);
        }
        double[][] f = new double[d.length][];
        for (int i = 0; i < d.length; i++) {
            f[i] = toDouble(comps[i + 1]);
        }
        return Tucker.reconstruct(toDouble(comps[0]), s.ranks(), f, d);
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    static float[][][][] copy(float[][][][] s) {
        float[][][][] c = new float[s.length][][][];
        for (int l = 0; l < s.length; l++) {
            c[l] = new float[s[l].length][][];
            for (int t = 0; t < s[l].length; t++) {
                c[l][t] = new float[s[l][t].length][];
                for (int k = 0; k < s[l][t].length; k++) {
                    c[l][t][k] = s[l][t][k].clone();
                }
            }
        }
        return c;
    }

    @Override
    Decoding decoder() {
        Map<Integer, float[][][][]> states = new HashMap<>();
        Map<Integer, float[][]> latest = new HashMap<>();
        return new Decoding() {
            @Override
            public Supplier<DecodedUpdate> read(int clientId, int round, BitReader in, int messageBytes) {
                checkLength(messageBits, messageBytes, "");
                float[][][][] known = states.get(clientId);
                float[][][][] prev = known == null ? zeroState() : known;
                float[][][][] next = copy(prev);
                float[][] values = Common.emptyLike(layout());
                for (int l = 0; l < shapes.size(); l++) {
                    int offset = 0;
                    for (int t = 0; t < shapes.get(l).size(); t++) {
                        Shape s = shapes.get(l).get(t);
                        for (int c = 0; c < s.componentSizes().length; c++) {
                            Laq.decode(in, prev[l][t][c], next[l][t][c], bits);
                        }
                        double[] x = rebuild(s, next[l][t]);
                        for (int i = 0; i < x.length; i++) {
                            values[l][offset + i] = (float) x[i];
                            if (!Float.isFinite(values[l][offset + i])) {
                                throw new MalformedMessageException(NAME + " layer " + l + " tensor " + t + " element " + i
                                        + " rebuilds to " + x[i] + ", beyond the float range");
                            }
                        }
                        offset += x.length;
                    }
                }
                return () -> {
                    states.put(clientId, next);
                    latest.put(clientId, values);
                    return new DecodedUpdate(clientId, round, LaqScheme.copy(values), Common.nanArray(values.length));
                };
            }

            @Override
            public Optional<float[][]> latest(int clientId) {
                float[][] v = latest.get(clientId);
                return v == null ? Optional.empty() : Optional.of(LaqScheme.copy(v));
            }
        };
    }

    /** The rank fraction. */
    double p() {
        return p;
    }

    /** How each tensor of layer {@code layer} travels (for tests and accounting). */
    List<Shape> shapes(int layer) {
        return shapes.get(layer);
    }

    LayerSpec layer(int l) {
        return layout().layers().get(l);
    }
}
