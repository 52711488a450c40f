package org.fedwan.fl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedwan.compression.LayerSpec;
import org.fedwan.compression.TensorSpec;
import org.fedwan.fl.data.DatasetCatalog;
import org.junit.jupiter.api.Test;

/**
 * The {@code layers:} list: reading, shape inference, layout naming, equivalence with the zoo's
 * hand-written and block models (same layout, same initial weights), and every refusal naming the
 * entry's key path, value and what is allowed.
 */
class LayerListTest {

    private static final int[] MNIST = DatasetCatalog.inputShape(DatasetCatalog.MNIST);
    private static final int[] CIFAR = DatasetCatalog.inputShape(DatasetCatalog.CIFAR10);
    private static final long CAP = 100_000_000L;

    static Map<String, Object> e(String type, Object arg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(type, arg);
        return m;
    }

    static Map<String, Object> conv(int filters, int kernel, String padding) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filters", (long) filters);
        m.put("kernel", (long) kernel);
        if (padding != null) {
            m.put("padding", padding);
        }
        return e("conv", m);
    }

    static Map<String, Object> pool(int size) {
        return e("pool", Map.of("size", (long) size));
    }

    static Map<String, Object> dense(int units) {
        return e("dense", (long) units);
    }

    static Map<String, Object> relu() {
        return e("activation", "relu");
    }

    static SequentialModel model(int[] input, Object... entries) {
        return LayerList.parse(List.of(entries), "layers").model("layers", input, 10, CAP);
    }

    static List<Integer> counts(ModelDefinition m) {
        List<Integer> out = new ArrayList<>();
        for (LayerSpec l : m.layout().layers()) {
            out.add(l.parameterCount());
        }
        return out;
    }

    static List<List<Integer>> shapes(LayerSpec layer) {
        return layer.tensors().stream().map(t -> Arrays.stream(t.shape()).boxed().toList()).toList();
    }

    @Test
    void theBriefsExampleInfersEveryShapeAndNamesItsLayers() {
        SequentialModel m = model(MNIST, conv(32, 5, "same"), relu(), pool(2), e("batch_norm", Map.of()), e("dropout", 0.25),
                dense(128), relu(), dense(10));
        assertEquals(List.of("conv1", "fc1", "fc2"), m.layout().layers().stream().map(LayerSpec::name).toList());
        // conv1: 5*5*1*32 + 32 = 832 and bn1 gamma, beta 2*32; pool 28 -> 14, flatten 32*14*14 = 6,272
        assertEquals(List.of(832 + 64, 6_272 * 128 + 128, 128 * 10 + 10), counts(m));
        assertEquals(List.of("conv1.weight", "conv1.bias", "bn1.gamma", "bn1.beta"),
                m.layout().layers().get(0).tensors().stream().map(TensorSpec::name).toList());
        assertEquals(List.of("bn1.running_mean", "bn1.running_var"), m.buffers().stream().map(TensorSpec::name).toList());
        assertEquals(1, m.dropoutMasks().size());
        assertArrayEquals(new int[] {32, 14, 14}, m.dropoutMasks().get(0).shapePerSample());
        assertEquals(LayerList.NAME, m.name());
        // 2 x MACs: conv 28*28*32*25, fc1 6,272*128, fc2 128*10
        assertEquals(2L * (28 * 28 * 32 * 25 + 6_272 * 128 + 1_280), m.forwardFlopsPerSample());
    }

    @Test
    void theListOfCnnMnistHasItsLayoutFlopsAndBitIdenticalInitialWeights() {
        SequentialModel m = model(MNIST, conv(8, 5, null), relu(), pool(2), conv(16, 5, "valid"), relu(), pool(2), dense(10));
        CnnMnist zoo = new CnnMnist();
        assertEquals(counts(zoo), counts(m));
        assertEquals(List.of(208, 3_216, 2_570), counts(m));
        assertEquals(zoo.forwardFlopsPerSample(), m.forwardFlopsPerSample());
        for (int l = 0; l < 3; l++) {
            assertEquals(shapes(zoo.layout().layers().get(l)), shapes(m.layout().layers().get(l)), "layer " + l);
        }
        float[][] a = zoo.initialWeights(42);
        float[][] b = m.initialWeights(42);
        for (int l = 0; l < a.length; l++) {
            assertArrayEquals(a[l], b[l], "layer " + l);
        }
    }

    @Test
    void theListsOfTheMlpFamilyCnn6AndOctavGiveTheirExactLayouts() {
        SequentialModel mlp = model(MNIST, dense(200), relu(), dense(10));
        assertEquals(MlpFamily.create("mlp:784-200-10").layout(), mlp.layout());
        assertArrayEquals(MlpFamily.create("mlp:784-200-10").initialWeights(7)[0], mlp.initialWeights(7)[0]);

        SequentialModel cnn6 = model(CIFAR, conv(16, 3, "same"), relu(), pool(2), conv(32, 3, "same"), relu(), pool(2),
                conv(64, 3, "same"), relu(), pool(2), conv(128, 3, "same"), relu(), pool(2), e("flatten", null),
                dense(256), relu(), dense(10));
        assertEquals(SeedModels.cnn6Cifar().layout(), cnn6.layout());
        assertEquals(SeedModels.cnn6Cifar().forwardFlopsPerSample(), cnn6.forwardFlopsPerSample());

        SequentialModel octav = model(MNIST, conv(16, 3, "same"), "batch_norm", relu(), pool(2), conv(16, 3, "same"),
                e("batch_norm", null), relu(), pool(2), dense(100), e("batch_norm", Map.of()), relu(), dense(10),
                e("batch_norm", Map.of()));
        assertEquals(SeedModels.cnnMnistOctav().layout(), octav.layout());
        assertEquals(SeedModels.cnnMnistOctav().buffers().stream().map(TensorSpec::name).toList(),
                octav.buffers().stream().map(TensorSpec::name).toList());
        float[][] a = SeedModels.cnnMnistOctav().initialWeights(3);
        float[][] b = octav.initialWeights(3);
        for (int l = 0; l < a.length; l++) {
            assertArrayEquals(a[l], b[l], "layer " + l);
        }
    }

    @Test
    void theCanonicalPlainFormReadsBackEqualAlsoWithJsonIntegers() {
        LayerList l = LayerList.parse(List.of(conv(4, 3, "same"), relu(), pool(2), "flatten", e("dropout", Map.of("rate", 0.5)),
                e("dense", Map.of("units", 10L))), "layers");
        assertEquals(l, LayerList.parse(l.toPlain(), "layers"));
        // a manifest read back by Jackson holds Integers
        List<Object> json = List.of(Map.of("conv", Map.of("filters", 4, "kernel", 3, "padding", "same")),
                Map.of("activation", "relu"), Map.of("pool", Map.of("size", 2)), Map.of("flatten", Map.of()),
                Map.of("dropout", 0.5), Map.of("dense", 10));
        assertEquals(l, LayerList.parse(json, "layers"));
    }

    /** The refusal of {@code entries} on MNIST: its entry, path and message. */
    static LayerListException refusal(Object raw) {
        return assertThrows(LayerListException.class, () -> LayerList.parse(raw, "layers").model("layers", MNIST, 10, CAP));
    }

    static void refused(Object raw, int entry, String path, String value, String... parts) {
        LayerListException x = refusal(raw);
        assertEquals(entry, x.entry(), x.getMessage());
        assertEquals(path, x.path(), x.getMessage());
        assertEquals(value, x.value(), x.getMessage());
        for (String p : parts) {
            assertTrue(x.getMessage().contains(p), x.getMessage() + " lacks " + p);
        }
    }

    @Test
    void everyBadEntryIsRefusedWithItsPathValueAndWhatIsAllowed() {
        refused(List.of(), -1, "layers", "[]", "an empty list", "allowed: at least one layer");
        refused("conv", -1, "layers", "conv", "allowed: a list of layers");
        refused(List.of(e("maxpool", 2L), dense(10)), 0, "layers[0]", "maxpool", "unknown layer type 'maxpool'",
                "did you mean 'pool'?", "allowed: conv, pool, dense, batch_norm, dropout, activation, flatten");
        refused(List.of(e("dense2", 10L)), 0, "layers[0]", "dense2", "did you mean 'dense'?");
        refused(List.of("relu", dense(10)), 0, "layers[0]", "relu", "did you mean 'activation: relu'?");
        refused(List.of(conv(8, 40, null), dense(10)), 0, "layers[0].conv.kernel", "40",
                "larger than the input here (1x28x28); allowed: 1 to 28");
        refused(List.of(conv(8, 5, null), pool(2), conv(8, 13, null), dense(10)), 2, "layers[2].conv.kernel", "13",
                "(8x12x12); allowed: 1 to 12");
        refused(List.of(conv(8, 4, "same"), dense(10)), 0, "layers[0].conv.kernel", "4", "allowed: an odd kernel");
        refused(List.of(conv(0, 3, null), dense(10)), 0, "layers[0].conv.filters", "0", "allowed: a whole number from 1 to 100000");
        refused(List.of(conv(8, 3, "full"), dense(10)), 0, "layers[0].conv.padding", "full", "allowed: valid");
        refused(List.of(e("conv", Map.of("filters", 8L, "kernel", 3L, "stride", 2L)), dense(10)), 0, "layers[0].conv.stride",
                "2", "unknown option", "allowed: filters, kernel, padding");
        refused(List.of(e("conv", Map.of("filters", 8L)), dense(10)), 0, "layers[0].conv.kernel", "(none)", "missing");
        refused(List.of(dense(-3), dense(10)), 0, "layers[0].dense", "-3", "allowed: a whole number from 1 to 100000");
        refused(List.of(e("dense", 2.5), dense(10)), 0, "layers[0].dense", "2.5", "a whole number");
        refused(List.of(dense(64), conv(8, 3, null), dense(10)), 1, "layers[1].conv", "{filters=8, kernel=3, padding=valid}",
                "the input here is flat (64 values, after layers[0].dense)", "allowed: conv, pool and flatten only before");
        refused(List.of(dense(64), pool(2), dense(10)), 1, "layers[1].pool", "{size=2}", "flat");
        refused(List.of(conv(8, 3, null), relu(), dense(12)), 2, "layers[2].dense", "12",
                "the last dense layer gives the logits; allowed: 10");
        refused(List.of(dense(10), relu(), conv(4, 3, null)), 2, "layers[2].conv", "{filters=4, kernel=3, padding=valid}",
                "flat");
        refused(List.of(conv(8, 3, null)), -1, "layers", "a list", "ends with values of shape 8x26x26",
                "allowed: a list ending with dense: 10");
        refused(List.of(e("dropout", 1.0), dense(10)), 0, "layers[0].dropout", "1.0", "allowed: a number >= 0 and < 1");
        refused(List.of(e("activation", "tanh"), dense(10)), 0, "layers[0].activation", "tanh", "allowed: relu");
        refused(List.of(e("batch_norm", Map.of("momentum", 0.01)), dense(10)), 0, "layers[0].batch_norm", "{momentum=0.01}",
                "allowed: {} or nothing");
        Map<String, Object> two = new LinkedHashMap<>();
        two.put("dense", 10L);
        two.put("activation", "relu");
        refused(List.of(two), 0, "layers[0]", "{dense=10, activation=relu}", "a mapping of 2 keys", "one layer per entry");
        // 784 x 100,000 + 100,000 x 100,000 > 10^8 parameters: the cap of network-only updates
        refused(List.of(dense(100_000), dense(100_000), dense(10)), 1, "layers[1].dense", "100000",
                "parameters; allowed: at most 100000000 in all");
        LayerListException x = refusal(List.of(conv(8, 40, null), dense(10)));
        assertEquals("'layers[0].conv.kernel' = 40: larger than the input here (1x28x28); allowed: 1 to 28", x.getMessage());
    }

    @Test
    void aListLongerThanTheCapIsRefusedBeforeItsEntriesAreRead() {
        List<Object> many = new ArrayList<>();
        for (int i = 0; i <= LayerList.MAX_ENTRIES; i++) {
            many.add(relu());
        }
        refused(many, -1, "layers", "a list", (LayerList.MAX_ENTRIES + 1) + " entries; allowed: at most " + LayerList.MAX_ENTRIES);
    }
}
