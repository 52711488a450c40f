package org.fedwan.fl.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class FedAvgTest {

    @Test
    void weightsBySampleCount() {
        float[][] prev = {{0f, 0f}, {0f}};
        var a = new FedAvg.Contribution(new float[][] {{1f, 2f}, {3f}}, 100);
        var b = new FedAvg.Contribution(new float[][] {{4f, 8f}, {0f}}, 300);
        float[][] g = FedAvg.aggregate(prev, List.of(a, b));
        // (100*1 + 300*4)/400 = 3.25 ; (100*2 + 300*8)/400 = 6.5 ; (100*3)/400 = 0.75
        assertArrayEquals(new float[] {3.25f, 6.5f}, g[0]);
        assertArrayEquals(new float[] {0.75f}, g[1]);
    }

    @Test
    void noContributionKeepsTheModel() {
        float[][] prev = {{1f}};
        assertSame(prev, FedAvg.aggregate(prev, List.of()));
    }
}
