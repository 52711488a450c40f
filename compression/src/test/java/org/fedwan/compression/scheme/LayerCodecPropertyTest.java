package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fedwan.compression.BitReader;
import org.fedwan.compression.BitWriter;
import org.fedwan.compression.Int4AffineCodec;
import org.fedwan.compression.LayerCodec;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ScaledSignCodec;
import org.fedwan.compression.TopKCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every stateless {@link LayerCodec} (the codec-backed kinds of {@code StatelessKinds},
 * which are also the downlink codecs) must have, at aligned and unaligned positions.
 */
class LayerCodecPropertyTest {

    static List<String> codecs() {
        return StatelessKinds.codecNames();
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void roundTripStaysWithinTheBoundAtAnyBitOffset(String name) {
        LayerCodec codec = StatelessKinds.layerCodec(name, "codec '" + name + "'");
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        for (int n : new int[] {1, 2, 7, 8, 9, 100, 1001}) {
            for (int prefix : new int[] {0, 3}) {
                float[] x = new float[n];
                for (int i = 0; i < n; i++) {
                    x[i] = (float) (rnd.nextGaussian() * 2 + 0.5);
                }
                long bits = codec.bits(n).totalBits();
                BitWriter w = new BitWriter(prefix + bits);
                if (prefix > 0) {
                    w.writeBits(5, prefix);
                }
                codec.encode(x, w); // the writer fails if the codec writes more or fewer bits than it accounts
                assertEquals(prefix + bits, w.positionBits());
                byte[] msg = w.toByteArray();
                assertEquals((prefix + bits + 7) / 8, msg.length);
                BitReader r = new BitReader(msg);
                if (prefix > 0) {
                    assertEquals(5, r.readBits(prefix));
                }
                float[] y = new float[n];
                codec.decode(r, y);
                r.expectEnd();
                double bound = codec.errorBound(x);
                if (!Double.isNaN(bound)) {
                    for (int i = 0; i < n; i++) {
                        assertTrue(Math.abs(x[i] - y[i]) <= bound, name + " n=" + n + " value " + i + ": |" + x[i] + " - " + y[i]
                                + "| > " + bound);
                    }
                }
                assertEquals(codec.bits(n), codec.breakdown(n).toBitCount());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void truncatedInputIsRejected(String name) {
        LayerCodec codec = StatelessKinds.layerCodec(name, "codec '" + name + "'");
        float[] x = new float[50];
        Arrays.fill(x, 0.25f);
        x[3] = -1f;
        BitWriter w = new BitWriter(codec.bits(x.length).totalBits());
        codec.encode(x, w);
        byte[] cut = Arrays.copyOf(w.toByteArray(), (int) (codec.bits(x.length).totalBytes() / 2));
        assertThrows(MalformedMessageException.class, () -> codec.decode(new BitReader(cut), new float[50]));
    }

    @org.junit.jupiter.api.Test
    void int4PacksTwoValuesPerByteAndStaysWithinHalfAStep() {
        Int4AffineCodec c = new Int4AffineCodec();
        float[] x = {0f, 1f, 2f, 15f};
        BitWriter w = new BitWriter(c.bits(4).totalBits());
        c.encode(x, w);
        byte[] b = w.toByteArray();
        assertEquals(8 + 2, b.length);
        // s = 1, z = 8: q = -8, -7, -6, 7 -> nibbles 8, 9, A, 7
        assertEquals((byte) 0x89, b[8]);
        assertEquals((byte) 0xA7, b[9]);
        float[] y = new float[4];
        c.decode(new BitReader(b), y);
        assertEquals(List.of(0f, 1f, 2f, 15f), List.of(y[0], y[1], y[2], y[3]));
    }

    @org.junit.jupiter.api.Test
    void signKeepsSignsAndTheL1Norm() {
        ScaledSignCodec c = new ScaledSignCodec();
        float[] x = {3f, -1f, 0.5f, -0.5f, 2f, -2f, 1f, 0f, -4f};
        BitWriter w = new BitWriter(c.bits(x.length).totalBits());
        c.encode(x, w);
        float[] y = new float[x.length];
        c.decode(new BitReader(w.toByteArray()), y);
        double l1x = 0;
        double l1y = 0;
        for (int i = 0; i < x.length; i++) {
            l1x += Math.abs(x[i]);
            l1y += Math.abs(y[i]);
            assertEquals(x[i] < 0, y[i] < 0, "sign of value " + i);
        }
        assertEquals(l1x, l1y, 1e-5);
    }

    @org.junit.jupiter.api.Test
    void topKKeepsTheLargestMagnitudesExactly() {
        TopKCodec c = new TopKCodec(0.3, TopKCodec.IndexCoding.FIXED);
        float[] x = {0.1f, -5f, 0.2f, 3f, -0.3f, 0.05f, 4f, 0f, 0.01f, -0.02f};
        assertEquals(3, c.k(10));
        BitWriter w = new BitWriter(c.bits(10).totalBits());
        c.encode(x, w);
        assertEquals(3 * 32 + 3 * 4, c.bits(10).totalBits());
        float[] y = new float[10];
        c.decode(new BitReader(w.toByteArray()), y);
        assertEquals(List.of(0f, -5f, 0f, 3f, 0f, 0f, 4f, 0f, 0f, 0f), toList(y));
        TopKCodec bitmap = new TopKCodec(0.3, TopKCodec.IndexCoding.BITMAP);
        assertEquals(3 * 32 + 10, bitmap.bits(10).totalBits());
    }

    private static List<Float> toList(float[] y) {
        Float[] b = new Float[y.length];
        for (int i = 0; i < y.length; i++) {
            b[i] = y[i];
        }
        return List.of(b);
    }
}
