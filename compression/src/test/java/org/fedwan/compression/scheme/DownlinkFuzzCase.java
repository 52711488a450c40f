package org.fedwan.compression.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fedwan.compression.LayerCodec;
import org.fedwan.compression.ModelLayout;

/**
 * One fuzz input run against a downlink codec's decoder ({@link DownlinkCodec#decode}), which has
 * no state and no integrity check: a seed, then up to four steps, each a valid broadcast of a
 * random model ({@code VALID}), one mutated ({@code MUTATED}, {@link FuzzChecks#mutate}), bytes of
 * any length ({@code RAW}) or of exactly the broadcast's length ({@code SHAPED}) from the input, or
 * no array ({@code NULL}).
 *
 * <p>Properties: only {@link org.fedwan.compression.MalformedMessageException} escapes; one decode
 * allocates at most {@link FuzzChecks#budgetBytes}; an accepted broadcast has every layer of the
 * layout, finite values (fp32 excepted) and decodes the same twice; a valid broadcast is accepted
 * and each layer is within the layer codec's {@link LayerCodec#errorBound} (sign: exactly the
 * scaled signs).
 */
final class DownlinkFuzzCase {

    enum Op { VALID, MUTATED, RAW, SHAPED, NULL }

    private final FuzzTarget target;
    private final FuzzBytes in;
    private final DownlinkCodec codec;
    private final LayerCodec layerCodec;
    private final ModelLayout layout;
    private final SplittableRandom data;
    private final int length;
    private final List<String> trace = new ArrayList<>();

    private DownlinkFuzzCase(FuzzTarget target, FuzzBytes in) {
        this.target = target;
        this.in = in;
        this.codec = target.downlinkCodec();
        this.layerCodec = StatelessKinds.layerCodec(target.scheme(), "fuzz target " + target.id());
        this.layout = codec.layout();
        this.data = new SplittableRandom(in.u64());
        this.length = (int) codec.bits().totalBytes();
    }

    /**
     * Runs {@code input} against {@code target}.
     *
     * @throws AssertionError naming the broken property and the steps taken
     */
    static void run(FuzzTarget target, byte[] input) {
        new DownlinkFuzzCase(target, new FuzzBytes(input)).run();
    }

    private void run() {
        int steps = 1 + in.below(UplinkFuzzCase.MAX_STEPS);
        for (int s = 0; s < steps; s++) {
            step(Op.values()[in.below(Op.values().length)]);
        }
        step(Op.VALID);
    }

    private void step(Op op) {
        trace.add(op.toString());
        float[][] model = null;
        byte[] message = switch (op) {
            case VALID -> codec.encode(model = FuzzChecks.values(layout, data, in));
            case MUTATED -> FuzzChecks.mutate(codec.encode(FuzzChecks.values(layout, data, in)), in);
            case RAW -> in.take(in.u16() % (length + 9));
            case SHAPED -> in.take(length);
            case NULL -> null;
        };
        long budget = FuzzChecks.budgetBytes(layout, message == null ? 0 : message.length);
        float[][] decoded = FuzzChecks.decodeWithoutState(this::where, budget, () -> codec.decode(message));
        if (decoded == null) {
            if (op == Op.VALID) {
                throw fail("a valid broadcast of " + message.length + " bytes was rejected");
            }
            return;
        }
        if (op == Op.NULL) {
            throw fail("a null broadcast was accepted");
        }
        FuzzChecks.checkDecoded(this::where, layout, decoded, true, target.carriesRawFloats());
        float[][] again = FuzzChecks.decodeWithoutState(this::where, budget, () -> codec.decode(message));
        if (again == null || !FuzzChecks.sameBits(decoded, again)) {
            throw fail("the same broadcast decodes differently the second time");
        }
        if (model != null) {
            checkBound(model, decoded);
        }
    }

    private void checkBound(float[][] model, float[][] decoded) {
        for (int l = 0; l < model.length; l++) {
            if ("sign".equals(target.layerCodec())) {
                RoundTripBound.checkSign(this::where, l, model[l], decoded[l]);
                continue;
            }
            double bound = layerCodec.errorBound(model[l]);
            for (int i = 0; i < model[l].length && !Double.isNaN(bound); i++) {
                double err = Math.abs((double) model[l][i] - decoded[l][i]);
                if (!(err <= bound)) {
                    throw fail("layer " + l + " value " + i + " sent " + model[l][i] + " decoded " + decoded[l][i] + ", error "
                            + err + " > bound " + bound);
                }
            }
        }
    }

    private String where() {
        return target.id() + " step " + trace.size() + " " + trace;
    }

    private AssertionError fail(String what) {
        return new AssertionError(where() + ": " + what);
    }
}
