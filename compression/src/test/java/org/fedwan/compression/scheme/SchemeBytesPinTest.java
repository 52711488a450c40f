package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TestLayouts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact bytes every scheme puts on the air, and what the server decodes from them, to
 * SHA-256 digests taken from the code before the schemes were moved onto a common base class
 * (commit "Pin the uplink bytes and decoded values of every scheme"). Two clients take turns over
 * eight rounds on {@link TestLayouts#small()}, each with its own seeded random stream, so per-client
 * state on both sides (codebooks, previous quantized values, residuals, skip timers) is exercised.
 */
class SchemeBytesPinTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                pin("fp32", Map.of(), "54a26f54339bbc9d1b00c6d6fdac48c0bef637d948bda98e33796814b942f2ce"),
                pin("fp16", Map.of(), "1f6822fd50e67b35876a74ea145f184e9b53c5a03f8f0f68febb09481d6f4e08"),
                pin("int8", Map.of(), "8af683f2eca78e30b985b45253642757a2fb44a58bc4da19eb3919b567024180"),
                pin("int4", Map.of(), "22c727e976abf9dc4cbc55f172264774f1e952a694ff09d7617f0bbb67d5c996"),
                pin("sign", Map.of(), "e2c844391b022323111df5540492e2d269ae2836ded0eef44ff93618ffb65137"),
                pin("topk", Map.of(), "bca8bc7e1f2d13ea1c42e79a84e229f047dccea9255fae660fb868f2d0e2cfa5"),
                pin("topk", Map.of("fraction", "0.2", "index", "bitmap"),
                        "ad921bcf18491c22cde153849dfcc120e8df45d7f676c50e8565a56e8272cb24"),
                pin("qsgd", Map.of(), "ae174e3d35550104e3969a03bfa2d3e60b51020528ee490f157451d9cdf9c3ce"),
                pin("octav", Map.of(), "c753bd159b217497641120936bd6e6ac3ee9332abc8bfe95bc91b8b539f13f68"),
                pin("octav", Map.of("bits", "4-2-8", "rounding", "deterministic", "weighting", "none"),
                        "030fb3f0bef122e2ed14de14ff2bb997e0a3a11f0b46716e23c17f7165309bf0"),
                pin("octav", Map.of("bits", "2", "levels", "midpoint", "scope", "layer", "clip", "max"),
                        "6f57cb7db6cc19a4f19f31efb41b7955c853624e62d7d33a2b6f7c66449e20de"),
                pin("flq-kbit", Map.of(), "a56732908943a359c46ea80f47e8fae00a187faa87beba92061757bcc3dccb89"),
                pin("flq-kbit", Map.of("bits", "3", "rounding", "deterministic"),
                        "62a933a4fbd3e218b0e64f2b3201b3b0d27f7e760ace100c65be18db7b87d6ce"),
                pin("flq-weights", Map.of(), "d25625ddb46dd964305a06aac73ffa6f094f8a918b73e2bbd19734a04dd6274f"),
                pin("xfl", Map.of(), "4bb99b001d59f4e6e51f0c6b73448ba236dfe76f39d63d031573c6cf42a98440"),
                pin("xfl", Map.of("codec", "int4"), "695520a41c4f8f9015fe3b8a41cd1f93a57b345a4cb736faa3700ea4f73c1f03"),
                pin("xfl", Map.of("codec", "octav", "bits", "3", "selection", "stochastic"),
                        "f8431748aaaae9c273062395ce18962eb0757329e0a120c7fd924a3fc1e64fc0"),
                pin("xfl", Map.of("codec", "int8", "stagger", "true"),
                        "0e03fe6923b7247a4e4348d3a3a673095a3593ad418f02a34e07dc49321d117f"),
                pin("quantfl-bu", Map.of(), "07457626070c3769dbe605baffae131d53b79ded059df221c848cdca0967357a"),
                pin("quantfl-bu", Map.of("boundaryBits", "16", "refresh", "2", "levels", "5"),
                        "e52aabd67aedbb5ce83ff66963c730e0e4ca2a49a64989c58068012b22da6cf4"),
                pin("quantfl-bq", Map.of("refresh", "3"), "b609ce29cff887b16fba584e7bd27a59750dae9ec76cabb2f6f9b989a61a348c"),
                pin("laq", Map.of(), "584a745309fabdc6a18eadd850efa1f74cb94b569f7c1ae29236f6d836fee28a"),
                pin("flq-innovation", Map.of("bits", "4"), "ed6b2d89c0d6b5e95d35ce02d04cdd7436f1a91af99248154a230d8f65206219"),
                pin("slaq", Map.of(), "bc5800fc0f191f7342e4ae48c0ae2de95d1848bec9734bf7e4de83ea7c10af2f"),
                pin("slaq", Map.of("maxSkip", "3", "alpha", "1"),
                        "584a745309fabdc6a18eadd850efa1f74cb94b569f7c1ae29236f6d836fee28a"),
                pin("qrr", Map.of(), "d91bcb253f9c30c4b5391f0e96326d2ff9e2a66edbba8aa7fead762d3edf0ba7"),
                pin("qrr", Map.of("p", "0.5", "bits", "4"), "27078595b2d218f7336f54e7dd964cc1276d6cd61528cf4650455b7a78c6abea"),
                pin("ef:topk", Map.of("fraction", "0.1"), "006306db9fd71544bf080b20b8ee36a8271165e69cf0b83a920e6812c5662e59"),
                pin("ef:sign", Map.of(), "47ed9dd51317889eb25681a055ffaa1ad0c687a016a83f7516483034ff8be845"),
                pin("ef:octav", Map.of("quantity", "update"),
                        "bb97c8cd8baf746bc8c489ce8beab596630d3a0cac4f40c7c27b0cef6120c6ab"),
                pin("ef:xfl", Map.of("codec", "int4", "quantity", "update"),
                        "b327c0fb25a1d90607eebc59ca3a72d389bde5841af19645129672348bc04e36"),
                pin("ef:quantfl-bu", Map.of("refresh", "2"),
                        "04b8945dbb8b5fa496b3ff370cba1e2eba256c8010c2ee46812debc8717ce107"));
    }

    private static Arguments pin(String name, Map<String, String> options, String sha256) {
        return Arguments.of(name, options, sha256);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void bytesAndDecodedValuesAreThePinnedOnes(String name, Map<String, String> options, String sha256) {
        assertEquals(sha256, digest(name, options));
    }

    static String digest(String name, Map<String, String> options) {
        ModelLayout layout = TestLayouts.small();
        Scheme s = Compression.uplink(name, layout, options);
        SplittableRandom data = new SplittableRandom(20_240_601);
        int[] clients = {3, 5};
        ClientEncoder[] enc = {s.newClient(3, new SplittableRandom(31)), s.newClient(5, new SplittableRandom(57))};
        ServerDecoder server = s.newServer();
        MessageDigest md = sha256();
        for (int round = 0; round < 8; round++) {
            for (int c = 0; c < clients.length; c++) {
                float[][] x = TestLayouts.gaussian(layout, data, 0.5);
                float[][] global = TestLayouts.gaussian(layout, data, round % 3 == 0 ? 5.0 : 0.01);
                EncodedUpdate m = enc[c].encode(new RoundInput(round, x, global));
                md.update(m.message());
                md.update(ints(m.layers()));
                if (m.skipped()) {
                    md.update((byte) 0x5A);
                } else {
                    DecodedUpdate d = server.decode(clients[c], round, m.message());
                    floats(md, d.values());
                    for (double e : d.layerMse()) {
                        md.update(ByteBuffer.allocate(8).putLong(Double.doubleToRawLongBits(e)).array());
                    }
                }
                Optional<float[][]> latest = server.latest(clients[c]);
                if (latest.isPresent()) {
                    floats(md, latest.get());
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void floats(MessageDigest md, float[][] values) {
        for (float[] layer : values) {
            if (layer == null) {
                md.update((byte) 0x7F);
                continue;
            }
            ByteBuffer b = ByteBuffer.allocate(4 * layer.length);
            for (float v : layer) {
                b.putInt(Float.floatToRawIntBits(v));
            }
            md.update(b.array());
        }
    }

    private static byte[] ints(int[] a) {
        ByteBuffer b = ByteBuffer.allocate(4 * a.length);
        for (int v : a) {
            b.putInt(v);
        }
        return b.array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
