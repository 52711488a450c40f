package org.fedwan.channel.lorawan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round trips through {@link Fragmentation#split} and {@link Reassembler}, and malformed input. */
class ReassemblerTest {

    @Test
    void roundTripWithShuffledOrderAndDuplicates() {
        Random random = new Random(2024);
        for (int size : new int[] {0, 1, 238, 239, 240, 1_024, 10_240}) {
            byte[] message = new byte[size];
            random.nextBytes(message);
            List<byte[]> fragments = Fragmentation.split(message, 242, 77);
            List<byte[]> delivery = new ArrayList<>(fragments);
            delivery.addAll(fragments.subList(0, (fragments.size() + 1) / 2)); // duplicates
            Collections.shuffle(delivery, random);

            Reassembler reassembler = new Reassembler(77);
            int accepted = 0;
            for (byte[] frm : delivery) {
                if (reassembler.accept(frm)) {
                    accepted++;
                }
            }

            assertEquals(fragments.size(), accepted, "size " + size);
            assertTrue(reassembler.isComplete(), "size " + size);
            assertEquals(fragments.size(), reassembler.receivedCount());
            assertArrayEquals(message, reassembler.message(), "size " + size);
        }
    }

    @Test
    void roundTripAtEveryUs915CapWithFOpts() {
        Random random = new Random(7);
        byte[] message = new byte[3_000];
        random.nextBytes(message);
        for (DataRate dr : Region.US915.dataRates()) {
            int n = LorawanFrame.maxFrmPayloadBytes(dr, 2);
            List<byte[]> fragments = new ArrayList<>(Fragmentation.split(message, n, 5));
            Collections.reverse(fragments);
            Reassembler reassembler = new Reassembler(5);
            fragments.forEach(reassembler::accept);

            assertArrayEquals(message, reassembler.message(), "DR" + dr.index());
        }
    }

    @Test
    void otherTagsAreIgnored() {
        Reassembler reassembler = new Reassembler(1);

        assertFalse(reassembler.accept(Fragmentation.split(new byte[10], 242, 2).get(0)));
        assertEquals(0, reassembler.receivedCount());
    }

    @Test
    void missingListsTheGapsOnceTheLastIsSeen() {
        List<byte[]> fragments = Fragmentation.split(new byte[5 * 239], 242, 0);
        Reassembler reassembler = new Reassembler(0);
        reassembler.accept(fragments.get(0));
        reassembler.accept(fragments.get(2));

        assertFalse(reassembler.lastSeen());
        assertEquals(OptionalInt.empty(), reassembler.expectedCount());
        assertThrows(IllegalStateException.class, reassembler::missing);

        reassembler.accept(fragments.get(4));

        BitSet expected = new BitSet();
        expected.set(1);
        expected.set(3);
        assertEquals(expected, reassembler.missing());
        assertEquals(OptionalInt.of(5), reassembler.expectedCount());
        assertFalse(reassembler.isComplete());
        IllegalStateException e = assertThrows(IllegalStateException.class, reassembler::message);
        assertTrue(e.getMessage().contains("3 fragments received, 5 expected"), e.getMessage());

        reassembler.accept(fragments.get(1));
        reassembler.accept(fragments.get(3));
        assertTrue(reassembler.missing().isEmpty());
        assertTrue(reassembler.isComplete());
    }

    @Test
    void tooShortIsRejected() {
        Reassembler reassembler = new Reassembler(0);

        assertThrows(IllegalArgumentException.class, () -> reassembler.accept(new byte[] {0, 0}));
        assertThrows(NullPointerException.class, () -> reassembler.accept(null));
    }

    @Test
    void nonLastWithoutDataIsRejected() {
        Reassembler reassembler = new Reassembler(0);

        assertThrows(IllegalArgumentException.class, () -> reassembler.accept(new byte[] {0, 0, 1}));
    }

    @Test
    void emptyLastAfterIndexZeroIsRejected() {
        Reassembler reassembler = new Reassembler(0);

        assertThrows(IllegalArgumentException.class, () -> reassembler.accept(new byte[] {0, (byte) 0x80, 2}));
    }

    @Test
    void inconsistentFullFragmentSizesAreRejected() {
        Reassembler reassembler = new Reassembler(0);
        reassembler.accept(new byte[] {0, 0, 0, 10, 11, 12});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reassembler.accept(new byte[] {0, 0, 1, 10, 11}));
        assertTrue(e.getMessage().contains("fragment index 1"), e.getMessage());
        assertEquals(1, reassembler.receivedCount());
    }

    @Test
    void lastLongerThanAFullFragmentIsRejected() {
        Reassembler before = new Reassembler(0);
        before.accept(new byte[] {0, 0, 0, 10, 11});
        assertThrows(IllegalArgumentException.class, () -> before.accept(new byte[] {0, (byte) 0x80, 1, 1, 2, 3}));

        Reassembler after = new Reassembler(0);
        after.accept(new byte[] {0, (byte) 0x80, 1, 1, 2, 3});
        assertThrows(IllegalArgumentException.class, () -> after.accept(new byte[] {0, 0, 0, 10, 11}));
    }

    @Test
    void fragmentBeyondTheLastIsRejected() {
        Reassembler reassembler = new Reassembler(0);
        reassembler.accept(new byte[] {0, (byte) 0x80, 1, 9});

        assertThrows(IllegalArgumentException.class, () -> reassembler.accept(new byte[] {0, 0, 2, 9}));
        assertThrows(IllegalArgumentException.class, () -> reassembler.accept(new byte[] {0, (byte) 0x80, 3, 9}));
    }

    @Test
    void lastBelowAnAcceptedIndexIsRejected() {
        Reassembler reassembler = new Reassembler(0);
        reassembler.accept(new byte[] {0, 0, 5, 9});

        assertThrows(IllegalArgumentException.class, () -> reassembler.accept(new byte[] {0, (byte) 0x80, 3, 9}));
    }

    @Test
    void conflictingDuplicateIsRejected() {
        Reassembler reassembler = new Reassembler(0);
        reassembler.accept(new byte[] {0, 0, 0, 1, 2});

        assertFalse(reassembler.accept(new byte[] {0, 0, 0, 1, 2}));
        assertThrows(IllegalArgumentException.class, () -> reassembler.accept(new byte[] {0, 0, 0, 1, 3}));
        assertThrows(IllegalArgumentException.class, () -> reassembler.accept(new byte[] {0, (byte) 0x80, 0, 1, 2}));
    }

    @Test
    void inputIsCopied() {
        byte[] frm = {0, (byte) 0x80, 0, 42};
        Reassembler reassembler = new Reassembler(0);
        reassembler.accept(frm);
        frm[3] = 0;

        assertArrayEquals(new byte[] {42}, reassembler.message());
    }

    @Test
    void tagOutOfRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Reassembler(256));
        assertTrue(e.getMessage().contains("messageTag = 256"), e.getMessage());
    }
}
