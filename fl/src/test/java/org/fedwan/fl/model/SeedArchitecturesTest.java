package org.fedwan.fl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TensorSpec;
import org.junit.jupiter.api.Test;

class SeedArchitecturesTest {

    private static List<Integer> layerCounts(ModelLayout m) {
        List<Integer> c = new ArrayList<>();
        for (LayerSpec l : m.layers()) {
            c.add(l.parameterCount());
        }
        return c;
    }

    private static long weightCount(ModelLayout m) {
        long n = 0;
        for (LayerSpec l : m.layers()) {
            for (TensorSpec t : l.tensors()) {
                if (t.name().endsWith(".weight")) {
                    n += t.elementCount();
                }
            }
        }
        return n;
    }

    @Test
    void cnn6CifarHasTheLayerSizesOfSeed000() {
        ModelLayout m = SeedArchitectures.layout("cnn6-cifar");
        assertEquals(231_338, m.parameterCount());
        assertEquals(List.of(448, 4_640, 18_496, 73_856, 131_328, 2_570), layerCounts(m));
    }

    @Test
    void octavModelsMatchTablesIAndIII() {
        ModelLayout mnist = SeedArchitectures.layout("cnn-mnist-octav");
        // Table II's weight tensors: 144 + 2304 + 78,400 + 1000 (the paper's total prints 80,848)
        assertEquals(81_848, weightCount(mnist));
        assertEquals(82_274, mnist.parameterCount());
        assertEquals(4, mnist.layerCount());
        ModelLayout cifar = SeedArchitectures.layout("cnn-cifar-octav");
        assertEquals(432 + 2_304 + 102_400 + 1_000, weightCount(cifar));
        assertEquals(106_562, cifar.parameterCount());
    }

    @Test
    void qrrModelsMatchSeed004() {
        assertEquals(159_010, SeedArchitectures.layout("mlp-mnist-qrr").parameterCount());
        assertEquals(406_922, SeedArchitectures.layout("cnn-mnist-qrr").parameterCount());
        assertEquals(550_570, SeedArchitectures.layout("vgg-cifar-qrr").parameterCount());
    }

    @Test
    void forwardFlopsCountMultiplyAndAddApart() {
        assertEquals(2L * (784 * 200 + 200 * 10), SeedArchitectures.forwardFlopsPerSample("mlp-mnist-qrr"));
        assertEquals(884_736L + 3 * 2_359_296L + 262_144L + 5_120L, SeedArchitectures.forwardFlopsPerSample("cnn6-cifar"));
        assertEquals(225_792L + 903_168L + 156_800L + 2_000L, SeedArchitectures.forwardFlopsPerSample("cnn-mnist-octav"));
        assertEquals(225_792L + 7_225_344L + 802_816L + 1_280L, SeedArchitectures.forwardFlopsPerSample("cnn-mnist-qrr"));
    }

    @Test
    void unknownNamesListTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeedArchitectures.layout("resnet18"));
        assertEquals("unknown seed architecture 'resnet18'; allowed: cnn-cifar-octav, cnn-mnist-octav, cnn-mnist-qrr, cnn6-cifar,"
                + " mlp-mnist-qrr, vgg-cifar-qrr", e.getMessage());
        assertEquals(6, SeedArchitectures.names().size());
    }
}
