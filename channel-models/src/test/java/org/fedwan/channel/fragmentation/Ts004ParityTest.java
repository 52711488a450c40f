package org.fedwan.channel.fragmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** TS004's generator against hand computation, an outside implementation, and a plain transcription. */
class Ts004ParityTest {

    @Test
    void prbs23MatchesAnOutsideImplementation() {
        // flash-algo (Rust), fragmentation_prbs23 doc test: four steps from 1001
        int x = 1001;
        int[] expected = {0x0000_01F4, 0x0040_00FA, 0x0060_007D, 0x0030_003E};
        for (int e : expected) {
            x = Ts004Parity.prbs23(x);
            assertEquals(e, x);
        }
    }

    @Test
    void lineOneOfFourByHand() {
        // M = 4 is a power of two: modulus 5, M/2 = 2 coefficients; x = 1 + 1001 = 1002 = 0b11_1110_1010.
        // step 1: bit0 = 0, bit5 = 1 -> x = 501 + 2^22 = 4194805; 4194805 mod 5 = 0 -> bit 0.
        // step 2: bit0 = 1, bit5 = 1 (4194805 - 2^22 = 501 = 0b1_1111_0101) -> x = 2097402; mod 5 = 2 -> bit 2.
        assertArrayEquals(new long[] {0b0101L}, Ts004Parity.matrixLine(1, 4));
    }

    @Test
    void lineThreeOfSixteenMatchesAnOutsideImplementation() {
        // flash-algo (Rust), get_parity_matrix_row doc test, C-compatible variant (a bit drawn twice stays one bit):
        // the third parity fragment of M = 16 is D1 ^ D2 ^ D3 ^ D9 ^ D11 ^ D13 ^ D14 (1-based).
        long expected = 0;
        for (int d : new int[] {1, 2, 3, 9, 11, 13, 14}) {
            expected |= 1L << (d - 1);
        }
        assertArrayEquals(new long[] {expected}, Ts004Parity.matrixLine(3, 16));
    }

    @Test
    void bitPackingEqualsAPlainTranscriptionOfTheSpecification() {
        for (int m : new int[] {1, 2, 3, 4, 5, 7, 8, 63, 64, 65, 100, 128, 129, 1000, 3872, 4096}) {
            for (int n = 1; n <= 40; n++) {
                boolean[] plain = specLine(n, m);
                long[] packed = Ts004Parity.matrixLine(n, m);
                assertEquals(Ts004Parity.words(m), packed.length);
                for (int j = 0; j < m; j++) {
                    assertEquals(plain[j], (packed[j >>> 6] >>> j & 1) == 1, "n " + n + " M " + m + " bit " + j);
                }
                for (int j = m; j < packed.length * 64; j++) {
                    assertEquals(0, packed[j >>> 6] >>> j & 1, "no bit beyond M");
                }
            }
        }
    }

    @Test
    void oneFragmentMessagesHaveEmptyLinesAndBadArgumentsAreRefused() {
        assertArrayEquals(new long[] {0L}, Ts004Parity.matrixLine(1, 1));
        assertThrows(IllegalArgumentException.class, () -> Ts004Parity.matrixLine(0, 4));
        assertThrows(IllegalArgumentException.class, () -> Ts004Parity.matrixLine(1, 0));
    }

    /** The appendix's pseudo-code, line by line, with a boolean array. */
    static boolean[] specLine(int n, int m) {
        boolean[] line = new boolean[m];
        int mm = (m & (m - 1)) == 0 ? 1 : 0;
        int x = 1 + 1001 * n;
        int nbCoeff = 0;
        while (nbCoeff < m / 2) {
            int r = 1 << 16;
            while (r >= m) {
                int b0 = x & 1;
                int b1 = (x & 0x20) >> 5;
                x = (x >> 1) + ((b0 ^ b1) << 22);
                r = x % (m + mm);
            }
            line[r] = true;
            nbCoeff++;
        }
        return line;
    }
}
