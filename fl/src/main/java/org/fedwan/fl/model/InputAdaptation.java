package org.fedwan.fl.model;

import java.util.Arrays;

/**
 * Fits images of one geometry to a model's input geometry, and scales bytes to [0, 1] floats.
 * The rule, applied per image:
 *
 * <ol>
 * <li><b>Channels.</b> Equal counts are copied. One grey channel feeding a three-channel model is
 *     replicated into R, G and B. Three colour channels feeding a one-channel model become luma
 *     {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601). Any other pair is refused.</li>
 * <li><b>Size.</b> A smaller image is zero-padded, centred (28x28 in 32x32: 2 pixels on each
 *     side, as LeCun et al. 1998 padded MNIST for LeNet-5); a larger image is centre-cropped
 *     (32x32 to 28x28: 2 pixels off each side). An odd difference puts the extra pixel at the
 *     bottom/right. Zero is black, the background of MNIST and Fashion-MNIST.</li>
 * </ol>
 *
 * So {@code cnn6-cifar} on Fashion-MNIST sees a 3x32x32 image whose three channels are the same
 * padded grey image, and {@code cnn-mnist} on CIFAR-10 sees the grey centre 28x28 of each image.
 * Nothing is resized by interpolation: padding and cropping keep pixel values exact.
 */
public final class InputAdaptation {

    private static final double[] LUMA = {0.299, 0.587, 0.114};

    private final int sourceChannels;
    private final int sourcePlane;
    private final int targetChannels;
    private final int[] spatial;
    private final boolean identity;

    private InputAdaptation(int sourceChannels, int sourceHeight, int sourceWidth, int[] target) {
        this.sourceChannels = sourceChannels;
        this.sourcePlane = sourceHeight * sourceWidth;
        this.targetChannels = target[0];
        int th = target[1];
        int tw = target[2];
        this.spatial = new int[th * tw];
        for (int y = 0; y < th; y++) {
            int sy = shift(y, sourceHeight, th);
            for (int x = 0; x < tw; x++) {
                int sx = shift(x, sourceWidth, tw);
                spatial[y * tw + x] = (sy < 0 || sy >= sourceHeight || sx < 0 || sx >= sourceWidth) ? -1 : sy * sourceWidth + sx;
            }
        }
        this.identity = sourceChannels == targetChannels && sourceHeight == th && sourceWidth == tw;
    }

    /** Source coordinate of target coordinate {@code t}: centred padding or cropping. */
    private static int shift(int t, int source, int target) {
        return target >= source ? t - (target - source) / 2 : t + (source - target) / 2;
    }

    /**
     * The adaptation from images of {@code channels x height x width} to {@code target = {channels, height, width}}.
     *
     * @throws IllegalArgumentException if the channel counts cannot be adapted
     */
    public static InputAdaptation between(int channels, int height, int width, int[] target) {
        if (target.length != 3) {
            throw new IllegalArgumentException("target shape needs {channels, height, width}, got " + Arrays.toString(target));
        }
        boolean ok = channels == target[0] || channels == 1 || (channels == 3 && target[0] == 1);
        if (!ok) {
            throw new IllegalArgumentException("cannot adapt " + channels + "-channel images to a " + target[0]
                    + "-channel model (supported: equal counts, 1 -> any by replication, 3 -> 1 by luma)");
        }
        return new InputAdaptation(channels, height, width, target);
    }

    /** True if images pass unchanged (apart from scaling to [0, 1]). */
    public boolean isIdentity() {
        return identity;
    }

    /** Values written per image. */
    public int targetSize() {
        return targetChannels * spatial.length;
    }

    /**
     * Writes image {@code pixels[imageOffset ..]} (channel-major unsigned bytes) adapted and
     * scaled to [0, 1] into {@code out[outOffset ..]}.
     */
    public void write(byte[] pixels, int imageOffset, float[] out, int outOffset) {
        int plane = spatial.length;
        if (identity) {
            for (int j = 0; j < plane * targetChannels; j++) {
                out[outOffset + j] = (pixels[imageOffset + j] & 0xFF) / 255f;
            }
            return;
        }
        boolean luma = sourceChannels == 3 && targetChannels == 1;
        for (int c = 0; c < targetChannels; c++) {
            int sourceChannel = sourceChannels == 1 ? 0 : c;
            for (int p = 0; p < plane; p++) {
                int s = spatial[p];
                float v;
                if (s < 0) {
                    v = 0f;
                } else if (luma) {
                    double sum = 0;
                    for (int k = 0; k < 3; k++) {
                        sum += LUMA[k] * (pixels[imageOffset + k * sourcePlane + s] & 0xFF);
                    }
                    v = (float) (sum / 255);
                } else {
                    v = (pixels[imageOffset + sourceChannel * sourcePlane + s] & 0xFF) / 255f;
                }
                out[outOffset + c * plane + p] = v;
            }
        }
    }
}
