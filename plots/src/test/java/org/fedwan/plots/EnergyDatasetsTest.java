package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void statesStackUpToTheDeviceTotalsOfDevicesCsv() throws IOException {
        RunFolder run = RunFolder.read(RunFolderFixture.write(dir));

        EnergyDatasets.EnergyByState data = EnergyDatasets.energyByState(run).orElseThrow();

        assertEquals(AxisUnit.SECONDS, data.time());
        assertEquals(EnergyDatasets.STATES, keys(data.stacked()));
        // Stacked tops at the end: TX 2.0 + 1.5; + RX 1.0 + 0.8; + MCU 4.0 + 3.0; + standby and sleep 0.4 + 0.2.
        double[] tops = {3.5, 5.3, 12.3, 12.9};
        for (int s = 0; s < tops.length; s++) {
            XYSeries series = data.stacked().getSeries(s);
            assertEquals(0.0, series.getY(0).doubleValue(), 1e-12);
            assertEquals(200.0, series.getMaxX(), 1e-12);
            assertEquals(tops[s], series.getY(series.getItemCount() - 1).doubleValue(), 1e-9);
        }
        // TX follows the uplink frames: at t = 100 s dev-0 sent 2 of its 4 equal frames (half of its 2.0 J),
        // dev-1 2 of its 3 (2/3 of its 1.5 J).
        XYSeries tx = data.stacked().getSeries(0);
        assertEquals(100.0, tx.getX(100).doubleValue(), 1e-9);
        assertEquals(2.0 / 2 + 1.5 * 2 / 3, tx.getY(100).doubleValue(), 1e-9);
        // Compute: dev-0 computes 0-10 s and 100-110 s (4.0 J over 20 s), dev-1 0-20 s and 100-130 s (3.0 J over 50 s);
        // at 10 s: 2.0 + 3.0 * 10 / 50.
        double computeAt10 = data.stacked().getSeries(2).getY(data.stacked().getSeries(2).indexOf(10.0)).doubleValue()
                - data.stacked().getSeries(1).getY(data.stacked().getSeries(1).indexOf(10.0)).doubleValue();
        assertEquals(2.0 + 0.6, computeAt10, 1e-9);
    }

    @Test
    void batteryLevelFallsFromFullToTheCapacityLeftPerDevice() throws IOException {
        RunFolder run = RunFolder.read(RunFolderFixture.write(dir, 20.0));

        EnergyDatasets.DeviceBand data = EnergyDatasets.batteryLevel(run).orElseThrow();

        assertEquals("%", data.unit());
        assertEquals("Battery level", data.quantity());
        assertEquals(2, data.devices());
        YIntervalSeries band = (YIntervalSeries) data.band().getSeries(0);
        assertEquals(EnergyDatasets.ALL_DEVICES, band.getKey());
        assertEquals(100.0, band.getYValue(0), 1e-12);
        int last = band.getItemCount() - 1;
        // dev-0 drew 7.4 J of 20 (63 % left), dev-1 5.5 J (72.5 % left).
        assertEquals((63.0 + 72.5) / 2, band.getYValue(last), 1e-9);
        assertEquals(63.0, band.getYLowValue(last), 1e-9);
        assertEquals(72.5, band.getYHighValue(last), 1e-9);
    }

    @Test
    void unlimitedBatteryDrawsTheEnergyDrawnInstead() throws IOException {
        RunFolder run = RunFolder.read(RunFolderFixture.write(dir, 0.0));

        EnergyDatasets.DeviceBand data = EnergyDatasets.batteryLevel(run).orElseThrow();
        JFreeChart chart = Figures.run().stream().filter(f -> f.name().equals("battery-level")).findFirst()
                .orElseThrow().chart().apply(run).orElseThrow();

        assertEquals("J", data.unit());
        assertEquals("Energy drawn", data.quantity());
        YIntervalSeries band = (YIntervalSeries) data.band().getSeries(0);
        assertEquals(7.4, band.getYHighValue(band.getItemCount() - 1), 1e-9);
        assertEquals("Energy drawn per device (unlimited battery)", chart.getTitle().getText());
        assertEquals("Energy drawn (J)", chart.getXYPlot().getRangeAxis().getLabel());
    }

    @Test
    void aProtocolColumnSplitsTheDevicesIntoBands() throws IOException {
        RunFolderFixture.write(dir);
        RunFolderFixture.put(dir, RunFolder.DEVICES_FILE, RunFolderFixture.DEVICES
                .replace("battery_depleted_s\n", "battery_depleted_s,protocol\n")
                .replace("0.0,\ndev-1", "0.0,,lorawan\ndev-1").replaceAll("0.0,\n$", "0.0,,nbiot\n"));

        EnergyDatasets.DeviceBand data = EnergyDatasets.energyPerDevice(RunFolder.read(dir)).orElseThrow();

        assertEquals(List.of("LoRaWAN", "NB-IoT"), data.band().getSeries(0) == null ? null
                : List.of(data.band().getSeriesKey(0), data.band().getSeriesKey(1)));
        YIntervalSeries nbiot = (YIntervalSeries) data.band().getSeries(1);
        assertEquals(5.5, nbiot.getYValue(nbiot.getItemCount() - 1), 1e-9);
    }

    @Test
    void withoutDevicesCsvOnlyTheFramesEnergyIsDrawnAndWithoutFramesNothing() throws IOException {
        RunFolderFixture.write(dir);
        Files.delete(dir.resolve(RunFolder.DEVICES_FILE));

        EnergyDatasets.EnergyByState data = EnergyDatasets.energyByState(RunFolder.read(dir)).orElseThrow();

        assertEquals(List.of("TX", "RX"), keys(data.stacked()));
        XYSeries rx = data.stacked().getSeries(1);
        // Uplink frames 0.5 J x 7, downlink 0.2 J x 4.
        assertEquals(3.5 + 0.8, rx.getY(rx.getItemCount() - 1).doubleValue(), 1e-9);

        Files.delete(dir.resolve(RunTables.TRANSMISSIONS_FILE));
        assertTrue(EnergyDatasets.energyByState(RunFolder.read(dir)).isEmpty());
        assertTrue(EnergyDatasets.batteryLevel(RunFolder.read(dir)).isEmpty());
    }

    private static List<Object> keys(org.jfree.data.xy.XYSeriesCollection collection) {
        List<Object> keys = new java.util.ArrayList<>();
        for (int s = 0; s < collection.getSeriesCount(); s++) {
            keys.add(collection.getSeriesKey(s));
        }
        return keys;
    }
}
