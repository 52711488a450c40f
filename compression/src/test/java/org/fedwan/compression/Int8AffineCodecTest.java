package org.fedwan.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Int8AffineCodecTest {

    private static final ModelLayout LAYOUT = new ModelLayout(List.of(
            new LayerSpec("conv1", List.of(new TensorSpec("conv1.weight", new int[] {8, 1, 5, 5}),
                    new TensorSpec("conv1.bias", new int[] {8}))),
            new LayerSpec("fc", List.of(new TensorSpec("fc.weight", new int[] {256, 10}),
                    new TensorSpec("fc.bias", new int[] {10})))));

    @Test
    void roundTripErrorIsAtMostHalfAStepPerValue() {
        SplittableRandom rnd = new SplittableRandom(7);
        float[][] values = randomValues(rnd, 3.0);
        UpdateCodec codec = new UpdateCodec(new Int8AffineCodec());
        float[][] decoded = codec.decode(LAYOUT, codec.encode(LAYOUT, values));
        for (int l = 0; l < values.length; l++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float v : values[l]) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double scale = (max - min) / 255.0;
            for (int i = 0; i < values[l].length; i++) {
                double err = Math.abs(decoded[l][i] - values[l][i]);
                // half a step (seed 000 eq. 3-5), plus float rounding of s*q + z
                assertTrue(err <= scale / 2 * (1 + 1e-4) + 4 * Math.ulp(Math.max(Math.abs(min), Math.abs(max))),
                        "layer " + l + " value " + i + " error " + err + " > s/2 = " + scale / 2);
            }
        }
    }

    @Test
    void extremesMapToTheEndsOfTheInt8Range() {
        float[] v = {-1f, 0f, 1f};
        float scale = Int8AffineCodec.scale(-1f, 1f);
        float zero = -1f + 128f * scale;
        assertEquals(-128, Int8AffineCodec.quantize(-1f, scale, zero));
        assertEquals(127, Int8AffineCodec.quantize(1f, scale, zero));
        assertEquals(2f / 255f, scale, 1e-9);
        assertEquals(3, v.length);
    }

    @Test
    void constantLayerDecodesExactly() {
        ModelLayout layout = new ModelLayout(List.of(new LayerSpec("b", List.of(new TensorSpec("b", new int[] {5})))));
        UpdateCodec codec = new UpdateCodec(new Int8AffineCodec());
        float[][] values = {{0.25f, 0.25f, 0.25f, 0.25f, 0.25f}};
        assertArrayEquals(values[0], codec.decode(layout, codec.encode(layout, values))[0]);
    }

    @Test
    void encodedLengthEqualsAccountedBits() {
        UpdateCodec codec = new UpdateCodec(new Int8AffineCodec());
        byte[] bytes = codec.encode(LAYOUT, randomValues(new SplittableRandom(1), 1.0));
        long params = LAYOUT.parameterCount();
        assertEquals(params + 8L * LAYOUT.layerCount(), bytes.length);
        assertEquals(new BitCount(8 * params, 64L * LAYOUT.layerCount()), codec.bits(LAYOUT));
    }

    @Test
    void truncatedMessageIsRejected() {
        UpdateCodec codec = new UpdateCodec(new Int8AffineCodec());
        byte[] bytes = codec.encode(LAYOUT, randomValues(new SplittableRandom(1), 1.0));
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> codec.decode(LAYOUT, cut));
        assertTrue(e.getMessage().contains("must be " + bytes.length + " bytes"), e.getMessage());
    }

    @Test
    void nonFiniteInputIsRefused() {
        ModelLayout layout = new ModelLayout(List.of(new LayerSpec("b", List.of(new TensorSpec("b", new int[] {2})))));
        UpdateCodec codec = new UpdateCodec(new Int8AffineCodec());
        assertThrows(IllegalArgumentException.class, () -> codec.encode(layout, new float[][] {{1f, Float.NaN}}));
    }

    static float[][] randomValuesFor(ModelLayout layout, SplittableRandom rnd) {
        float[][] v = new float[layout.layerCount()][];
        for (int l = 0; l < v.length; l++) {
            v[l] = new float[layout.layers().get(l).parameterCount()];
            for (int i = 0; i < v[l].length; i++) {
                v[l][i] = (float) rnd.nextGaussian();
            }
        }
        return v;
    }

    static float[][] randomValues(SplittableRandom rnd, double spread) {
        float[][] v = new float[LAYOUT.layerCount()][];
        for (int l = 0; l < v.length; l++) {
            v[l] = new float[LAYOUT.layers().get(l).parameterCount()];
            for (int i = 0; i < v[l].length; i++) {
                v[l][i] = (float) ((rnd.nextDouble() * 2 - 1) * spread + l);
            }
        }
        return v;
    }
}
