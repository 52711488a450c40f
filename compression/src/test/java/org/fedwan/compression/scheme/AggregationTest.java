package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AggregationTest {

    private static DecodedUpdate u(int client, float[][] v, double... mse) {
        return new DecodedUpdate(client, 0, v, mse);
    }

    @Test
    void inverseMseWeightsFavourTheMoreAccurateClient() {
        float[][] fallback = {{0f, 0f}, {9f}};
        DecodedUpdate a = u(0, new float[][] {{1f, 2f}, null}, 1.0, Double.NaN);
        DecodedUpdate b = u(1, new float[][] {{4f, 8f}, null}, 0.5, Double.NaN);
        // eq. 8: (1/1 * 1 + 1/0.5 * 4) / (1 + 2) = 3 ; (2 + 16) / 3 = 6
        float[][] g = Aggregation.inverseMse(fallback, List.of(a, b));
        assertArrayEquals(new float[] {3f, 6f}, g[0], 1e-6f);
        assertArrayEquals(new float[] {9f}, g[1]);
    }

    @Test
    void exactClientsShareTheLayerAndMissingMseIsAnError() {
        float[][] fallback = {{0f}};
        DecodedUpdate a = u(0, new float[][] {{1f}}, 0.0);
        DecodedUpdate b = u(1, new float[][] {{3f}}, 0.0);
        DecodedUpdate c = u(2, new float[][] {{100f}}, 0.1);
        assertArrayEquals(new float[] {2f}, Aggregation.inverseMse(fallback, List.of(a, b, c))[0]);
        DecodedUpdate none = u(3, new float[][] {{1f}}, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> Aggregation.inverseMse(fallback, List.of(none)));
    }

    @Test
    void weightedMeanUsesClientWeightsOverSendersOnly() {
        float[][] fallback = {{0f}, {5f}};
        DecodedUpdate a = u(0, new float[][] {{1f}, {1f}}, Double.NaN, Double.NaN);
        DecodedUpdate b = u(1, new float[][] {{4f}, null}, Double.NaN, Double.NaN);
        float[][] g = Aggregation.layerwise(fallback, List.of(a, b), new double[] {100, 300});
        assertArrayEquals(new float[] {3.25f}, g[0]);
        assertArrayEquals(new float[] {1f}, g[1]);
    }
}
