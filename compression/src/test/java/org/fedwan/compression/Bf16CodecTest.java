package org.fedwan.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** bfloat16 against values whose bits are worked out by hand. */
class Bf16CodecTest {

    @Test
    void keepsTheUpperSixteenBitsRoundingToNearestEven() {
        // 1.0 = 0x3F800000 -> 0x3F80; pi = 0x40490FDB -> 0x4049 (0x0FDB below half) = 3.140625
        assertEquals(0x3F80, Bf16Codec.toBf16(1.0f));
        assertEquals(0x4049, Bf16Codec.toBf16((float) Math.PI));
        // exactly half way: 0x3F808000 rounds to the even 0x3F80, 0x3F818000 up to the even 0x3F82
        assertEquals(0x3F80, Bf16Codec.toBf16(Float.intBitsToFloat(0x3F808000)));
        assertEquals(0x3F82, Bf16Codec.toBf16(Float.intBitsToFloat(0x3F818000)));
        // above half rounds up: 0x3F808001 -> 0x3F81
        assertEquals(0x3F81, Bf16Codec.toBf16(Float.intBitsToFloat(0x3F808001)));
        // the largest floats clamp to the largest finite bfloat16 instead of becoming infinite
        assertEquals(0x7F7F, Bf16Codec.toBf16(Float.MAX_VALUE));
        assertEquals(0xFF7F, Bf16Codec.toBf16(-Float.MAX_VALUE));
    }

    @Test
    void roundTripsWithinHalfAUnitAndSixteenBitsPerValue() {
        float[] v = {1.0f, (float) Math.PI, -0.1f, 1e-30f, 65504f, 1e30f};
        Bf16Codec c = new Bf16Codec();
        assertEquals(16L * v.length, c.bits(v.length).totalBits());
        BitWriter w = new BitWriter(c.bits(v.length).totalBits());
        c.encode(v, w);
        float[] back = new float[v.length];
        c.decode(new BitReader(w.toByteArray()), back);
        assertEquals(3.140625f, back[1]);
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], back[i], Math.abs(v[i]) * 0x1p-8, "value " + i);
        }
        assertArrayEquals(new float[] {1.0f}, new float[] {back[0]});
    }

    @Test
    void refusesNonFiniteBits() {
        byte[] infinity = {(byte) 0x7F, (byte) 0x80};
        assertThrows(MalformedMessageException.class, () -> new Bf16Codec().decode(new BitReader(infinity), new float[1]));
    }
}
