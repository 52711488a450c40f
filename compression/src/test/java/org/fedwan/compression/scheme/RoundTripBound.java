package org.fedwan.compression.scheme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;

/**
 * How far a valid message's decoded values may be from what the client sent, per scheme: the
 * quantizer's own bound for per-layer codecs and xfl ({@link LayerQuantizer#errorBound}: half a
 * step, one step for stochastic rounding, plus clipping), exact scaled signs for {@code sign},
 * the bucket mid-point of the client's codebook for QuantFL (seed 001 eq. 7, bit for bit) and
 * half a LAQ interval around the server's previous value (seed 004 eq. 18). QRR (a rank
 * truncation) and error feedback (whose encoder adds a residual to the values) guarantee no
 * pointwise bound: for them only shape, finiteness and agreement of two servers are checked.
 * One instance per fuzz case: it keeps the QuantFL codebooks of each client.
 */
abstract class RoundTripBound {

    /** Per xfl target, the quantizers of its codec as a scheme of its own (the same options give the same bounds). */
    private static final Map<String, List<LayerQuantizer>> XFL_CODECS = new ConcurrentHashMap<>();

    /**
     * Checks one valid message.
     *
     * @param sent   what the client encoded
     * @param before the server's {@link ServerDecoder#latest} for the client before decoding
     * @throws AssertionError naming the first value out of bound
     */
    abstract void check(Supplier<String> what, int client, float[][] sent, EncodedUpdate m, Optional<float[][]> before,
            DecodedUpdate d);

    /** The bound of {@code target}'s scheme {@code s}. */
    static RoundTripBound of(FuzzTarget target, Scheme s) {
        if (s instanceof ErrorFeedbackScheme || s instanceof QrrScheme) {
            return none();
        }
        boolean sign = "sign".equals(target.layerCodec());
        if (s instanceof PerLayerScheme p) {
            return perLayer(p.quantizers(), sign);
        }
        if (s instanceof XflScheme) {
            return perLayer(XFL_CODECS.computeIfAbsent(target.id(), k -> {
                Map<String, String> codecOptions = new HashMap<>(target.options());
                codecOptions.keySet().removeAll(List.of("codec", "selection", "stagger", "quantity"));
                return ((PerLayerScheme) Compression.uplink(target.layerCodec(), s.layout(), codecOptions)).quantizers();
            }), sign);
        }
        if (s instanceof QuantFlScheme) {
            return quantFl(s.name().equals("quantfl-bu"), Integer.parseInt(s.options().get("levels")),
                    Integer.parseInt(s.options().get("boundaryBits")));
        }
        if (s instanceof LaqScheme) {
            return laq(s.layout(), Integer.parseInt(s.options().get("bits")));
        }
        throw new IllegalArgumentException("no round-trip bound for " + target);
    }

    static RoundTripBound none() {
        return new RoundTripBound() {
            @Override
            void check(Supplier<String> what, int client, float[][] sent, EncodedUpdate m, Optional<float[][]> before, DecodedUpdate d) {
                // no pointwise bound: shape, finiteness and agreement with a second server are checked by the caller
            }
        };
    }

    /** Per-layer quantizers: each carried layer within its quantizer's bound; sign layers exact. */
    static RoundTripBound perLayer(List<LayerQuantizer> quantizers, boolean sign) {
        return new RoundTripBound() {
            @Override
            void check(Supplier<String> what, int client, float[][] sent, EncodedUpdate m, Optional<float[][]> before, DecodedUpdate d) {
                for (int l : m.layers()) {
                    float[] x = sent[l];
                    float[] y = d.values()[l];
                    if (sign) {
                        checkSign(what, l, x, y);
                        continue;
                    }
                    double bound = quantizers.get(l).errorBound(x);
                    for (int i = 0; i < x.length; i++) {
                        double err = Math.abs((double) x[i] - y[i]);
                        if (!(err <= bound)) {
                            throw new AssertionError(what.get() + ": layer " + l + " value " + i + " sent " + x[i] + " decoded "
                                    + y[i] + ", error " + err + " > bound " + bound);
                        }
                    }
                }
            }
        };
    }

    /** Seed 003 eq. 15: every value decodes to its sign times the mean absolute value of the layer. */
    static void checkSign(Supplier<String> what, int l, float[] x, float[] y) {
        double sum = 0;
        for (float v : x) {
            sum += Math.abs(v);
        }
        float scale = x.length == 0 ? 0f : (float) (sum / x.length);
        for (int i = 0; i < x.length; i++) {
            float expected = Float.intBitsToFloat(Float.floatToRawIntBits(scale) | (Float.floatToRawIntBits(x[i]) & 0x80000000));
            if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(y[i])) {
                throw new AssertionError(what.get() + ": sign layer " + l + " value " + i + " sent " + x[i] + " decoded " + y[i]
                        + ", expected " + expected);
            }
        }
    }

    /**
     * QuantFL: each value decodes to the mid-point of its bucket in the codebook the client built
     * at its last refresh (bit for bit), within half the bucket's width when the codebook covers it.
     */
    static RoundTripBound quantFl(boolean uniform, int levels, int boundaryBits) {
        return new RoundTripBound() {
            private final Map<Integer, Codebook[]> books = new HashMap<>();

            @Override
            void check(Supplier<String> what, int client, float[][] sent, EncodedUpdate m, Optional<float[][]> before, DecodedUpdate d) {
                boolean refresh = (m.message()[4] & 0x80) != 0; // the header flag follows the 4-byte CRC
                if (refresh) {
                    Codebook[] b = new Codebook[sent.length];
                    for (int l = 0; l < b.length; l++) {
                        b[l] = uniform ? Codebook.uniform(sent[l], levels, boundaryBits)
                                : Codebook.quantile(sent[l], levels, boundaryBits);
                    }
                    books.put(client, b);
                }
                Codebook[] b = books.get(client);
                if (b == null) {
                    throw new AssertionError(what.get() + ": client " + client + "'s first message carries no codebook");
                }
                for (int l = 0; l < sent.length; l++) {
                    for (int i = 0; i < sent[l].length; i++) {
                        float x = sent[l][i];
                        int bucket = b[l].index(x);
                        float mid = b[l].midpoint(bucket);
                        float y = d.values()[l][i];
                        if (Float.floatToRawIntBits(mid) != Float.floatToRawIntBits(y)) {
                            throw new AssertionError(what.get() + ": layer " + l + " value " + i + " sent " + x + " decoded " + y
                                    + ", bucket " + bucket + " mid-point " + mid);
                        }
                        double half = ((double) b[l].upper(bucket) - b[l].lower(bucket)) / 2;
                        double slack = 4 * Math.ulp(Math.max(Math.abs(b[l].lower(0)), Math.abs(b[l].upper(levels - 1))));
                        if (b[l].covers(x) && !(Math.abs((double) x - y) <= half + slack)) {
                            throw new AssertionError(what.get() + ": layer " + l + " value " + i + " sent " + x + " decoded " + y
                                    + ", more than half bucket " + bucket + " (" + half + ") away");
                        }
                    }
                }
            }
        };
    }

    /**
     * LAQ (seed 004 eq. 18): each tensor within {@code R / (2^b - 1)} of what was sent, R the
     * largest distance of the tensor's values from the server's previous ones (zero at first).
     */
    static RoundTripBound laq(ModelLayout layout, int bits) {
        int top = (1 << bits) - 1;
        return new RoundTripBound() {
            @Override
            void check(Supplier<String> what, int client, float[][] sent, EncodedUpdate m, Optional<float[][]> before, DecodedUpdate d) {
                float[][] prev = before.orElseGet(() -> Common.emptyLike(layout));
                for (int l = 0; l < sent.length; l++) {
                    int offset = 0;
                    for (TensorSpec t : layout.layers().get(l).tensors()) {
                        int n = t.elementCount();
                        double radius = 0;
                        double magnitude = 0;
                        for (int i = offset; i < offset + n; i++) {
                            radius = Math.max(radius, Math.abs((double) sent[l][i] - prev[l][i]));
                            magnitude = Math.max(magnitude, Math.abs(sent[l][i]));
                        }
                        double bound = radius / top * (1 + 1e-6) + 2 * Math.ulp((float) (magnitude + radius));
                        for (int i = offset; i < offset + n; i++) {
                            double err = Math.abs((double) sent[l][i] - d.values()[l][i]);
                            if (!(err <= bound)) {
                                throw new AssertionError(what.get() + ": layer " + l + " value " + i + " sent " + sent[l][i]
                                        + " decoded " + d.values()[l][i] + ", error " + err + " > R/(2^b-1) = " + bound);
                            }
                        }
                        offset += n;
                    }
                }
            }
        };
    }
}
