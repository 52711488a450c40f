package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.Integrity;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;
import org.junit.jupiter.api.Test;

/**
 * Messages whose every field is finite but whose values decode beyond the float range, and a
 * missing broadcast: the decoder bugs the fuzzer found (regression inputs under
 * {@code src/test/resources/fuzz/}), here as hand-made messages. Each was accepted before (decoding
 * to infinity, or throwing NullPointerException) and must be rejected with
 * {@link MalformedMessageException}, leaving the server's state as it was.
 */
class DecoderOverflowTest {

    /** One layer of one 2-element vector. */
    private static final ModelLayout PAIR = new ModelLayout(List.of(new LayerSpec("v", List.of(new TensorSpec("v.x", new int[] {2})))));

    /** An int8 or int4 broadcast of {@link #PAIR} with the given scale and zero point, all codes at {@code q}. */
    private static byte[] affine(int bitsPerValue, float scale, float zeroPoint, int q) {
        BitWriter w = new BitWriter(64 + 2L * bitsPerValue);
        w.writeFloat(scale);
        w.writeFloat(zeroPoint);
        w.writeBits(q & ((1 << bitsPerValue) - 1), bitsPerValue);
        w.writeBits(q & ((1 << bitsPerValue) - 1), bitsPerValue);
        return w.toByteArray();
    }

    @Test
    void int8AndInt4RejectScalesThatDecodeToInfinity() {
        // finite scales of which 127 (int8) or 7 (int4) steps are not
        assertThrows(MalformedMessageException.class,
                () -> Compression.downlink("int8", PAIR).decode(affine(8, Float.MAX_VALUE / 100, 0f, 127)));
        assertThrows(MalformedMessageException.class,
                () -> Compression.downlink("int4", PAIR).decode(affine(4, Float.MAX_VALUE / 5, 0f, 7)));
        // a zero point at the top of the range with the lowest code still fits: only the far end overflows
        assertThrows(MalformedMessageException.class,
                () -> Compression.downlink("int8", PAIR).decode(affine(8, Float.MAX_VALUE / 255, Float.MAX_VALUE, -128)));
        float[][] ok = Compression.downlink("int8", PAIR).decode(affine(8, 1e30f, 1e32f, -128));
        assertTrue(Float.isFinite(ok[0][0]));
    }

    @Test
    void aMissingBroadcastIsMalformed() {
        for (String codec : Compression.downlinkNames()) {
            assertThrows(MalformedMessageException.class, () -> Compression.downlink(codec, PAIR).decode(null), codec);
        }
    }

    @Test
    void laqRejectsAnInnovationThatOverflowsAndKeepsItsState() {
        Scheme s = Compression.uplink("laq", PAIR, Map.of());
        ServerDecoder server = s.newServer();
        ClientEncoder client = s.newClient(1, new SplittableRandom(1));
        float[][] huge = {{3e38f, -3e38f}};
        server.decode(1, 0, client.encode(new RoundInput(0, huge, null)).message());
        float[][] before = server.latest(1).orElseThrow();
        // radius = the largest float, every level at the top: previous + radius overflows for the first element
        BitWriter w = Integrity.writer(32 + 2 * 8);
        w.writeFloat(Float.MAX_VALUE);
        w.writeBits(255, 8);
        w.writeBits(255, 8);
        byte[] forged = Integrity.seal(w);
        assertThrows(MalformedMessageException.class, () -> server.decode(1, 1, forged));
        assertArrayEquals(before[0], server.latest(1).orElseThrow()[0]);
    }
}
