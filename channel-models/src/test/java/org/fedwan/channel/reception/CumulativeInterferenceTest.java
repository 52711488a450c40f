package org.fedwan.channel.reception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The ns-3 cumulative interference rule against ns-3 lorawan's own table
 * ({@code LoraInterferenceHelper::collisionSnirGoursaud}, Goursaud and Gorce 2015) and
 * hand-worked energy ratios.
 */
class CumulativeInterferenceTest {

    @Test
    void isolationMatrixIsNs3Goursaud() {
        // ns-3 model/lora-interference-helper.cc, rows = signal SF7..SF12, columns = interferer SF.
        double[][] ns3 = {
            {6, -16, -18, -19, -19, -20},
            {-24, 6, -20, -22, -22, -22},
            {-27, -27, 6, -23, -25, -25},
            {-30, -30, -30, 6, -26, -28},
            {-33, -33, -33, -33, 6, -29},
            {-36, -36, -36, -36, -36, 6},
        };
        for (int s = 7; s <= 12; s++) {
            for (int i = 7; i <= 12; i++) {
                assertEquals(ns3[s - 7][i - 7], CumulativeInterference.isolationDb(s, i), 0.0, "SF" + s + " vs SF" + i);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> CumulativeInterference.isolationDb(6, 7));
    }

    @Test
    void overlapIsTheCommonInterval() {
        assertEquals(0, CumulativeInterference.overlapUs(0, 10, 10, 20));
        assertEquals(5, CumulativeInterference.overlapUs(0, 10, 5, 20));
        assertEquals(3, CumulativeInterference.overlapUs(0, 10, 4, 7));
        assertEquals(10, CumulativeInterference.overlapUs(2, 12, 0, 20));
    }

    @Test
    void sameSfNeedsSixDbOfEnergy() {
        long t = 1_000;
        double[] e = new double[6];
        // equal power, full overlap: SIR 0 dB < 6 dB -> destroyed by SF7
        e[0] = CumulativeInterference.milliwatts(-100) * t;
        assertEquals(7, CumulativeInterference.destroyedBy(7, CumulativeInterference.milliwatts(-100), t, e, 0));
        // 6.1 dB stronger over the whole frame survives, 5.9 dB does not
        assertEquals(0, CumulativeInterference.destroyedBy(7, CumulativeInterference.milliwatts(-93.9), t, e, 0));
        assertEquals(7, CumulativeInterference.destroyedBy(7, CumulativeInterference.milliwatts(-94.1), t, e, 0));
        // equal power but the interferer overlaps a quarter of the frame: SIR = 10 log10(4) = 6.02 dB -> survives
        e[0] = CumulativeInterference.milliwatts(-100) * (t / 4);
        assertEquals(0, CumulativeInterference.destroyedBy(7, CumulativeInterference.milliwatts(-100), t, e, 0));
    }

    @Test
    void energiesOfSeveralInterferersAdd() {
        long t = 1_000;
        double signal = CumulativeInterference.milliwatts(-100);
        double[] e = new double[6];
        // two same-SF interferers each 7 dB weaker over the whole frame: each alone passes (7 >= 6),
        // together 7 - 3.01 = 3.99 dB < 6 -> destroyed
        double weak = CumulativeInterference.milliwatts(-107) * t;
        e[0] = weak;
        assertEquals(0, CumulativeInterference.destroyedBy(7, signal, t, e, 0));
        e[0] = 2 * weak;
        assertEquals(7, CumulativeInterference.destroyedBy(7, signal, t, e, 0));
    }

    @Test
    void otherSfsInterfereBeyondTheirIsolation() {
        long t = 1_000;
        double signal = CumulativeInterference.milliwatts(-120);
        double[] e = new double[12];
        // SF9 signal, SF7 interferer 26 dB stronger over the whole frame: -26 < -27? no: SIR -26 >= -27 survives
        e[6] = CumulativeInterference.milliwatts(-94) * t;
        assertEquals(0, CumulativeInterference.destroyedBy(9, signal, t, e, 6));
        // 28 dB stronger: SIR -28 < -27 -> destroyed by SF7
        e[6] = CumulativeInterference.milliwatts(-92) * t;
        assertEquals(7, CumulativeInterference.destroyedBy(9, signal, t, e, 6));
    }
}
