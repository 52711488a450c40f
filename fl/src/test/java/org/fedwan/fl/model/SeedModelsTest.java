package org.fedwan.fl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.TensorSpec;
import org.junit.jupiter.api.Test;

class SeedModelsTest {

    @Test
    void everySeedModelHasExactlyTheLayoutAndFlopsOfSeedArchitectures() {
        for (String name : SeedArchitectures.names()) {
            ModelDefinition model = ModelZoo.create(name);
            SeedArchitectures.Architecture a = SeedArchitectures.get(name);
            assertEquals(a.layout(), model.layout(), name);
            assertEquals(a.forwardFlopsPerSample(), model.forwardFlopsPerSample(), name);
            assertEquals(a.numClasses(), model.numClasses(), name);
            int inputValues = 1;
            for (int d : a.inputShape()) {
                inputValues *= d;
            }
            int[] s = model.inputShape();
            assertEquals(inputValues, s[0] * s[1] * s[2], name);
        }
    }

    @Test
    void cnn6CifarHasSeed000sPerLayerCounts() {
        List<Integer> counts = new ArrayList<>();
        for (LayerSpec l : SeedModels.cnn6Cifar().layout().layers()) {
            counts.add(l.parameterCount());
        }
        // seed 000 section IV-A: 448, 4,640, 18,496, 73,856, 131,328, 2,570 = 231,338
        assertEquals(List.of(448, 4_640, 18_496, 73_856, 131_328, 2_570), counts);
        assertEquals(231_338, SeedModels.cnn6Cifar().layout().parameterCount());
    }

    @Test
    void lenet5HasTheClassicSixtyOneThousandParameters() {
        ModelDefinition m = ModelZoo.create("lenet5");
        // C1 5*5*6+6 = 156, C3 5*5*6*16+16 = 2,416, F5 400*120+120 = 48,120, F6 120*84+84 = 10,164, out 84*10+10 = 850
        assertEquals(61_706, m.layout().parameterCount());
        assertArrayEquals(new int[] {1, 32, 32}, m.inputShape());
        // 2 x MACs: C1 28*28*6*25, C3 10*10*16*150, F5 400*120, F6 120*84, out 84*10
        assertEquals(2L * (117_600 + 240_000 + 48_000 + 10_080 + 840), m.forwardFlopsPerSample());
    }

    @Test
    void batchNormStatisticsAreBuffersOutsideTheLayout() {
        ModelDefinition m = SeedModels.cnnMnistOctav();
        List<String> buffers = m.buffers().stream().map(TensorSpec::name).toList();
        assertEquals(List.of("bn1.running_mean", "bn1.running_var", "bn2.running_mean", "bn2.running_var",
                "bn3.running_mean", "bn3.running_var", "bn4.running_mean", "bn4.running_var"), buffers);
        assertEquals(2 * (16 + 16 + 100 + 10), m.bufferSize());
        float[] b = m.initialBuffers();
        assertEquals(0f, b[0]);
        assertEquals(1f, b[16]);
        assertEquals(4, m.batchNormStatistics().size());
        assertEquals(28 * 28, m.batchNormStatistics().get(0).positionsPerSample());
        assertEquals(1, m.batchNormStatistics().get(3).positionsPerSample());
        for (LayerSpec l : m.layout().layers()) {
            for (TensorSpec t : l.tensors()) {
                assertFalse(t.name().contains("running"), t.name());
            }
        }
        assertEquals(m.layout().layers().stream().mapToInt(l -> l.tensors().size()).sum(), m.trainableTensors().size());
        assertEquals(4, SeedModels.vggCifarQrr().dropoutMasks().size());
        assertArrayEquals(new int[] {32, 16, 16}, SeedModels.vggCifarQrr().dropoutMasks().get(0).shapePerSample());
    }

    @Test
    void initialWeightsAreSeededHeNormalWithUnitGammaAndZeroBiases() {
        SequentialModel m = SeedModels.cnnMnistOctav();
        float[][] a = m.initialWeights(3);
        assertArrayEquals(a[2], m.initialWeights(3)[2]);
        assertFalse(java.util.Arrays.equals(a[2], m.initialWeights(4)[2]));
        // layer fc1: weight 784 x 100, bias 100, gamma 100, beta 100
        float[] fc1 = a[2];
        double sumSq = 0;
        for (int i = 0; i < 78_400; i++) {
            sumSq += fc1[i] * fc1[i];
        }
        double std = Math.sqrt(sumSq / 78_400);
        assertEquals(Math.sqrt(2.0 / 784), std, 0.002);
        for (int i = 78_400; i < 78_500; i++) {
            assertEquals(0f, fc1[i]);
        }
        for (int i = 78_500; i < 78_600; i++) {
            assertEquals(1f, fc1[i]);
        }
        for (int i = 78_600; i < 78_700; i++) {
            assertEquals(0f, fc1[i]);
        }
    }

    @Test
    void blocksThatDoNotFitAreRefusedWithTheirShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SequentialModel("bad",
                new int[] {1, 28, 28}, 10, List.of(new Block.Flatten(), new Block.Dense("fc", "fc", 700, 10))));
        assertTrue(e.getMessage().contains("[784]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SequentialModel("bad", new int[] {1, 4, 4}, 10,
                List.of(new Block.Flatten(), new Block.Dense("fc", "fc", 16, 9))));
    }

    @Test
    void zooListsEveryModelAndNamesTheAllowedOnesOnError() {
        assertEquals(List.of("cnn-cifar-octav", "cnn-mnist", "cnn-mnist-octav", "cnn-mnist-qrr", "cnn6-cifar", "lenet5",
                "mlp-mnist-qrr", "vgg-cifar-qrr"), ModelZoo.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelZoo.create("resnet18"));
        assertTrue(e.getMessage().contains("allowed: cnn-cifar-octav, cnn-mnist,"), e.getMessage());
    }
}
