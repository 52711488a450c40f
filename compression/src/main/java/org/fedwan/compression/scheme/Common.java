package org.fedwan.compression.scheme;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.compression.CodecOptions;
import org.fedwan.compression.ModelLayout;
import java.util.Arrays;
import java.util.Locale;

/** The option every scheme shares ({@code quantity}) and small helpers. */
final class Common {

    private Common() {
    }

    static OptionDoc quantityDoc(Quantity defaultQuantity, List<Quantity> allowed) {
        return new OptionDoc("quantity", defaultQuantity.key(), keys(allowed),
                "what the client hands the encoder; changes nothing in the bits, only what the values mean");
    }

    static String keys(List<Quantity> qs) {
        List<String> k = new ArrayList<>();
        for (Quantity q : qs) {
            k.add(q.key());
        }
        return String.join(" | ", k);
    }

    static Quantity quantity(CodecOptions o, Quantity defaultQuantity, List<Quantity> allowed) {
        List<String> k = new ArrayList<>();
        for (Quantity q : allowed) {
            k.add(q.key());
        }
        String v = o.choice("quantity", defaultQuantity.key(), k);
        return Quantity.valueOf(v.toUpperCase(Locale.ROOT));
    }

    /** Inverse-MSE averaging if every layer's quantizer reports its MSE (OCTAV weighting=mse), else the mean. */
    static AveragingRule averagingRule(List<LayerQuantizer> quantizers) {
        for (LayerQuantizer q : quantizers) {
            if (!q.sendsMse()) {
                return AveragingRule.MEAN;
            }
        }
        return AveragingRule.INVERSE_MSE;
    }

    static List<LayerQuantizer> bind(QuantizerFactory f, ModelLayout layout) {
        List<LayerQuantizer> qs = new ArrayList<>();
        for (int i = 0; i < layout.layerCount(); i++) {
            qs.add(f.create(i, layout.layers().get(i)));
        }
        return qs;
    }

    static float[][] emptyLike(ModelLayout layout) {
        float[][] v = new float[layout.layerCount()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = new float[layout.layers().get(i).parameterCount()];
        }
        return v;
    }

    static double[] nanArray(int n) {
        double[] d = new double[n];
        Arrays.fill(d, Double.NaN);
        return d;
    }
}
