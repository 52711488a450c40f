package org.fedwan.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.fedwan.plots.FigureOptions;
import org.fedwan.plots.Report;
import org.fedwan.plots.RunFigures;
import org.fedwan.scenarios.run.ScenarioRunner;
import org.fedwan.sim.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's bound: a 100-device run's {@code report.html} plus figures stay under 5 MB (a
 * 100-device NB-IoT round once wrote a 77 MB report and a 67 MB SVG). The run is network-only
 * ({@code training: none}), so it needs no data set and takes seconds. Then {@code fedwan plot
 * --no-title --width double} on the same folder.
 */
class BoundedFiguresTest {

    private static final long MAX_REPORT_AND_FIGURES_BYTES = 5_000_000;

    @TempDir
    Path dir;

    @Test
    void aHundredDeviceRunsReportAndFiguresStayUnder5MbAndPlotRedrawsWithoutTitlesAtDoubleWidth() throws Exception {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", "nbiot-100");
        v.put("seed", 3L);
        v.put("rounds", 1L);
        v.put("clients", 100L);
        v.put("training", "none");
        v.put("update_parameters", 12_500L);
        v.put("uplink_codec", "int8");
        v.put("protocol", "nbiot");
        v.put("data_dir", dir.resolve("no-data").toString());
        Path run = dir.resolve("run");
        ScenarioRunner.run(Scenarios.build(v, dir), run, 1, FigureOptions.DEFAULT, null, false);

        long bytes = Files.size(run.resolve(Report.REPORT_FILE)) + size(run.resolve(RunFigures.FIGURES_DIR));
        assertTrue(bytes < MAX_REPORT_AND_FIGURES_BYTES, "report.html and figures/ of 100 devices: " + bytes + " bytes");

        AirtimeCommandTest.Result plot = AirtimeCommandTest.run("plot", run.toString(), "--only", "energy-over-time",
                "--format", "svg", "--width", "double", "--no-title");
        assertEquals(0, plot.exitCode(), plot.err());
        String wide = Files.readString(run.resolve("figures/energy-over-time-double.svg"), StandardCharsets.UTF_8);
        String single = Files.readString(run.resolve("figures/energy-over-time.svg"), StandardCharsets.UTF_8);
        assertTrue(single.contains(">Cumulative energy</text>"), "the single-width figure is left as it was");
        assertFalse(wide.contains(">Cumulative energy</text>"), "--no-title");
        assertTrue(wide.contains(">median of 100 devices</text>"), "100 devices are drawn as bands");
        assertFalse(Files.readString(run.resolve(Report.REPORT_FILE)).contains(">Cumulative energy</text>"),
                "the report's figures have no title either");
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
