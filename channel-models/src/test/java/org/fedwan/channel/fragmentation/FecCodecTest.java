package org.fedwan.channel.fragmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.fedwan.channel.lorawan.Fragmentation;
import org.junit.jupiter.api.Test;

/** {@link FecEncoder} and {@link FecDecoder}: round trips, every erasure pattern of small codes, a large code. */
class FecCodecTest {

    private static final int MAX_FRM = 242; // EU868 DR5, empty FOpts: 239 data bytes per fragment

    @Test
    void codedCountIsTheCeilingOfTheDecimalProduct() {
        assertEquals(388, FecLayout.codedCount(3_872, 0.1));
        assertEquals(3, FecLayout.codedCount(10, 0.3)); // 10 * 0.3 = 3.0000000000000004 in binary floating point
        assertEquals(0, FecLayout.codedCount(10, 0));
        assertEquals(1, FecLayout.codedCount(1, 0.01));
        assertThrows(IllegalArgumentException.class, () -> FecLayout.codedCount(10, -0.1));
        assertThrows(IllegalArgumentException.class, () -> FecLayout.codedCount(30_000, 1.2));
        assertThrows(IllegalArgumentException.class, () -> FecLayout.of(30_000 * 239, MAX_FRM, 0.2));
    }

    @Test
    void layoutOfTheSeed000Update() {
        FecLayout layout = FecLayout.of(231_338 * 4, MAX_FRM, 0.1);
        assertEquals(3_872, layout.uncodedFragments());
        assertEquals(388, layout.codedFragments());
        assertEquals(239, layout.blockBytes());
        assertEquals(231_338 * 4 - 3_871 * 239, layout.lastBlockBytes());
    }

    @Test
    void uncodedFragmentsAreThoseOfFragmentationAndCodedOnesCarryTheirIndex() {
        byte[] message = randomMessage(1_000, new Random(1));
        FecLayout layout = FecLayout.of(message.length, MAX_FRM, 0.5);
        List<byte[]> fragments = FecEncoder.encode(message, layout, 9);
        List<byte[]> plain = Fragmentation.split(message, MAX_FRM, 9);
        assertEquals(layout.totalFragments(), fragments.size());
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.get(i), fragments.get(i));
        }
        for (int i = plain.size(); i < fragments.size(); i++) {
            byte[] frm = fragments.get(i);
            assertEquals(i, Fragmentation.fragmentIndex(frm));
            assertEquals(9, Fragmentation.messageTag(frm));
            assertFalse(Fragmentation.isLast(frm));
            assertEquals(layout.frmPayloadBytes(i), frm.length);
            // the coded data is the XOR of the zero-padded blocks the spec's line selects
            boolean[] line = Ts004ParityTest.specLine(i - plain.size() + 1, plain.size());
            byte[] expected = new byte[layout.blockBytes()];
            for (int j = 0; j < line.length; j++) {
                if (line[j]) {
                    byte[] data = Fragmentation.data(plain.get(j));
                    for (int k = 0; k < data.length; k++) {
                        expected[k] ^= data[k];
                    }
                }
            }
            assertArrayEquals(expected, Fragmentation.data(frm), "coded fragment " + i);
        }
    }

    @Test
    void roundTripInAnyOrderWithDuplicates() {
        Random random = new Random(2026);
        for (int size : new int[] {0, 1, 238, 239, 240, 1_024, 10_240}) {
            byte[] message = randomMessage(size, random);
            FecLayout layout = FecLayout.of(size, MAX_FRM, 0.2);
            List<byte[]> delivery = new ArrayList<>(FecEncoder.encode(message, layout, 3));
            delivery.addAll(delivery.subList(0, delivery.size() / 2));
            Collections.shuffle(delivery, random);
            FecDecoder decoder = new FecDecoder(layout, 3);
            for (byte[] frm : delivery) {
                decoder.accept(frm);
            }
            assertTrue(decoder.isComplete(), "size " + size);
            assertArrayEquals(message, decoder.message(), "size " + size);
            assertArrayEquals(message, decoder.decoded().orElseThrow(), "size " + size);
        }
    }

    @Test
    void codedFragmentsFirstThenUncodedStillDecode() {
        byte[] message = randomMessage(239 * 20 + 17, new Random(5));
        FecLayout layout = FecLayout.of(message.length, MAX_FRM, 1.0);
        List<byte[]> fragments = FecEncoder.encode(message, layout, 0);
        FecDecoder decoder = new FecDecoder(layout, 0);
        for (int i = fragments.size() - 1; i >= 0; i--) {
            decoder.accept(fragments.get(i));
        }
        assertArrayEquals(message, decoder.message());
    }

    /**
     * Every erasure pattern of codes with M = 4..8 uncoded fragments and ratio 0.5: the decoder
     * succeeds, byte-exact, exactly when the lines received span GF(2)^M, which is checked here by
     * enumerating every XOR combination of them (no elimination); otherwise it reports not
     * decodable and gives no bytes out, without an exception.
     */
    @Test
    void everyErasurePatternOfSmallCodes() {
        Random random = new Random(7);
        for (int m = 4; m <= 8; m++) {
            // a message whose last block is short, so padding is exercised
            byte[] message = randomMessage(m * 5 - 2, random);
            FecLayout layout = FecLayout.of(message.length, 8, 0.5);
            assertEquals(m, layout.uncodedFragments());
            List<byte[]> fragments = FecEncoder.encode(message, layout, 1);
            int total = fragments.size();
            int[] lines = new int[total];
            for (int i = 0; i < total; i++) {
                lines[i] = i < m ? 1 << i : toMask(Ts004ParityTest.specLine(i - m + 1, m));
            }
            int decodable = 0;
            for (int pattern = 0; pattern < 1 << total; pattern++) {
                List<Integer> kept = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    if ((pattern >>> i & 1) == 1) {
                        kept.add(i);
                    }
                }
                Collections.shuffle(kept, random);
                FecDecoder decoder = new FecDecoder(layout, 1);
                for (int i : kept) {
                    decoder.accept(fragments.get(i));
                }
                boolean spans = spanSize(lines, pattern) == 1 << m;
                assertEquals(spans, decoder.isComplete(), "M " + m + " pattern " + Integer.toBinaryString(pattern));
                if (spans) {
                    decodable++;
                    assertArrayEquals(message, decoder.message());
                } else {
                    assertTrue(decoder.decoded().isEmpty());
                    assertThrows(IllegalStateException.class, decoder::message);
                    assertTrue(decoder.rank() < m);
                }
            }
            assertTrue(decodable > 0 && decodable < 1 << total);
        }
    }

    @Test
    void largeCodeDecodesFromARandomTenPercentLossQuickly() {
        Random random = new Random(4_000);
        byte[] message = randomMessage(4_000 * 239, random);
        FecLayout layout = FecLayout.of(message.length, MAX_FRM, 0.15);
        assertEquals(4_000, layout.uncodedFragments());
        List<byte[]> fragments = new ArrayList<>(FecEncoder.encode(message, layout, 200));
        Collections.shuffle(fragments, random);
        List<byte[]> received = fragments.subList(0, fragments.size() * 9 / 10);
        long start = System.nanoTime();
        FecDecoder decoder = new FecDecoder(layout, 200);
        for (byte[] frm : received) {
            decoder.accept(frm);
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(decoder.isComplete(), "rank " + decoder.rank());
        assertArrayEquals(message, decoder.message());
        assertTrue(elapsedMs < 5_000, "decoding took " + elapsedMs + " ms");
    }

    @Test
    void moreErasuresThanCodedFragmentsFailCleanly() {
        Random random = new Random(11);
        byte[] message = randomMessage(300 * 239, random);
        FecLayout layout = FecLayout.of(message.length, MAX_FRM, 0.1);
        List<byte[]> fragments = new ArrayList<>(FecEncoder.encode(message, layout, 4));
        Collections.shuffle(fragments, random);
        FecDecoder decoder = new FecDecoder(layout, 4);
        for (byte[] frm : fragments.subList(0, layout.uncodedFragments() - 1)) {
            decoder.accept(frm);
        }
        assertFalse(decoder.isComplete());
        assertTrue(decoder.deficit() >= 1);
        assertTrue(decoder.decoded().isEmpty());
    }

    @Test
    void malformedFragmentsAreRejectedAndOtherTagsIgnored() {
        byte[] message = randomMessage(1_000, new Random(3));
        FecLayout layout = FecLayout.of(message.length, MAX_FRM, 0.5);
        List<byte[]> fragments = FecEncoder.encode(message, layout, 5);
        FecDecoder decoder = new FecDecoder(layout, 5);
        assertFalse(decoder.accept(FecEncoder.encode(message, layout, 6).get(0)));
        byte[] shortened = Arrays.copyOf(fragments.get(0), 100);
        assertThrows(IllegalArgumentException.class, () -> decoder.accept(shortened));
        byte[] beyond = fragments.get(fragments.size() - 1).clone();
        beyond[2] = (byte) (beyond[2] + 1);
        assertThrows(IllegalArgumentException.class, () -> decoder.accept(beyond));
        assertEquals(0, decoder.receivedCount());
        assertEquals(0, decoder.rank());
    }

    /** The number of distinct XOR combinations of the kept lines: 2^rank. */
    private static int spanSize(int[] lines, int pattern) {
        Set<Integer> span = new HashSet<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if ((pattern >>> i & 1) == 1) {
                kept.add(lines[i]);
            }
        }
        for (int subset = 0; subset < 1 << kept.size(); subset++) {
            int sum = 0;
            for (int k = 0; k < kept.size(); k++) {
                if ((subset >>> k & 1) == 1) {
                    sum ^= kept.get(k);
                }
            }
            span.add(sum);
        }
        return span.size();
    }

    private static int toMask(boolean[] line) {
        int mask = 0;
        for (int j = 0; j < line.length; j++) {
            if (line[j]) {
                mask |= 1 << j;
            }
        }
        return mask;
    }

    private static byte[] randomMessage(int size, Random random) {
        byte[] message = new byte[size];
        random.nextBytes(message);
        return message;
    }
}
