package org.fedwan.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Fp32CodecTest {

    @Test
    void roundTripIsBitExactAndFourBytesPerValue() {
        ModelLayout layout = new ModelLayout(List.of(
                new LayerSpec("a", List.of(new TensorSpec("a.w", new int[] {3, 4}), new TensorSpec("a.b", new int[] {4}))),
                new LayerSpec("b", List.of(new TensorSpec("b.w", new int[] {7})))));
        float[][] v = Int8AffineCodecTest.randomValuesFor(layout, new SplittableRandom(3));
        v[0][0] = -0.0f;
        v[1][6] = Float.MIN_VALUE;
        UpdateCodec codec = new UpdateCodec(new Fp32Codec());
        byte[] bytes = codec.encode(layout, v);
        assertEquals(4 * layout.parameterCount(), bytes.length);
        float[][] d = codec.decode(layout, bytes);
        for (int l = 0; l < v.length; l++) {
            assertArrayEquals(v[l], d[l]);
        }
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(d[0][0]));
    }

    @Test
    void wrongValueCountIsRejected() {
        ModelLayout layout = new ModelLayout(List.of(new LayerSpec("a", List.of(new TensorSpec("a", new int[] {3})))));
        UpdateCodec codec = new UpdateCodec(new Fp32Codec());
        assertThrows(IllegalArgumentException.class, () -> codec.encode(layout, new float[][] {{1f, 2f}}));
    }
}
