package org.fedwan.compression.scheme;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.LayerCodec;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.UpdateCodec;

/**
 * The server's broadcast of the global model, bound to a layout: every layer with one stateless
 * {@link LayerCodec} (fp32, fp16, int8, int4, sign, topk with its default options), layers in
 * layout order with no padding between them and no integrity check. The bytes and the decoded
 * model are exactly those of {@code new UpdateCodec(codec)}, which the simulator's broadcast byte
 * counts are pinned to. Obtain one from {@link Compression#downlink}. Stateless and thread-safe.
 */
public final class DownlinkCodec {

    private final String name;
    private final ModelLayout layout;
    private final UpdateCodec codec;
    private final MessageBits bits;

    DownlinkCodec(String name, LayerCodec codec, ModelLayout layout) {
        this.name = name;
        this.layout = layout;
        this.codec = new UpdateCodec(codec);
        List<LayerBits> lb = new ArrayList<>();
        for (int l = 0; l < layout.layerCount(); l++) {
            lb.add(new LayerBits(l, codec.breakdown(layout.layers().get(l).parameterCount())));
        }
        this.bits = new MessageBits(lb, BitBreakdown.ZERO);
    }

    /** Codec name as in a scenario's {@code downlink_codec}, e.g. {@code fp32}. */
    public String name() {
        return name;
    }

    public ModelLayout layout() {
        return layout;
    }

    /** Exact bits of one broadcast: the layers' payload and side bits, no message-level bits. */
    public MessageBits bits() {
        return bits;
    }

    /**
     * The broadcast of {@code model}, one array per layer of the layout.
     *
     * @throws IllegalArgumentException if the arrays do not fit the layout
     */
    public byte[] encode(float[][] model) {
        return codec.encode(layout, model);
    }

    /**
     * The model a device recovers from a broadcast.
     *
     * @throws MalformedMessageException if the length is not the one the layout implies, or a
     *                                   layer's side data is invalid
     */
    public float[][] decode(byte[] message) {
        return codec.decode(layout, message);
    }
}
