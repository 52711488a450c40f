package org.fedwan.fl.data;
import java.util.Arrays;

/**
 * Labelled images kept compactly as unsigned bytes (0-255 per pixel, channel-major per image);
 * trainers scale them to [0, 1] floats per batch.
 *
 * @param name       data set name, e.g. {@code mnist-train}
 * @param channels   channels per image
 * @param height     image height in pixels
 * @param width      image width in pixels
 * @param numClasses number of label values (labels are 0 .. numClasses - 1)
 * @param pixels     {@code size * channels * height * width} bytes
 * @param labels     one label per image
 */
public record ImageDataset(String name, int channels, int height, int width, int numClasses, byte[] pixels, byte[] labels) {

    public ImageDataset {
        if (channels < 1 || height < 1 || width < 1 || numClasses < 2) {
            throw new IllegalArgumentException("data set '" + name + "': bad geometry " + channels + "x" + height + "x" + width
                    + " with " + numClasses + " classes");
        }
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("data set '" + name + "': " + labels.length + " labels need " + expected
                    + " pixel bytes, got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i] & 0xFF;
            if (l >= numClasses) {
                throw new IllegalArgumentException("data set '" + name + "': label " + l + " of image " + i
                        + " is outside 0.." + (numClasses - 1));
            }
        }
    }

    public int size() {
        return labels.length;
    }

    /** All labels as ints (0 .. numClasses - 1), in image order: the input of the label-aware {@link Partitions}. */
    public int[] labelArray() {
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i] & 0xFF;
        }
        return out;
    }

    /** Values per image. */
    public int imageSize() {
        return channels * height * width;
    }

    public int label(int index) {
        return labels[index] & 0xFF;
    }

    /** The first {@code n} images (or all, if {@code n} is at least the size). */
    public ImageDataset head(int n) {
        if (n >= size()) {
            return this;
        }
        byte[] p = Arrays.copyOf(pixels, n * imageSize());
        byte[] l = Arrays.copyOf(labels, n);
        return new ImageDataset(name, channels, height, width, numClasses, p, l);
    }

    /** The images {@code indices}, in that order (a copy). */
    public ImageDataset select(int[] indices) {
        int size = imageSize();
        byte[] p = new byte[indices.length * size];
        byte[] l = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, p, i * size, size);
            l[i] = labels[indices[i]];
        }
        return new ImageDataset(name, channels, height, width, numClasses, p, l);
    }
}
