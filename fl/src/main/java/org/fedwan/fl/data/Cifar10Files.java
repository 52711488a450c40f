package org.fedwan.fl.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 (Krizhevsky 2009: 50,000 training and 10,000 test 32x32 colour images of ten classes)
 * from the original binary batches, which the user supplies: CIFAR-10 is in no package registry
 * this project may use, so nothing is fetched. The folder holds {@code data_batch_1.bin} to
 * {@code data_batch_5.bin} (training, in that order) and {@code test_batch.bin}, as the "CIFAR-10
 * binary version" archive unpacks them (a folder that contains {@value #ARCHIVE_FOLDER} is accepted too).
 *
 * <p>Each record is 3,073 bytes: one label byte (0-9), then 3,072 pixel bytes, channel-major
 * (1,024 red, then 1,024 green, then 1,024 blue values, each plane row-major 32x32). That is
 * already {@link ImageDataset}'s layout, so records are copied as they are.
 */
public final class Cifar10Files {

    /** Side of an image in pixels. */
    public static final int SIDE = 32;
    /** Colour channels. */
    public static final int CHANNELS = 3;
    /** Bytes per record: label then pixels. */
    public static final int RECORD_BYTES = 1 + CHANNELS * SIDE * SIDE;
    /** Folder name inside the archive. */
    public static final String ARCHIVE_FOLDER = "cifar-10-batches-bin";

    static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST_FILE = "test_batch.bin";

    private Cifar10Files() {
    }

    /**
     * Reads the six batch files of {@code folder} (or of {@code folder/cifar-10-batches-bin}).
     *
     * @throws IOException naming the folder and the missing files, or the file whose size is not a whole number of records
     */
    public static TrainTest load(Path folder) throws IOException {
        Path dir = Files.isDirectory(folder.resolve(ARCHIVE_FOLDER)) ? folder.resolve(ARCHIVE_FOLDER) : folder;
        List<String> missing = missingFiles(folder);
        if (!missing.isEmpty()) {
            throw new IOException("CIFAR-10 binary batches not found in " + dir.toAbsolutePath()
                    + (dir.equals(folder) ? " (nor in its subfolder " + ARCHIVE_FOLDER + ")" : "") + ": missing "
                    + String.join(", ", missing) + ". Expected data_batch_1.bin .. data_batch_5.bin and test_batch.bin, as the "
                    + "'CIFAR-10 binary version' archive (cifar-10-binary.tar.gz) unpacks them; CIFAR-10 is not fetched "
                    + "automatically, put the files there");
        }
        List<Path> train = new ArrayList<>();
        for (String f : TRAIN_FILES) {
            train.add(dir.resolve(f));
        }
        return new TrainTest(read("cifar10-train", train), read("cifar10-test", List.of(dir.resolve(TEST_FILE))));
    }

    /** Concatenates the records of {@code files} in order. */
    /** The batch files absent from {@code folder} (or its {@code cifar-10-batches-bin} subfolder); empty when all are there. */
    public static List<String> missingFiles(Path folder) {
        Path dir = Files.isDirectory(folder.resolve(ARCHIVE_FOLDER)) ? folder.resolve(ARCHIVE_FOLDER) : folder;
        List<String> missing = new ArrayList<>();
        for (String f : TRAIN_FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                missing.add(f);
            }
        }
        if (!Files.isRegularFile(dir.resolve(TEST_FILE))) {
            missing.add(TEST_FILE);
        }
        return missing;
    }

    static ImageDataset read(String name, List<Path> files) throws IOException {
        long total = 0;
        for (Path f : files) {
            long size = Files.size(f);
            if (size == 0 || size % RECORD_BYTES != 0) {
                throw new IOException(f + ": " + size + " bytes is not a whole, positive number of " + RECORD_BYTES
                        + "-byte CIFAR-10 records (1 label byte + 3,072 pixel bytes)");
            }
            total += size / RECORD_BYTES;
        }
        int n = Math.toIntExact(total);
        int imageBytes = RECORD_BYTES - 1;
        byte[] pixels = new byte[n * imageBytes];
        byte[] labels = new byte[n];
        int i = 0;
        for (Path f : files) {
            byte[] raw = Files.readAllBytes(f);
            for (int off = 0; off < raw.length; off += RECORD_BYTES, i++) {
                int label = raw[off] & 0xFF;
                if (label > 9) {
                    throw new IOException(f + ": record " + (off / RECORD_BYTES) + " has label " + label + ", expected 0-9");
                }
                labels[i] = (byte) label;
                System.arraycopy(raw, off + 1, pixels, i * imageBytes, imageBytes);
            }
        }
        return new ImageDataset(name, CHANNELS, SIDE, SIDE, 10, pixels, labels);
    }
}
