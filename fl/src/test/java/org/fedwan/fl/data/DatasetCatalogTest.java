package org.fedwan.fl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCatalogTest {

    @TempDir
    Path dir;

    @Test
    void namesAndUnknownNames() {
        assertEquals(List.of("mnist", "fashion-mnist", "cifar10", "synthetic"), DatasetCatalog.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetCatalog.load("svhn", dir, 1));
        assertEquals("unknown data set 'svhn'; allowed: mnist, fashion-mnist, cifar10, synthetic", e.getMessage());
    }

    @Test
    void syntheticIsSeededAndSharesPrototypesBetweenSplits() throws IOException {
        TrainTest a = DatasetCatalog.load("synthetic", dir, 4);
        TrainTest b = DatasetCatalog.load("synthetic", dir, 4);
        assertEquals(DatasetCatalog.SYNTHETIC_TRAIN, a.train().size());
        assertEquals(DatasetCatalog.SYNTHETIC_TEST, a.test().size());
        assertArrayEquals(a.train().pixels(), b.train().pixels());
        TrainTest colour = DatasetCatalog.synthetic(20, 5, 3, 32, 4);
        assertEquals(3 * 32 * 32, colour.train().imageSize());
        // the one-channel overload draws exactly as before the channel parameter existed
        assertArrayEquals(SyntheticImages.generate("s", 30, 28, 10, 60, 4, 5).pixels(),
                SyntheticImages.generate("s", 30, 1, 28, 10, 60, 4, 5).pixels());
    }

    @Test
    void cifar10WithoutFilesSaysWhereToPutThem() {
        IOException e = assertThrows(IOException.class, () -> DatasetCatalog.load("cifar10", dir, 1));
        assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()) && e.getMessage().contains("cifar-10-batches-bin"),
                e.getMessage());
    }

    @Test
    void splitsMustAgreeInGeometry() {
        ImageDataset grey = SyntheticImages.generate("g", 4, 28, 10, 0, 1, 2);
        ImageDataset colour = SyntheticImages.generate("c", 4, 3, 28, 10, 0, 1, 2);
        assertThrows(IllegalArgumentException.class, () -> new TrainTest(grey, colour));
    }
}
