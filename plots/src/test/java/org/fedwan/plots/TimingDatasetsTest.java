package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fedwan.results.ClientsTable;
import org.fedwan.results.TransmissionsTable;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void latencyPartsAddUpToTheRoundLatency() throws IOException {
        TimingDatasets.LatencyBreakdown data =
                TimingDatasets.latencyBreakdown(RunFolder.read(RunFolderFixture.write(dir))).orElseThrow();

        assertEquals(AxisUnit.SECONDS, data.time());
        assertEquals(TimingDatasets.LATENCY_PARTS, List.of(data.stacked().getSeriesKey(0), data.stacked().getSeriesKey(1),
                data.stacked().getSeriesKey(2), data.stacked().getSeriesKey(3)));
        // Round 1 (0-100 s, aggregated at 90 s): last ok upload dev-1, compute to 20 s, airtime 2 s,
        // waiting 90 - 20 - 2, downlink 10. Round 2 (100-200 s): only dev-0 ok, compute to 110 s.
        double[][] expected = {{20, 68, 2, 10}, {10, 78, 2, 10}};
        for (int round = 0; round < 2; round++) {
            for (int part = 0; part < 4; part++) {
                assertEquals(round + 1.0, data.stacked().getXValue(part, round));
                assertEquals(expected[round][part], data.stacked().getYValue(part, round), 1e-9, "part " + part);
            }
        }
    }

    @Test
    void uploadCdfStepsThroughTheCompletedUploads() throws IOException {
        TimingDatasets.UploadCdf data = TimingDatasets.uploadCdf(RunFolder.read(RunFolderFixture.write(dir))).orElseThrow();

        XYSeries cdf = data.cdf().getSeries(0);
        // ok uploads end 60 and 80 s after round 1 starts, 70 s after round 2 starts; the dropped one is left out.
        assertEquals(List.of(60.0, 60.0, 70.0, 80.0), cdf.getItems().stream()
                .map(i -> ((org.jfree.data.xy.XYDataItem) i).getXValue()).toList());
        assertEquals(List.of(0.0, 100.0 / 3, 200.0 / 3, 100.0), cdf.getItems().stream()
                .map(i -> ((org.jfree.data.xy.XYDataItem) i).getYValue()).toList());
    }

    @Test
    void uploadCdfHasOneCurvePerProtocolWhenClientsSayWhich() throws IOException {
        Path run = RunFolderFixture.write(dir);
        RunFolderFixture.put(run, ClientsTable.TABLE.file(), RunFolderFixture.CLIENTS
                .replace("outcome\n", "outcome,protocol\n")
                .replace(",ok\n1,dev-1", ",ok,lorawan\n1,dev-1").replace("80.000000,2.000000,40.000000,2,150,ok\n",
                        "80.000000,2.000000,40.000000,2,150,ok,nbiot\n")
                .replace("170.000000,2.000000,30.000000,2,150,ok\n", "170.000000,2.000000,30.000000,2,150,ok,lorawan\n")
                .replace("dropped-sending\n", "dropped-sending,nbiot\n"));
        TimingDatasets.UploadCdf data = TimingDatasets.uploadCdf(RunFolder.read(run)).orElseThrow();
        assertEquals(2, data.cdf().getSeriesCount());
        assertEquals("Client uploads, LoRaWAN", data.cdf().getSeriesKey(0));
        assertEquals("Client uploads, NB-IoT", data.cdf().getSeriesKey(1));
        // LoRaWAN: dev-0 done 50 s (round 1) and 60 s (round 2) after the round start; NB-IoT: dev-1 80 s in round 1
        assertEquals(100.0, data.cdf().getSeries(1).getY(data.cdf().getSeries(1).getItemCount() - 1).doubleValue());
        assertEquals(3, data.cdf().getSeries(0).getItemCount());
    }

    @Test
    void dutyCycleShareIsWaitingOverUploadTime() throws IOException {
        TimingDatasets.DutyCycleShare data =
                TimingDatasets.dutyCycleShare(RunFolder.read(RunFolderFixture.write(dir))).orElseThrow();

        XYSeries share = data.share().getSeries(0);
        assertEquals(100.0 * 70 / 110, share.getY(0).doubleValue(), 1e-9);
        assertEquals(100.0 * 40 / 80, share.getY(1).doubleValue(), 1e-9);
    }

    @Test
    void timelineShowsTheFirstRoundsFramesByKind() throws IOException {
        TimingDatasets.Timeline data = TimingDatasets.timeline(RunFolder.read(RunFolderFixture.write(dir))).orElseThrow();

        assertEquals(List.of("dev-0", "dev-1"), data.devices());
        // The compute rows (0-10 s, 0-20 s) are in energy.csv, not frames: the window is the first round.
        assertEquals(0.0, data.windowStartS());
        assertEquals(100.0, data.windowEndS());
        assertEquals(TimingDatasets.FRAME_KINDS.get(0), data.frames().getSeriesKey(0));
        assertEquals(3, data.frames().getItemCount(0));
        assertEquals(1, data.frames().getItemCount(1));
        assertEquals(2, data.frames().getItemCount(2));
        // The lost frame of dev-1 (y = 1) from 70 to 71 s.
        assertEquals(70.0, data.frames().getStartXValue(1, 0));
        assertEquals(71.0, data.frames().getEndXValue(1, 0));
        assertEquals(1.0, data.frames().getYValue(1, 0));
    }

    @Test
    void timelineKindsFollowTheFramesDirectionAndOutcome() throws IOException {
        Path run = RunFolderFixture.write(dir);
        // dev-0's second uplink of round 1 ended after its message stopped being wanted: not delivered.
        RunFolderFixture.put(run, TransmissionsTable.TABLE.file(), RunFolderFixture.TRANSMISSIONS
                .replace("0.5,delivered,1,uplink,1,87", "0.5,late,1,uplink,1,87"));

        TimingDatasets.Timeline data = TimingDatasets.timeline(RunFolder.read(run)).orElseThrow();

        assertEquals(List.of(2, 2, 2), List.of(data.frames().getItemCount(0), data.frames().getItemCount(1),
                data.frames().getItemCount(2)));
        assertEquals(50.0, data.frames().getStartXValue(1, 0));

        RunFolderFixture.put(run, TransmissionsTable.TABLE.file(), RunFolderFixture.TRANSMISSIONS
                .replace("0.5,delivered,1,uplink,1,87", "0.5,received,1,uplink,1,87"));
        var e = assertThrows(IllegalArgumentException.class, () -> TimingDatasets.timeline(RunFolder.read(run)));
        assertEquals(run.resolve("transmissions.csv") + " line 4, column 'outcome': a broadcast outcome on an uplink "
                + "frame, got 'received'", e.getMessage());
    }

    @Test
    void withoutClientsCsvTheClientFiguresAreSkipped() throws IOException {
        RunFolderFixture.write(dir);
        Files.delete(dir.resolve(ClientsTable.TABLE.file()));
        RunFolder run = RunFolder.read(dir);

        assertTrue(TimingDatasets.latencyBreakdown(run).isEmpty());
        assertTrue(TimingDatasets.uploadCdf(run).isEmpty());
        assertTrue(TimingDatasets.dutyCycleShare(run).isEmpty());
        assertTrue(TimingDatasets.timeline(run).isPresent());
    }
}
