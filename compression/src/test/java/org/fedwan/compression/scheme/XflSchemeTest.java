package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.SideKind;
import org.fedwan.compression.TestLayouts;
import org.junit.jupiter.api.Test;

class XflSchemeTest {

    private final ModelLayout layout = TestLayouts.small();

    @Test
    void roundRobinFollowsEquation2AndStaggerOffsetsByClient() {
        Scheme plain = Compression.uplink("xfl", layout, Map.of());
        Scheme staggered = Compression.uplink("xfl", layout, Map.of("stagger", "true"));
        float[][] x = TestLayouts.gaussian(layout, new SplittableRandom(1), 1);
        ClientEncoder a = plain.newClient(1, null);
        ClientEncoder b = staggered.newClient(1, null);
        for (int r = 0; r < 7; r++) {
            assertArrayEquals(new int[] {r % 3}, a.encode(RoundInput.of(r, x)).layers());
            assertArrayEquals(new int[] {(r + 1) % 3}, b.encode(RoundInput.of(r, x)).layers());
        }
    }

    @Test
    void stochasticSelectionReachesEveryLayer() {
        Scheme s = Compression.uplink("xfl", layout, Map.of("selection", "stochastic"));
        ClientEncoder c = s.newClient(0, new SplittableRandom(8));
        float[][] x = TestLayouts.gaussian(layout, new SplittableRandom(1), 1);
        Set<Integer> seen = new HashSet<>();
        for (int r = 0; r < 60; r++) {
            seen.add(c.encode(RoundInput.of(r, x)).layers()[0]);
        }
        assertEquals(Set.of(0, 1, 2), seen);
    }

    @Test
    void headerIsTheLayerIndexAndTheLayerTravelsAlone() {
        Scheme s = Compression.uplink("xfl", layout, Map.of("codec", "int8"));
        MessageBits b = s.uplinkBits(1);
        assertEquals(2, b.message().sideBits(SideKind.HEADER)); // ceil(log2 3)
        assertEquals(32, b.message().sideBits(SideKind.CHECK));
        assertEquals(1, b.layers().size());
        assertEquals(8L * layout.layers().get(1).parameterCount(), b.total().payloadBits());
        assertEquals(64 + 2 + 32, b.total().sideBits());
    }

    @Test
    void serverDecodesEachClientsLayerAndOnlyThatLayer() {
        Scheme s = Compression.uplink("xfl", layout, Map.of("stagger", "true"));
        ServerDecoder server = s.newServer();
        float[][] a = TestLayouts.gaussian(layout, new SplittableRandom(3), 1);
        float[][] b = TestLayouts.gaussian(layout, new SplittableRandom(4), 1);
        float[][] c = TestLayouts.gaussian(layout, new SplittableRandom(5), 1);
        // round 0: clients 0 and 3 send layer 0, client 1 sends layer 1, nobody sends layer 2
        DecodedUpdate da = server.decode(0, 0, s.newClient(0, null).encode(RoundInput.of(0, a)).message());
        DecodedUpdate db = server.decode(1, 0, s.newClient(1, null).encode(RoundInput.of(0, b)).message());
        DecodedUpdate dc = server.decode(3, 0, s.newClient(3, null).encode(RoundInput.of(0, c)).message());
        assertArrayEquals(a[0], da.values()[0]);
        assertArrayEquals(b[1], db.values()[1]);
        assertArrayEquals(c[0], dc.values()[0]);
        for (DecodedUpdate d : List.of(da, db, dc)) {
            int sent = 0;
            for (int l = 0; l < layout.layerCount(); l++) {
                sent += d.has(l) ? 1 : 0;
            }
            assertEquals(1, sent, "one layer per message");
            assertTrue(!d.has(2), "nobody sends layer 2 in round 0");
        }
        assertEquals(AveragingRule.MEAN, s.averagingRule(), "per-layer mean over the senders (seed 000 eq. 1)");
    }
}
