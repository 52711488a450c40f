package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fedwan.compression.Bf16Codec;
import org.fedwan.compression.Fp16Codec;
import org.fedwan.compression.Fp32Codec;
import org.fedwan.compression.Int4AffineCodec;
import org.fedwan.compression.Int8AffineCodec;
import org.fedwan.compression.LayerCodec;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.ScaledSignCodec;
import org.fedwan.compression.TestLayouts;
import org.fedwan.compression.TopKCodec;
import org.fedwan.compression.UpdateCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broadcast codec {@link Compression#downlink} returns is, for every downlink codec name,
 * exactly {@code new UpdateCodec(codec)} with the codec built by its own constructor and default
 * options (no CRC): the same bytes, the same decoded model, the same bit count. That is what the
 * simulator broadcast before the registry existed ({@code new UpdateCodec(CodecRegistry.create(name))}).
 */
class DownlinkCodecTest {

    /** The reference: each downlink codec built directly, without any registry. */
    private static final Map<String, Supplier<LayerCodec>> REFERENCE = new TreeMap<>(Map.of(
            "bf16", Bf16Codec::new,
            "fp32", Fp32Codec::new,
            "fp16", Fp16Codec::new,
            "int8", Int8AffineCodec::new,
            "int4", Int4AffineCodec::new,
            "sign", ScaledSignCodec::new,
            "topk", () -> new TopKCodec(0.01, TopKCodec.IndexCoding.FIXED)));

    static Stream<String> names() {
        return Compression.downlinkNames().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void broadcastIsExactlyTheUpdateCodecWithoutCrc(String name) {
        assertEquals(List.copyOf(REFERENCE.keySet()), Compression.downlinkNames());
        for (ModelLayout layout : List.of(TestLayouts.small(), TestLayouts.cnn6Cifar())) {
            UpdateCodec reference = new UpdateCodec(REFERENCE.get(name).get());
            DownlinkCodec codec = Compression.downlink(name, layout);
            assertEquals(name, codec.name());
            assertEquals(reference.bits(layout).totalBits(), codec.bits().totalBits());
            assertEquals(reference.bits(layout).sideBits(), codec.bits().total().sideBits());
            assertEquals(0, codec.bits().message().totalBits());
            SplittableRandom data = new SplittableRandom(name.hashCode());
            for (double scale : new double[] {1e-3, 1, 40}) {
                float[][] model = TestLayouts.gaussian(layout, data, scale);
                byte[] expected = reference.encode(layout, model);
                byte[] actual = codec.encode(model);
                assertArrayEquals(expected, actual);
                assertEquals(codec.bits().totalBytes(), actual.length);
                float[][] want = reference.decode(layout, expected);
                float[][] got = codec.decode(actual);
                assertEquals(want.length, got.length);
                for (int l = 0; l < want.length; l++) {
                    assertArrayEquals(want[l], got[l], "layer " + l);
                }
            }
            byte[] message = codec.encode(TestLayouts.gaussian(layout, data, 1));
            assertThrows(MalformedMessageException.class, () -> codec.decode(Arrays.copyOf(message, message.length - 1)));
            assertThrows(MalformedMessageException.class, () -> codec.decode(Arrays.copyOf(message, message.length + 1)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyDownlinkCodecIsDocumented(String name) {
        SchemeDoc doc = Compression.downlinkDocs().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
        assertEquals(List.of(), doc.options());
        assertEquals(name.equals("topk"), doc.summary().contains("in the downlink with its defaults: fraction=0.01, index=fixed"),
                doc.summary());
    }

    @Test
    void unknownNamesAreRejectedWithTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Compression.downlink("quantized", TestLayouts.small()));
        assertEquals("unknown downlink codec 'quantized'; allowed: bf16, fp16, fp32, int4, int8, sign, topk", e.getMessage());
    }
}
