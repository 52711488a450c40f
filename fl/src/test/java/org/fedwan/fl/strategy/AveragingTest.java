package org.fedwan.fl.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The averaging kernels on small hand-worked cases (seed 000 eq. 1, seed 002 eq. 8, FedAvg). */
class AveragingTest {

    private static ClientResult r(int client, long samples, float[][] v, double... mse) {
        return new ClientResult(client, v, samples, mse.length == 0 ? null : mse);
    }

    @Test
    void sampleWeightedMeanIsFedAvgOverTheSendersOfEachLayer() {
        float[][] fallback = {{0f}, {5f}};
        ClientResult a = r(0, 100, new float[][] {{1f}, {1f}});
        ClientResult b = r(1, 300, new float[][] {{4f}, null});
        float[][] g = Averaging.sampleWeightedMean(fallback, List.of(a, b));
        // layer 0: (100 x 1 + 300 x 4) / 400 = 3.25 ; layer 1: only client 0 sent it -> 1
        assertArrayEquals(new float[] {3.25f}, g[0]);
        assertArrayEquals(new float[] {1f}, g[1]);
        assertArrayEquals(g[0], Averaging.weightedMean(fallback, List.of(a, b), new double[] {100, 300})[0]);
    }

    @Test
    void plainMeanAveragesEachLayerOverItsSendersAndCopiesTheRest() {
        // seed 000 eq. 1: layer 0 from clients 0 and 1, layer 1 from nobody
        float[][] fallback = {{1f, 1f}, {10f}};
        List<ClientResult> results = List.of(
                r(0, 10, new float[][] {{2f, 4f}, null}),
                r(1, 990, new float[][] {{6f, 0f}, null}));
        float[][] g = Averaging.mean(fallback, results);
        assertArrayEquals(new float[] {4f, 2f}, g[0]);
        assertArrayEquals(new float[] {10f}, g[1]);
        assertNotSame(fallback[1], g[1]);
        // sample weighting over the same two: (10 x 2 + 990 x 6) / 1000 = 5.96
        assertEquals(5.96f, Averaging.sampleWeightedMean(fallback, results)[0][0], 1e-6f);
    }

    @Test
    void zeroTotalWeightFallsBackAndBadWeightsAreRejected() {
        float[][] fallback = {{7f}};
        assertArrayEquals(new float[] {7f}, Averaging.sampleWeightedMean(fallback, List.of(r(0, 0, new float[][] {{1f}})))[0]);
        assertThrows(IllegalArgumentException.class,
                () -> Averaging.sampleWeightedMean(fallback, List.of(r(0, -1, new float[][] {{1f}}))));
        assertThrows(IllegalArgumentException.class,
                () -> Averaging.weightedMean(fallback, List.of(r(0, 1, new float[][] {{1f}})), new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> Averaging.weightedMean(fallback, List.of(r(0, 1, new float[][] {{1f}})), new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> Averaging.sampleWeightedMean(fallback, List.of(r(0, 1, new float[][] {{1f, 2f}}))));
    }

    @Test
    void inverseMseWeightsFavourTheMoreAccurateClient() {
        float[][] fallback = {{0f, 0f}, {9f}};
        ClientResult a = r(0, 1, new float[][] {{1f, 2f}, null}, 1.0, Double.NaN);
        ClientResult b = r(1, 1000, new float[][] {{4f, 8f}, null}, 0.5, Double.NaN);
        // eq. 8: (1/1 x 1 + 1/0.5 x 4) / (1 + 2) = 3 ; (2 + 16) / 3 = 6 ; samples play no part
        float[][] g = Averaging.inverseMse(fallback, List.of(a, b));
        assertArrayEquals(new float[] {3f, 6f}, g[0], 1e-6f);
        assertArrayEquals(new float[] {9f}, g[1]);
    }

    @Test
    void exactClientsShareTheLayerAndMissingMseIsAnError() {
        float[][] fallback = {{0f}};
        ClientResult a = r(0, 1, new float[][] {{1f}}, 0.0);
        ClientResult b = r(1, 1, new float[][] {{3f}}, 0.0);
        ClientResult c = r(2, 1, new float[][] {{100f}}, 0.1);
        // the limit of eq. 8 as the errors of a and b go to 0: their plain mean, c ignored
        assertArrayEquals(new float[] {2f}, Averaging.inverseMse(fallback, List.of(a, b, c))[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Averaging.inverseMse(fallback, List.of(r(3, 1, new float[][] {{1f}}))));
        assertTrue(e.getMessage().contains("client 3 reported no MSE for layer 0"), e.getMessage());
    }

    @Test
    void buffersAverageBySampleShare() {
        float[] previous = {0f, 1f};
        // (1 x {1, 2} + 3 x {3, 6}) / 4 = {2.5, 5}
        assertArrayEquals(new float[] {2.5f, 5f}, Averaging.averageBuffers(previous,
                List.of(new float[] {1f, 2f}, new float[] {3f, 6f}), List.of(1L, 3L)));
        assertSame(previous, Averaging.averageBuffers(previous, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Averaging.averageBuffers(previous, List.of(new float[] {1f, 2f}), List.of(0L)));
        assertThrows(IllegalArgumentException.class,
                () -> Averaging.averageBuffers(previous, List.of(new float[] {1f}), List.of(1L)));
        assertThrows(IllegalArgumentException.class,
                () -> Averaging.averageBuffers(previous, List.of(new float[] {1f, 2f}), List.of()));
    }

    @Test
    void resultsAndFailuresAreValidated() {
        ClientResult noMse = ClientResult.of(4, new float[][] {{1f}, null}, 3);
        assertTrue(Double.isNaN(noMse.layerMse()[0]) && Double.isNaN(noMse.layerMse()[1]));
        assertTrue(noMse.has(0));
        assertEquals(false, noMse.has(1));
        assertThrows(IllegalArgumentException.class, () -> new ClientResult(0, new float[][] {{1f}}, 1, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new ClientResult(0, null, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new Failure(0, " "));
        assertThrows(IllegalArgumentException.class, () -> new ClientConfig(-0.1));
    }
}
