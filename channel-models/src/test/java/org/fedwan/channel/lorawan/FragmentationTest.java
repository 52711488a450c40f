package org.fedwan.channel.lorawan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fragment counts from lpwan-facts A8 and the documented header layout. */
class FragmentationTest {

    @ParameterizedTest(name = "{0} B with N = {1} -> {2} fragments ({3})")
    @CsvSource({
            // lpwan-facts A8 table, "frames" columns: SF7 uses N = 242 (EU868 DR5), SF12 uses
            // N = 51 (DR0); frames = ceil(S / (N - h)) with h = 3.
            // The table's kB is 1024 bytes: 1000-based sizes reproduce only the 1 kB SF7 cell.
            "  1024, 242,    5, 1 kB SF7",
            " 10240, 242,   43, 10 kB SF7",
            "102400, 242,  429, 100 kB SF7",
            "  1024,  51,   22, 1 kB SF12",
            " 10240,  51,  214, 10 kB SF12",
            "102400,  51, 2134, 100 kB SF12",
            // The same sizes read as 1000-based kB: only 1 kB SF7 still gives the table's value.
            "  1000, 242,    5, 1000 B SF7 = table",
            " 10000, 242,   42, 10000 B SF7: table says 43",
            "100000, 242,  419, 100000 B SF7: table says 429",
            "  1000,  51,   21, 1000 B SF12: table says 22",
            " 10000,  51,  209, 10000 B SF12: table says 214",
            "100000,  51, 2084, 100000 B SF12: table says 2134",
    })
    void factSheetFrameCounts(int messageBytes, int maxFrmPayloadBytes, int expected, String label) {
        assertEquals(expected, Fragmentation.fragmentCount(messageBytes, maxFrmPayloadBytes), label);
    }

    @Test
    void emptyMessageNeedsOneFragment() {
        assertEquals(1, Fragmentation.fragmentCount(0, 242));

        List<byte[]> fragments = Fragmentation.split(new byte[0], 242, 9);
        assertEquals(1, fragments.size());
        assertArrayEquals(new byte[] {9, (byte) 0x80, 0}, fragments.get(0));
    }

    @Test
    void exactMultipleHasNoEmptyTail() {
        assertEquals(2, Fragmentation.fragmentCount(2 * 239, 242));
        assertEquals(3, Fragmentation.fragmentCount(2 * 239 + 1, 242));
    }

    @Test
    void headerLayout() {
        byte[] message = new byte[500];
        new Random(1).nextBytes(message);

        List<byte[]> fragments = Fragmentation.split(message, 242, 0xAB);

        assertEquals(3, fragments.size());
        assertHeader(fragments.get(0), 0xAB, 0x00, 0x00);
        assertHeader(fragments.get(1), 0xAB, 0x00, 0x01);
        assertHeader(fragments.get(2), 0xAB, 0x80, 0x02);
        assertEquals(242, fragments.get(0).length);
        assertEquals(242, fragments.get(1).length);
        assertEquals(3 + 500 - 2 * 239, fragments.get(2).length);
        assertEquals(message[239], fragments.get(1)[3]);
        assertEquals(2, Fragmentation.fragmentIndex(fragments.get(2)));
        assertTrue(Fragmentation.isLast(fragments.get(2)));
        assertFalse(Fragmentation.isLast(fragments.get(1)));
        assertEquals(0xAB, Fragmentation.messageTag(fragments.get(0)));
    }

    @Test
    void highIndexUsesBothHeaderBytes() {
        // 32768 fragments of 1 data byte: the last has index 32767 = 0x7FFF plus the flag.
        byte[] message = new byte[Fragmentation.MAX_FRAGMENTS];

        List<byte[]> fragments = Fragmentation.split(message, 4, 0);

        assertEquals(32_768, fragments.size());
        assertHeader(fragments.get(300), 0, 0x01, 0x2C);
        assertHeader(fragments.get(32_767), 0, 0xFF, 0xFF);
        assertEquals(32_767, Fragmentation.fragmentIndex(fragments.get(32_767)));
    }

    @Test
    void bytesAreConserved() {
        // Sum of fragment lengths = message + 3 x count, for sizes around fragment boundaries.
        Random random = new Random(42);
        for (int n : new int[] {4, 11, 51, 115, 242}) {
            for (int size = 0; size < 3 * n; size += 7) {
                byte[] message = new byte[size];
                random.nextBytes(message);
                List<byte[]> fragments = Fragmentation.split(message, n, 1);
                int total = fragments.stream().mapToInt(f -> f.length).sum();
                assertEquals(size + 3 * fragments.size(), total, "size " + size + ", N " + n);
                assertEquals(Fragmentation.fragmentCount(size, n), fragments.size());
                assertTrue(fragments.stream().allMatch(f -> f.length <= n));
            }
        }
    }

    @Test
    void tooManyFragmentsNamesNeedAndLimit() {
        int bytes = 32_768 * 239 + 1;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fragmentation.fragmentCount(bytes, 242));

        assertTrue(e.getMessage().contains("32769"), e.getMessage());
        assertTrue(e.getMessage().contains("32768"), e.getMessage());
        assertEquals(32_768, Fragmentation.fragmentCount(bytes - 1, 242));
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Fragmentation.fragmentCount(10, 3));
        assertThrows(IllegalArgumentException.class, () -> Fragmentation.fragmentCount(-1, 242));
        assertThrows(IllegalArgumentException.class, () -> Fragmentation.split(new byte[10], 242, 256));
        assertThrows(IllegalArgumentException.class, () -> Fragmentation.split(new byte[10], 242, -1));
        assertThrows(IllegalArgumentException.class, () -> Fragmentation.messageTag(new byte[2]));
    }

    private static void assertHeader(byte[] fragment, int tag, int high, int low) {
        assertEquals((byte) tag, fragment[0]);
        assertEquals((byte) high, fragment[1]);
        assertEquals((byte) low, fragment[2]);
    }
}
