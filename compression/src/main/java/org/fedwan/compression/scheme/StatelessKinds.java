package org.fedwan.compression.scheme;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.fedwan.compression.Bf16Codec;
import org.fedwan.compression.CodecOptions;
import org.fedwan.compression.Fp16Codec;
import org.fedwan.compression.Fp32Codec;
import org.fedwan.compression.Int4AffineCodec;
import org.fedwan.compression.Int8AffineCodec;
import org.fedwan.compression.LayerCodec;
import org.fedwan.compression.ScaledSignCodec;
import org.fedwan.compression.TensorSpec;
import org.fedwan.compression.TopKCodec;

/**
 * The stateless per-layer quantizers, by scenario name: each is a scheme of its own (every layer
 * every round), a codec of {@code xfl} and, if backed by a {@link LayerCodec}, a downlink codec.
 * Adding one is its class and one line here.
 */
final class StatelessKinds {

    private static final Map<String, StatelessKind> KINDS = new TreeMap<>();
    private static final Map<String, Function<CodecOptions, LayerCodec>> CODECS = new TreeMap<>();

    static {
        add(codec("fp32", "IEEE 754 single precision: the uncompressed baseline (FedAvg in every seed)", List.of(), Quantity.WEIGHTS,
                StatelessKind.ANY, o -> new Fp32Codec()));
        add(codec("fp16", "IEEE 754 half precision, round to nearest even, saturating at +-65504 (a baseline)", List.of(),
                Quantity.WEIGHTS, StatelessKind.ANY, o -> new Fp16Codec()));
        add(codec("bf16", "bfloat16: the upper 16 bits of fp32, round to nearest even (a baseline; Kalamkar et al. 2019)",
                List.of(), Quantity.WEIGHTS, StatelessKind.ANY, o -> new Bf16Codec()));
        add(codec("int8", "affine int8 with one scale and zero point per layer (seed 000 eq. 3-5)", List.of(), Quantity.WEIGHTS,
                StatelessKind.ANY, o -> new Int8AffineCodec()));
        add(codec("int4", "affine int4, two values per byte, one scale and zero point per layer (seed 000 eq. 6-7)", List.of(),
                Quantity.WEIGHTS, StatelessKind.ANY, o -> new Int4AffineCodec()));
        add(codec("sign", "scaled binary: sign bits and the mean |x| per layer (seed 003 eq. 15, scale of eq. 8)", List.of(),
                Quantity.GRADIENT, StatelessKind.UPDATES, o -> new ScaledSignCodec()));
        add(codec("topk", "top-k sparsification with index coding (comparator, seed 000 section II-A)", List.of(
                new OptionDoc("fraction", "0.01", "number in (0, 1]", "share of values sent per layer, k = ceil(fraction n)"),
                new OptionDoc("index", "fixed", "fixed | bitmap", "positions as ceil(log2 n)-bit indices or an n-bit bitmap")),
                Quantity.UPDATE, StatelessKind.UPDATES, TopKCodec::fromOptions));
        add(new StatelessKind("qsgd", "QSGD with K levels, sign and one L2 norm per layer (comparator of seed 001)",
                List.of(new OptionDoc("levels", "64", "integer 2..65536", "K magnitude levels 0..K-1; 1 + ceil(log2 K) bits per value")),
                Quantity.UPDATE, StatelessKind.UPDATES, (o, layout) -> {
                    int levels = o.integer("levels", 64, 2, 1 << 16);
                    return (i, l) -> new QsgdQuantizer(levels, l.parameterCount());
                }));
        add(new StatelessKind("octav", "clipped uniform quantization with the MSE-optimal threshold (seed 002 eq. 2-3, 8)",
                List.of(new OptionDoc("bits", "4", "1..16, one for all layers or one per layer joined by '-', e.g. 4-2-2-4",
                                "bit width per layer"),
                        new OptionDoc("rounding", "stochastic", "stochastic | deterministic", "rounding to the levels (section III-A)"),
                        new OptionDoc("clip", "mse", "mse | max", "threshold: eq. 3 recursion (OCTAV) or max |x| (maximum scalar)"),
                        new OptionDoc("weighting", "mse", "mse | none",
                                "mse: send each layer's mean squared quantization error for eq. 8 aggregation (32 bits per layer)"),
                        new OptionDoc("scope", "tensor", "tensor | layer",
                                "tensor: a threshold per tensor of the layer (weights, bias, batch-norm scale and shift); "
                                        + "layer: one for the whole layer"),
                        new OptionDoc("levels", "endpoint", "endpoint | midpoint",
                                "endpoint: levels -s + i 2s/(2^b-1), the outer ones at +-s (section III-B's example); "
                                        + "midpoint: -s + (i + 1/2) 2s/2^b (eq. 2), which shrinks the largest weight by 2^-b "
                                        + "each time weights pass the quantizer")),
                Quantity.WEIGHTS, StatelessKind.ANY, (o, layout) -> {
                    int[] widths = o.perLayer("bits", "4", layout.layerCount(), 1, 16);
                    boolean stoch = o.choice("rounding", "stochastic", List.of("stochastic", "deterministic")).equals("stochastic");
                    boolean mseClip = o.choice("clip", "mse", List.of("mse", "max")).equals("mse");
                    boolean sendMse = o.choice("weighting", "mse", List.of("mse", "none")).equals("mse");
                    boolean perTensor = o.choice("scope", "tensor", List.of("tensor", "layer")).equals("tensor");
                    boolean endpoints = o.choice("levels", "endpoint", List.of("endpoint", "midpoint")).equals("endpoint");
                    return (i, l) -> new ClippedUniformQuantizer(widths[i], stoch, mseClip, sendMse, perTensor
                            ? l.tensors().stream().mapToInt(TensorSpec::elementCount).toArray()
                            : new int[] {l.parameterCount()}, endpoints);
                }));
        add(new StatelessKind("flq-kbit", "k-bit quantization with max |x| per layer and the noise term (seed 003 eq. 11-12)",
                List.of(new OptionDoc("bits", "8", "integer 1..16", "k bits per value"),
                        new OptionDoc("rounding", "stochastic", "stochastic | deterministic",
                                "stochastic: with the noise term N(k) of eq. 12 (unbiased); deterministic: eq. 11")),
                Quantity.GRADIENT, StatelessKind.UPDATES, (o, layout) -> {
                    int k = o.integer("bits", 8, 1, 16);
                    boolean stoch = o.choice("rounding", "stochastic", List.of("stochastic", "deterministic")).equals("stochastic");
                    return (i, l) -> new FlqKBitQuantizer(k, stoch, l.parameterCount());
                }));
        add(new StatelessKind("flq-weights", "k-bit tanh-companded weights (seed 003 eq. 9), decoded through atanh",
                List.of(new OptionDoc("bits", "8", "integer 1..16", "k bits per value")),
                Quantity.WEIGHTS, List.of(Quantity.WEIGHTS), (o, layout) -> {
                    int k = o.integer("bits", 8, 1, 16);
                    return (i, l) -> new FlqWeightQuantizer(k, l.parameterCount());
                }));
    }

    private StatelessKinds() {
    }

    private static void add(StatelessKind k) {
        KINDS.put(k.name(), k);
    }

    /**
     * A kind backed by a stateless {@link LayerCodec}: the same codec on every layer, and one of
     * the downlink codecs.
     */
    private static StatelessKind codec(String name, String summary, List<OptionDoc> docs, Quantity q, List<Quantity> allowed,
            Function<CodecOptions, LayerCodec> codec) {
        CODECS.put(name, codec);
        return new StatelessKind(name, summary, docs, q, allowed, (o, layout) -> {
            LayerCodec c = codec.apply(o);
            return (i, l) -> new CodecQuantizer(c, l.parameterCount());
        });
    }

    /** Names of the kinds backed by a {@link LayerCodec}, sorted: the downlink codecs. */
    static List<String> codecNames() {
        return List.copyOf(CODECS.keySet());
    }

    /**
     * The layer codec of a codec-backed kind with its default options.
     *
     * @param owner what the codec is for, for error texts, e.g. {@code downlink codec 'fp32'}
     */
    static LayerCodec layerCodec(String name, String owner) {
        Function<CodecOptions, LayerCodec> f = CODECS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown layer codec '" + name + "'; allowed: " + String.join(", ", codecNames()));
        }
        CodecOptions o = CodecOptions.none(owner);
        LayerCodec c = f.apply(o);
        o.checkAllUsed();
        return c;
    }

    static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    static StatelessKind get(String name) {
        StatelessKind k = KINDS.get(name);
        if (k == null) {
            throw new IllegalArgumentException("unknown per-layer codec '" + name + "'; allowed: " + String.join(", ", names()));
        }
        return k;
    }

    static Iterable<StatelessKind> all() {
        return KINDS.values();
    }
}
