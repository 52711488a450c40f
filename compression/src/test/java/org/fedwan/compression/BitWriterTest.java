package org.fedwan.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BitWriterTest {

    @Test
    void subByteValuesPackMostSignificantFirst() {
        BitWriter w = new BitWriter(12);
        w.writeBits(0b1010, 4);
        w.writeBits(0xF0, 8);
        byte[] b = w.toByteArray();
        assertEquals(2, b.length);
        assertEquals((byte) 0xAF, b[0]);
        assertEquals((byte) 0x00, b[1]);
        BitReader r = new BitReader(b);
        assertEquals(0b1010, r.readBits(4));
        assertEquals(0xF0, r.readBits(8));
        assertEquals(4, r.remainingBits());
    }

    @Test
    void unalignedIntsRoundTrip() {
        BitWriter w = new BitWriter(3 + 32 + 32);
        w.writeBits(5, 3);
        w.writeInt(0xDEADBEEF);
        w.writeFloat(-1.5f);
        BitReader r = new BitReader(w.toByteArray());
        assertEquals(5, r.readBits(3));
        assertEquals(0xDEADBEEF, r.readInt());
        assertEquals(-1.5f, r.readFloat());
    }

    @Test
    void randomWidthsAtRandomOffsetsRoundTrip() {
        SplittableRandom rnd = new SplittableRandom(11);
        int count = 5000;
        int[] widths = new int[count];
        int[] values = new int[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            widths[i] = 1 + rnd.nextInt(32);
            values[i] = rnd.nextInt() & (int) (0xFFFF_FFFFL >>> (32 - widths[i]));
            total += widths[i];
        }
        BitWriter w = new BitWriter(total);
        for (int i = 0; i < count; i++) {
            w.writeBits(values[i], widths[i]);
        }
        BitReader r = new BitReader(w.toByteArray());
        for (int i = 0; i < count; i++) {
            assertEquals(values[i], r.readBits(widths[i]), "value " + i + " of width " + widths[i]);
        }
        r.expectEnd();
    }

    @Test
    void alignedBulkAccessIsRefusedWhenUnaligned() {
        BitWriter w = new BitWriter(16);
        w.writeBits(1, 1);
        assertThrows(IllegalStateException.class, () -> w.reserveAlignedBytes(1));
        BitReader r = new BitReader(new byte[2]);
        r.readBits(3);
        assertThrows(IllegalStateException.class, () -> r.consumeAlignedBytes(1));
    }

    @Test
    void overflowAndUnderflowAreCaught() {
        BitWriter w = new BitWriter(8);
        w.writeByte(1);
        assertThrows(IllegalStateException.class, () -> w.writeBits(1, 1));
        BitWriter partial = new BitWriter(16);
        partial.writeByte(1);
        assertThrows(IllegalStateException.class, partial::toByteArray);
        BitReader r = new BitReader(new byte[1]);
        assertThrows(MalformedMessageException.class, r::readInt);
        BitReader padded = new BitReader(new byte[] {0x01});
        padded.readBits(4);
        assertThrows(MalformedMessageException.class, padded::expectEnd);
    }
}
