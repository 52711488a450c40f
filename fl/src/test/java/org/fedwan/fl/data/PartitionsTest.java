package org.fedwan.fl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PartitionsTest {

    @Test
    void iidSharesCoverEveryIndexOnceWithSizesWithinOne() {
        int[][] shares = Partitions.iid(103, 10, 5);
        int[] all = Arrays.stream(shares).flatMapToInt(Arrays::stream).sorted().toArray();
        int[] expected = new int[103];
        Arrays.setAll(expected, i -> i);
        assertArrayEquals(expected, all);
        for (int[] s : shares) {
            assertEquals(10, s.length, 1);
        }
    }

    @Test
    void sameSeedSamePartitionOtherSeedOther() {
        assertArrayEquals(Partitions.iid(50, 5, 1)[2], Partitions.iid(50, 5, 1)[2]);
        assertFalse(Arrays.equals(Partitions.iid(50, 5, 1)[2], Partitions.iid(50, 5, 2)[2]));
        assertThrows(IllegalArgumentException.class, () -> Partitions.iid(3, 4, 1));
    }
}
