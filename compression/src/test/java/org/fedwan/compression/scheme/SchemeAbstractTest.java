package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TestLayouts;
import org.junit.jupiter.api.Test;

/**
 * The frame {@link SchemeAbstract} gives every scheme: values checked against the layout before a
 * scheme sees them, and on the server a message that passes its CRC-32 but fails any later check
 * (a field, its length, its padding) changes no state. The messages here are forged: changed,
 * then given a matching CRC-32 again, as only a deliberate sender could.
 */
class SchemeAbstractTest {

    private final ModelLayout layout = TestLayouts.small();

    /** The message with its first 4 bytes set to the CRC-32 of the rest, as {@code Integrity} writes it. */
    private static byte[] reseal(byte[] message) {
        CRC32 c = new CRC32();
        c.update(message, 4, message.length - 4);
        int crc = (int) c.getValue();
        byte[] m = message.clone();
        m[0] = (byte) (crc >>> 24);
        m[1] = (byte) (crc >>> 16);
        m[2] = (byte) (crc >>> 8);
        m[3] = (byte) crc;
        return m;
    }

    private float[][] values(int seed) {
        return TestLayouts.gaussian(layout, new SplittableRandom(seed), 1);
    }

    @Test
    void anInvalidFieldBehindAValidCrcLeavesTheInnovationStateUntouched() {
        for (String name : new String[] {"laq", "qrr"}) {
            Scheme s = Compression.uplink(name, layout, Map.of());
            ServerDecoder server = s.newServer();
            byte[] valid = s.newClient(2, null).encode(RoundInput.of(0, values(1))).message();
            byte[] nanRadius = valid.clone();
            nanRadius[4] = (byte) 0x7F; // the first radius, right after the CRC, becomes a NaN
            nanRadius[5] = (byte) 0xC0;
            MalformedMessageException e = assertThrows(MalformedMessageException.class,
                    () -> server.decode(2, 0, reseal(nanRadius)));
            assertTrue(e.getMessage().contains("radius"), e.getMessage());
            assertTrue(server.latest(2).isEmpty(), name + ": a rejected message must not create the client's state");
            DecodedUpdate d = server.decode(2, 0, valid);
            assertArrayEquals(d.values()[1], server.latest(2).orElseThrow()[1]);
        }
    }

    @Test
    void nonZeroPaddingIsRejectedBeforeACodebookIsKept() {
        Scheme s = Compression.uplink("quantfl-bu", layout, Map.of("levels", "5", "refresh", "4"));
        MessageBits refresh = s.uplinkBits(0);
        assertNotEquals(0, refresh.totalBits() % 8, "the test needs padding bits");
        ClientEncoder client = s.newClient(1, null);
        byte[] first = client.encode(RoundInput.of(0, values(2))).message();
        byte[] second = client.encode(RoundInput.of(1, values(3))).message();
        byte[] padded = first.clone();
        padded[padded.length - 1] |= 1;
        ServerDecoder server = s.newServer();
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> server.decode(1, 0, reseal(padded)));
        assertEquals("padding bits of the last byte are not zero", e.getMessage());
        MalformedMessageException none = assertThrows(MalformedMessageException.class, () -> server.decode(1, 1, second));
        assertTrue(none.getMessage().contains("has no codebook"), none.getMessage());
        server.decode(1, 0, first);
        server.decode(1, 1, second);
    }

    @Test
    void aLengthThatDisagreesWithTheHeaderIsNamed() {
        Scheme xfl = Compression.uplink("xfl", layout, Map.of("codec", "int8"));
        byte[] m = xfl.newClient(0, null).encode(RoundInput.of(1, values(4))).message();
        byte[] longer = reseal(Arrays.copyOf(m, m.length + 1));
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> xfl.newServer().decode(0, 1, longer));
        assertEquals("xfl message for layer 1 must be " + m.length + " bytes, got " + (m.length + 1), e.getMessage());
        Scheme int8 = Compression.uplink("int8", layout, Map.of());
        byte[] n = int8.newClient(0, null).encode(RoundInput.of(0, values(5))).message();
        byte[] shorter = reseal(Arrays.copyOf(n, n.length - 1));
        MalformedMessageException t = assertThrows(MalformedMessageException.class, () -> int8.newServer().decode(0, 0, shorter));
        assertEquals("int8 message must be " + n.length + " bytes, got " + (n.length - 1) + " (truncated)", t.getMessage());
    }

    @Test
    void valuesThatDoNotFitTheLayoutNeverReachTheScheme() {
        for (String name : Compression.uplinkNames()) {
            ClientEncoder c = Compression.uplink(name, layout, Map.of()).newClient(0, new SplittableRandom(1));
            float[][] wrong = values(6);
            wrong[2] = new float[wrong[2].length + 1];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.encode(RoundInput.of(0, wrong)));
            assertEquals("layer 'odd' needs 13 values, got 14", e.getMessage(), name);
        }
    }
}
