package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TestLayouts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every scheme must have over several rounds: encoded length equals the accounted
 * bits rounded up to bytes, decoded values have the layout's shape, and a truncated, extended or
 * bit-flipped message is rejected without changing the server's state.
 */
class SchemePropertyTest {

    static Stream<Arguments> schemes() {
        List<Arguments> a = new ArrayList<>();
        for (String name : Compression.uplinkNames()) {
            a.add(Arguments.of(name, Map.of()));
        }
        a.add(Arguments.of("xfl", Map.of("codec", "int4")));
        a.add(Arguments.of("xfl", Map.of("codec", "octav", "bits", "3", "selection", "stochastic")));
        a.add(Arguments.of("xfl", Map.of("codec", "int8", "stagger", "true")));
        a.add(Arguments.of("octav", Map.of("bits", "4-2-8", "rounding", "deterministic", "weighting", "none")));
        a.add(Arguments.of("octav", Map.of("clip", "max")));
        a.add(Arguments.of("topk", Map.of("fraction", "0.2", "index", "bitmap")));
        a.add(Arguments.of("quantfl-bu", Map.of("boundaryBits", "16", "refresh", "2", "levels", "5")));
        a.add(Arguments.of("quantfl-bq", Map.of("refresh", "3")));
        a.add(Arguments.of("qrr", Map.of("p", "0.5", "bits", "4")));
        a.add(Arguments.of("slaq", Map.of("maxSkip", "3", "alpha", "1")));
        a.add(Arguments.of("ef:topk", Map.of("fraction", "0.1")));
        a.add(Arguments.of("ef:sign", Map.of()));
        a.add(Arguments.of("ef:xfl", Map.of("codec", "int4", "quantity", "update")));
        a.add(Arguments.of("ef:quantfl-bu", Map.of("refresh", "2")));
        return a.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("schemes")
    void messagesAreExactlyAccountedAndCorruptionIsRejected(String name, Map<String, String> options) {
        ModelLayout layout = TestLayouts.small();
        Scheme s = Compression.uplink(name, layout, options);
        SplittableRandom data = new SplittableRandom(name.hashCode() ^ options.hashCode());
        ClientEncoder enc = s.newClient(3, new SplittableRandom(42));
        ServerDecoder server = s.newServer();
        int sent = 0;
        for (int round = 0; round < 6; round++) {
            float[][] x = TestLayouts.gaussian(layout, data, 0.5);
            float[][] global = TestLayouts.gaussian(layout, data, 1.0);
            EncodedUpdate m = enc.encode(new RoundInput(round, x, global));
            if (m.skipped()) {
                assertEquals(0, m.message().length);
                continue;
            }
            sent++;
            assertEquals(m.bits().totalBytes(), m.message().length);
            if (s.cycleRounds() == 1 || !options.containsKey("selection")) {
                assertEquals(s.uplinkBits(round).totalBytes(), m.message().length, "round " + round);
            }
            byte[] msg = m.message();
            // corruption first: each must be rejected and leave the server state untouched
            byte[] flipped = msg.clone();
            int bit = data.nextInt(msg.length * 8);
            flipped[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            int r = round;
            assertThrows(MalformedMessageException.class, () -> server.decode(3, r, flipped), "bit " + bit);
            assertThrows(MalformedMessageException.class, () -> server.decode(3, r, Arrays.copyOf(msg, msg.length - 1)));
            assertThrows(MalformedMessageException.class, () -> server.decode(3, r, Arrays.copyOf(msg, msg.length + 1)));
            assertThrows(MalformedMessageException.class, () -> server.decode(3, r, new byte[0]));
            DecodedUpdate d = server.decode(3, round, msg);
            assertEquals(layout.layerCount(), d.values().length);
            List<Integer> carried = new ArrayList<>();
            for (int l : m.layers()) {
                carried.add(l);
            }
            for (int l = 0; l < layout.layerCount(); l++) {
                if (carried.contains(l)) {
                    assertNotNull(d.values()[l], "layer " + l);
                    assertEquals(layout.layers().get(l).parameterCount(), d.values()[l].length);
                    for (float v : d.values()[l]) {
                        assertTrue(Float.isFinite(v));
                    }
                } else {
                    assertNull(d.values()[l], "layer " + l + " was not sent");
                }
            }
        }
        assertTrue(sent > 0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("schemes")
    void sameSeedGivesTheSameBytes(String name, Map<String, String> options) {
        ModelLayout layout = TestLayouts.small();
        Scheme s = Compression.uplink(name, layout, options);
        ClientEncoder a = s.newClient(1, new SplittableRandom(5));
        ClientEncoder b = s.newClient(1, new SplittableRandom(5));
        SplittableRandom data = new SplittableRandom(9);
        for (int round = 0; round < 3; round++) {
            float[][] x = TestLayouts.gaussian(layout, data, 1);
            float[][] g = TestLayouts.gaussian(layout, data, 1);
            assertArrayEquals(a.encode(new RoundInput(round, x, g)).message(), b.encode(new RoundInput(round, x, g)).message());
        }
    }
}
