package org.fedwan.fl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputAdaptationTest {

    @Test
    void greyImageIsCentredInAPaddedFrameAndReplicatedToThreeChannels() {
        // 2x2 grey image into 3x4x4: one pixel of zero padding on each side
        byte[] img = {(byte) 255, 0, (byte) 51, (byte) 102};
        InputAdaptation a = InputAdaptation.between(1, 2, 2, new int[] {3, 4, 4});
        float[] out = new float[a.targetSize()];
        a.write(img, 0, out, 0);
        float[] plane = {
            0, 0, 0, 0,
            0, 1f, 0, 0,
            0, 0.2f, 0.4f, 0,
            0, 0, 0, 0};
        for (int c = 0; c < 3; c++) {
            float[] got = java.util.Arrays.copyOfRange(out, c * 16, c * 16 + 16);
            assertArrayEquals(plane, got, 1e-7f, "channel " + c);
        }
    }

    @Test
    void colourImageBecomesTheLumaOfItsCentreCrop() {
        // 3x3x3 image (R, G, B planes) cropped to 1x1x1: the centre pixel, 0.299 R + 0.587 G + 0.114 B
        byte[] img = new byte[27];
        img[4] = (byte) 200;
        img[9 + 4] = (byte) 100;
        img[18 + 4] = (byte) 50;
        img[0] = (byte) 255;
        InputAdaptation a = InputAdaptation.between(3, 3, 3, new int[] {1, 1, 1});
        float[] out = new float[1];
        a.write(img, 0, out, 0);
        assertEquals((0.299 * 200 + 0.587 * 100 + 0.114 * 50) / 255, out[0], 1e-6);
    }

    @Test
    void mnistIntoLenetPadsTwoPixelsOnEachSide() {
        byte[] img = new byte[28 * 28];
        img[0] = (byte) 255;
        img[28 * 28 - 1] = (byte) 255;
        InputAdaptation a = InputAdaptation.between(1, 28, 28, new int[] {1, 32, 32});
        float[] out = new float[32 * 32];
        a.write(img, 0, out, 0);
        assertEquals(1f, out[2 * 32 + 2]);
        assertEquals(1f, out[29 * 32 + 29]);
        assertEquals(2f, sum(out), 1e-6);
        assertTrue(InputAdaptation.between(1, 28, 28, new int[] {1, 28, 28}).isIdentity());
    }

    @Test
    void unsupportedChannelPairsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> InputAdaptation.between(3, 32, 32, new int[] {2, 32, 32}));
        assertThrows(IllegalArgumentException.class, () -> InputAdaptation.between(4, 32, 32, new int[] {3, 32, 32}));
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}
