package org.fedwan.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void overflowAndUnderflowAreCaught() {
        BitWriter w = new BitWriter(8);
        w.writeByte(1);
        assertThrows(IllegalStateException.class, () -> w.writeBits(1, 1));
        BitWriter partial = new BitWriter(16);
        partial.writeByte(1);
        assertThrows(IllegalStateException.class, partial::toByteArray);
        BitReader r = new BitReader(new byte[1]);
        assertThrows(MalformedMessageException.class, r::readInt);
    }
}
