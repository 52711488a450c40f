package org.fedwan.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkConfig;
import org.junit.jupiter.api.Test;

/** The benchmark's plumbing on a tiny workload; never its timings. */
class LorawanNetworkBenchmarkTest {

    @Test
    void printsOneRowPerSetUpAndTheRatios() {
        List<LorawanNetworkBenchmark.Measurement> m = LorawanNetworkBenchmark.run(new int[] {20, 40}, 0.5, 3,
                LorawanNetworkConfig.of(30, 500, 600, 20, 0.5, 1, 1L));
        assertEquals(4, m.size());
        assertEquals(20 * 3, m.get(0).median().packetsOffered()); // 30 min / 10 min per device
        assertEquals(3, m.get(0).wallS().length);
        assertEquals(40, m.get(2).median().devices()); // the largest count again, cumulative
        assertEquals(30, m.get(3).median().devices());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LorawanNetworkBenchmark.print(m, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(8, table.lines().count(), table);
        assertTrue(table.contains("| default, cumulative | 40 |") && table.contains("| ns-3 complete-network | 30 |"), table);
        assertTrue(table.contains("cumulative / pairwise wall time at 40 devices") && table.contains("51.9 s"), table);
    }
}
