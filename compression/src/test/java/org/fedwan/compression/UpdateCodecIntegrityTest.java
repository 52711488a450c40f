package org.fedwan.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UpdateCodecIntegrityTest {

    @Test
    void checkedFp32IsThirtyTwoBitsPerValuePlusTheCheck() {
        ModelLayout layout = TestLayouts.small();
        UpdateCodec codec = UpdateCodec.withIntegrityCheck(new Fp32Codec());
        assertEquals(new BitCount(32 * layout.parameterCount(), 32), codec.bits(layout));
        float[][] v = TestLayouts.gaussian(layout, new SplittableRandom(1), 1);
        byte[] m = codec.encode(layout, v);
        assertEquals(4 * layout.parameterCount() + 4, m.length);
        float[][] d = codec.decode(layout, m);
        for (int l = 0; l < v.length; l++) {
            assertArrayEquals(v[l], d[l]);
        }
    }

    @Test
    void everySingleBitFlipIsRejected() {
        ModelLayout layout = TestLayouts.small();
        UpdateCodec codec = UpdateCodec.withIntegrityCheck(new Int8AffineCodec());
        byte[] m = codec.encode(layout, TestLayouts.gaussian(layout, new SplittableRandom(2), 1));
        for (int bit = 0; bit < m.length * 8; bit++) {
            byte[] c = m.clone();
            c[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> codec.decode(layout, c));
            assertTrue(e.getMessage().contains("CRC-32"), e.getMessage());
        }
    }

    @Test
    void uncheckedCodecKeepsItsPinnedSize() {
        ModelLayout layout = TestLayouts.small();
        assertEquals(new BitCount(8 * layout.parameterCount(), 64L * layout.layerCount()),
                new UpdateCodec(new Int8AffineCodec()).bits(layout));
    }
}
