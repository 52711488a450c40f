package org.fedwan.compression.accounting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;
import org.fedwan.compression.scheme.Compression;
import org.fedwan.compression.scheme.DownlinkCodec;
import org.fedwan.compression.scheme.LayerBits;
import org.fedwan.compression.scheme.MessageBits;
import org.fedwan.compression.scheme.Scheme;

/**
 * Exact bit accounting of an uplink scheme and a downlink codec on a model, without running them:
 * the entry point of {@code ./fedwan accounting}. Pure; the figures come from the same
 * {@link MessageBits} the encoders size their messages with, which the codec tests hold equal to
 * the real byte arrays.
 */
public final class Accounting {

    private Accounting() {
    }

    /**
     * The report for one client and one round (uplink averaged over the scheme's cycle).
     *
     * @param layout        the model's layout
     * @param modelName     name printed in the report
     * @param scheme        uplink scheme name as in a scenario file, e.g. {@code xfl}
     * @param options       uplink scheme options (string to string), null or empty for defaults
     * @param downlinkCodec codec of the server's broadcast as in a scenario's {@code downlink_codec},
     *                      e.g. {@code fp32}
     * @throws IllegalArgumentException for an unknown scheme or downlink codec, or an invalid option
     */
    public static AccountingReport report(ModelLayout layout, String modelName, String scheme, Map<String, String> options,
            String downlinkCodec) {
        Scheme s = Compression.uplink(scheme, layout, options == null ? Map.of() : options);
        DownlinkCodec down = Compression.downlink(downlinkCodec, layout);
        int cycle = s.cycleRounds();
        List<MessageBits> rounds = new ArrayList<>();
        for (int r = 0; r < cycle; r++) {
            rounds.add(s.uplinkBits(r));
        }
        AccountingReport.Direction up = direction(layout, s.name(), rounds);
        AccountingReport.Direction downlink = direction(layout, down.name(), List.of(down.bits()));
        return new AccountingReport(modelName, s.name(), s.options(), layout.parameterCount(), s.quantity().key(), cycle,
                s.clientState(), s.serverState(), up, downlink);
    }

    private static AccountingReport.Direction direction(ModelLayout layout, String codec, List<MessageBits> rounds) {
        int n = rounds.size();
        double inv = 1.0 / n;
        List<AccountingReport.LayerLine> lines = new ArrayList<>();
        Bits total = Bits.ZERO;
        for (int l = 0; l < layout.layerCount(); l++) {
            Bits sum = Bits.ZERO;
            Bits whenSent = Bits.ZERO;
            int sent = 0;
            for (MessageBits m : rounds) {
                for (LayerBits lb : m.layers()) {
                    if (lb.layer() == l) {
                        Bits b = Bits.of(lb.bits());
                        sum = sum.plus(b);
                        whenSent = whenSent.plus(b);
                        sent++;
                    }
                }
            }
            LayerSpec spec = layout.layers().get(l);
            Bits perRound = sum.times(inv);
            lines.add(new AccountingReport.LayerLine(spec.name(), spec.parameterCount(), sent * inv, perRound,
                    sent == 0 ? Bits.ZERO : whenSent.times(1.0 / sent)));
            total = total.plus(perRound);
        }
        Bits message = Bits.ZERO;
        double bytes = 0;
        for (MessageBits m : rounds) {
            message = message.plus(Bits.of(m.message()));
            bytes += m.totalBytes();
        }
        message = message.times(inv);
        return new AccountingReport.Direction(codec, lines, message, total.plus(message), bytes * inv);
    }

    /**
     * The layout restricted to weight tensors: in each layer the tensors whose name ends in
     * {@code .weight}, or the first tensor if none does. For papers that count weights only (seed
     * 002 Table II); the CLI's {@code --weights-only}.
     */
    public static ModelLayout weightTensorsOnly(ModelLayout layout) {
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec l : layout.layers()) {
            List<TensorSpec> keep = new ArrayList<>();
            for (TensorSpec t : l.tensors()) {
                if (t.name().endsWith(".weight")) {
                    keep.add(t);
                }
            }
            if (keep.isEmpty()) {
                keep.add(l.tensors().get(0));
            }
            layers.add(new LayerSpec(l.name(), keep));
        }
        return new ModelLayout(layers);
    }
}
