package org.fedwan.fl.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of LeCun, Cortes and Burges (the MNIST and Fashion-MNIST distribution
 * files): two zero bytes, a type code ({@code 0x08} = unsigned byte), the number of dimensions,
 * the dimensions as big-endian 32-bit integers, then the data. Gzipped files (as Debian's
 * {@code dataset-fashion-mnist} ships them) are recognised by their {@code 1f 8b} header.
 */
public final class IdxReader {

    private static final int TYPE_UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /** Dimensions and unsigned-byte data of one IDX file. */
    public record IdxArray(int[] dimensions, byte[] data) {
    }

    public static IdxArray read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
            return read(new DataInputStream(in), file.toString());
        }
    }

    static IdxArray read(DataInputStream in, String source) throws IOException {
        try {
            int zero = in.readUnsignedShort();
            int type = in.readUnsignedByte();
            int dims = in.readUnsignedByte();
            if (zero != 0 || type != TYPE_UNSIGNED_BYTE || dims < 1 || dims > 4) {
                throw new IOException(source + ": not an unsigned-byte IDX file (magic 0x"
                        + String.format("%04x%02x%02x", zero, type, dims) + ", expected 0x000008 then 1..4 dimensions)");
            }
            int[] shape = new int[dims];
            long count = 1;
            for (int i = 0; i < dims; i++) {
                shape[i] = in.readInt();
                if (shape[i] < 0) {
                    throw new IOException(source + ": negative dimension " + shape[i]);
                }
                count *= shape[i];
            }
            if (count > Integer.MAX_VALUE - 8) {
                throw new IOException(source + ": " + count + " values is too large");
            }
            byte[] data = new byte[(int) count];
            in.readFully(data);
            if (in.read() != -1) {
                throw new IOException(source + ": trailing bytes after " + count + " values");
            }
            return new IdxArray(shape, data);
        } catch (EOFException e) {
            throw new IOException(source + ": file ends before the data its header announces", e);
        }
    }

    /** Pairs an image file (N x H x W) with a label file (N) into a data set. */
    public static ImageDataset readImages(String name, Path imagesFile, Path labelsFile, int numClasses) throws IOException {
        IdxArray images = read(imagesFile);
        IdxArray labels = read(labelsFile);
        if (images.dimensions().length != 3) {
            throw new IOException(imagesFile + ": expected 3 dimensions (count, rows, columns), got "
                    + images.dimensions().length);
        }
        if (labels.dimensions().length != 1 || labels.dimensions()[0] != images.dimensions()[0]) {
            throw new IOException(labelsFile + ": expected " + images.dimensions()[0] + " labels to match " + imagesFile);
        }
        return new ImageDataset(name, 1, images.dimensions()[1], images.dimensions()[2], numClasses, images.data(),
                labels.data());
    }
}
