package org.fedwan.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fedwan.results.ClientsTable;
import org.fedwan.results.DevicesTable;
import org.fedwan.results.EnergyState;
import org.fedwan.results.EnergyTable;
import org.fedwan.results.TransmissionsTable;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
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
        // dev-1 2 of its 3 (2/3 of its 1.5 J); the compute rows, heavier than the frames, do not count.
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
        RunFolderFixture.put(dir, DevicesTable.TABLE.file(), RunFolderFixture.DEVICES
                .replace("battery_depleted_s\n", "battery_depleted_s,protocol\n")
                .replace("0.0,\ndev-1", "0.0,,lorawan\ndev-1").replaceAll("0.0,\n$", "0.0,,nbiot\n"));

        EnergyDatasets.DeviceBand data = EnergyDatasets.energyPerDevice(RunFolder.read(dir)).orElseThrow();

        assertEquals(List.of("LoRaWAN", "NB-IoT"), data.band().getSeries(0) == null ? null
                : List.of(data.band().getSeriesKey(0), data.band().getSeriesKey(1)));
        YIntervalSeries nbiot = (YIntervalSeries) data.band().getSeries(1);
        assertEquals(5.5, nbiot.getYValue(nbiot.getItemCount() - 1), 1e-9);
    }

    @Test
    void withoutDevicesCsvTheRowsOwnEnergyIsDrawnAndWithoutFramesNothing() throws IOException {
        RunFolderFixture.write(dir);
        Files.delete(dir.resolve(DevicesTable.TABLE.file()));

        EnergyDatasets.EnergyByState data = EnergyDatasets.energyByState(RunFolder.read(dir)).orElseThrow();

        assertEquals(List.of("TX", "RX", "Compute (MCU)"), keys(data.stacked()));
        XYSeries rx = data.stacked().getSeries(1);
        // Uplink frames 0.5 J x 7, downlink 0.2 J x 4, compute rows 0.8 + 1.6 + 0.8 + 2.4 J.
        assertEquals(3.5 + 0.8, rx.getY(rx.getItemCount() - 1).doubleValue(), 1e-9);
        XYSeries compute = data.stacked().getSeries(2);
        assertEquals(3.5 + 0.8 + 5.6, compute.getY(compute.getItemCount() - 1).doubleValue(), 1e-9);

        Files.delete(dir.resolve(TransmissionsTable.TABLE.file()));
        assertTrue(EnergyDatasets.energyByState(RunFolder.read(dir)).isEmpty());
        assertTrue(EnergyDatasets.batteryLevel(RunFolder.read(dir)).isEmpty());
    }

    @Test
    void eachDeviceHasItsOwnStackOfStates() throws IOException {
        RunFolder run = RunFolder.read(RunFolderFixture.write(dir));

        EnergyDatasets.DeviceEnergies data = EnergyDatasets.deviceEnergies(run).orElseThrow();

        assertEquals(AxisUnit.SECONDS, data.time());
        assertEquals(List.of("dev-0", "dev-1"), data.devices());
        assertEquals(2, data.totalDevices());
        assertFalse(data.sampled());
        assertEquals(EnergyDatasets.STATES, data.states());
        // Stacked tops at the end (devices.csv): dev-0 TX 2.0, RX 1.0, MCU 4.0, standby and sleep 0.4;
        // dev-1 1.5, 0.8, 3.0, 0.2.
        double[][] tops = {{2.0, 3.0, 7.0, 7.4}, {1.5, 2.3, 5.3, 5.5}};
        for (int d = 0; d < 2; d++) {
            XYSeriesCollection device = data.stacked().get(d);
            assertEquals(EnergyDatasets.STATES, keys(device));
            for (int s = 0; s < 4; s++) {
                XYSeries series = device.getSeries(s);
                assertEquals(EnergyDatasets.SMALL_MULTIPLES_GRID_POINTS + 1, series.getItemCount());
                assertEquals(200.0, series.getMaxX(), 1e-12);
                assertEquals(tops[d][s], series.getY(series.getItemCount() - 1).doubleValue(), 1e-9);
            }
        }
        // dev-0 computes 0-10 s and 100-110 s (clients.csv): 2.0 of its 4.0 J at 10 s (x = 10 is item 5 of 101).
        XYSeriesCollection dev0 = data.stacked().get(0);
        assertEquals(10.0, dev0.getSeries(2).getX(5).doubleValue(), 1e-12);
        assertEquals(2.0, dev0.getSeries(2).getY(5).doubleValue() - dev0.getSeries(1).getY(5).doubleValue(), 1e-9);
    }

    @Test
    void manyDevicesAreSampledEvenlyInDeviceOrder() throws IOException {
        RunFolder run = RunFolder.read(RunFolderFixture.writeLongRun(dir, 2, 40));

        EnergyDatasets.DeviceEnergies data = EnergyDatasets.deviceEnergies(run).orElseThrow();

        // Device round(i * 39 / 15) for i = 0 ... 15.
        assertEquals(List.of("dev-0", "dev-3", "dev-5", "dev-8", "dev-10", "dev-13", "dev-16", "dev-18", "dev-21",
                "dev-23", "dev-26", "dev-29", "dev-31", "dev-34", "dev-36", "dev-39"), data.devices());
        assertEquals(EnergyDatasets.MAX_SMALL_MULTIPLES, data.stacked().size());
        assertEquals(40, data.totalDevices());
        assertTrue(data.sampled());
        assertEquals(List.of(0, 3, 6, 9), EnergyDatasets.evenlySpaced(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 4));
        assertEquals(List.of(1, 2), EnergyDatasets.evenlySpaced(List.of(1, 2), 16));
    }

    /** dev-0 on LoRaWAN; dev-1 on NB-IoT, whose power states are rows of energy.csv. */
    private Path writeMixedRun() throws IOException {
        RunFolderFixture.write(dir);
        Files.delete(dir.resolve(ClientsTable.TABLE.file()));
        RunFolderFixture.put(dir, TransmissionsTable.TABLE.file(),
                "device,start_s,end_s,bytes,airtime_ms,energy_j,outcome,round,direction,fragment,frm_payload_bytes\n"
                + "dev-0,20.000000,21.000000,100,1000.000,0.5,delivered,1,uplink,0,87\n"
                + "dev-0,90.000000,91.000000,100,1000.000,0.2,received,1,downlink,0,87\n"
                + "dev-1,10.000000,11.000000,100,1000.000,0,delivered,1,uplink,0,100\n");
        RunFolderFixture.put(dir, EnergyTable.TABLE.file(), NBIOT_STATES);
        RunFolderFixture.put(dir, DevicesTable.TABLE.file(), "device,data_rate,tx_j,rx_j,standby_j,sleep_j,mcu_j,total_j,"
                + "tx_s,rx_s,duty_cycle_wait_s,fair_use_wait_s,battery_depleted_s,protocol\n"
                + "dev-0,5,2.0,1.0,0.1,0.3,4.0,7.4,4.0,2.0,60.0,0.0,,lorawan\n"
                + "dev-1,-1,1.2,0.4,1.0,0.1,0.0,2.7,0.0,0.0,0.0,0.0,,nbiot\n");
        return dir;
    }

    /** The power states of the NB-IoT device dev-1 over two rounds, as energy.csv rows. */
    private static final String NBIOT_STATES = "round,device,state,start_s,end_s,energy_j\n"
            + "1,dev-1,connected_idle,0.000000,10.000000,0.3\n"
            + "1,dev-1,tx,10.000000,11.000000,0.6\n"
            + "1,dev-1,idle_drx,11.000000,50.000000,0.1\n"
            + "1,dev-1,psm,50.000000,150.000000,0.05\n"
            + "2,dev-1,rx,150.000000,151.000000,0.2\n"
            + "2,dev-1,idle_edrx,151.000000,200.000000,0.1\n";

    @Test
    void nbiotPowerStateRowsShapeTheStatesOfTheirDevice() throws IOException {
        RunFolder run = RunFolder.read(writeMixedRun());

        EnergyDatasets.DeviceEnergies data = EnergyDatasets.deviceEnergies(run).orElseThrow();

        assertEquals(EnergyDatasets.DEVICE_STATES, data.states());
        XYSeriesCollection nbiot = data.stacked().get(1);
        // No compute energy (mcu_j 0) and no LoRa standby: TX, RX and the three NB-IoT states.
        assertEquals(List.of("TX", "RX", "Connected idle (NB-IoT)", "Idle DRX, eDRX (NB-IoT)", "PSM (NB-IoT)"),
                keys(nbiot));
        // standby_j 1.0 split as the rows: connected 0.3 and idle 0.1 + 0.1 of 0.5; sleep_j 0.1 is PSM.
        double[] tops = {1.2, 1.6, 2.2, 2.6, 2.7};
        for (int s = 0; s < tops.length; s++) {
            XYSeries series = nbiot.getSeries(s);
            assertEquals(tops[s], series.getY(series.getItemCount() - 1).doubleValue(), 1e-9, "state " + s);
        }
        // TX follows the tx row (10-11 s), not the zero-energy uplink block: all of it by 12 s (item 6).
        XYSeries tx = nbiot.getSeries(0);
        assertEquals(12.0, tx.getX(6).doubleValue(), 1e-12);
        assertEquals(1.2, tx.getY(6).doubleValue(), 1e-9);
        assertEquals(0.0, tx.getY(5).doubleValue(), 1e-9);
        assertEquals(List.of("TX", "RX", "Compute (MCU)", "Standby and sleep"), keys(data.stacked().get(0)));
    }

    @Test
    void theNbiotStatesCountAsStandbyAndSleepForAllDevices() throws IOException {
        RunFolder run = RunFolder.read(writeMixedRun());

        EnergyDatasets.EnergyByState data = EnergyDatasets.energyByState(run).orElseThrow();

        assertEquals(EnergyDatasets.STATES, keys(data.stacked()));
        int last = data.stacked().getSeries(3).getItemCount() - 1;
        double standbyAndSleep = data.stacked().getSeries(3).getY(last).doubleValue()
                - data.stacked().getSeries(2).getY(last).doubleValue();
        assertEquals(0.1 + 0.3 + 1.0 + 0.1, standbyAndSleep, 1e-9);
        assertEquals(7.4 + 2.7, data.stacked().getSeries(3).getY(last).doubleValue(), 1e-9);
    }

    /**
     * Without devices.csv the states are the rows' own energy, so they add up to the totals of the
     * two tables, worked out by hand: transmissions.csv 0.5 (dev-0 uplink) + 0.2 (dev-0 downlink)
     * + 0 (dev-1 transport block) = 0.7 J; energy.csv 0.8 + 0.8 (dev-0 training) + 0.3 + 0.6 + 0.1
     * + 0.05 + 0.2 + 0.1 (dev-1 states) = 2.95 J.
     */
    @Test
    void withoutDevicesCsvTheStatesAddUpToTransmissionsAndEnergyCsv() throws IOException {
        writeMixedRun();
        Files.delete(dir.resolve(DevicesTable.TABLE.file()));
        RunFolderFixture.put(dir, EnergyTable.TABLE.file(), NBIOT_STATES
                + "1,dev-0,compute,0.000000,10.000000,0.8\n2,dev-0,compute,100.000000,110.000000,0.8\n");
        RunFolder run = RunFolder.read(dir);

        EnergyDatasets.EnergyByState all = EnergyDatasets.energyByState(run).orElseThrow();
        EnergyDatasets.DeviceEnergies each = EnergyDatasets.deviceEnergies(run).orElseThrow();

        assertEquals(EnergyDatasets.STATES, keys(all.stacked()));
        // TX 0.5 + 0.6 (dev-1 tx row); RX 0.2 + 0.2 (dev-1 rx row); compute 1.6; standby and sleep 0.55.
        double[] tops = {1.1, 1.5, 3.1, 3.65};
        for (int s = 0; s < tops.length; s++) {
            assertEquals(tops[s], lastY(all.stacked().getSeries(s)), 1e-9, EnergyDatasets.STATES.get(s));
        }
        assertEquals(0.7 + 2.95, lastY(all.stacked().getSeries(3)), 1e-9);
        // Training is drawn when it happens: dev-0's 0.8 J of round 1 by 10 s.
        XYSeries compute = all.stacked().getSeries(2);
        XYSeries rx = all.stacked().getSeries(1);
        assertEquals(0.8, compute.getY(compute.indexOf(10.0)).doubleValue() - rx.getY(rx.indexOf(10.0)).doubleValue(), 1e-9);
        assertEquals(List.of("TX", "RX", "Compute (MCU)"), keys(each.stacked().get(0)));
        assertEquals(List.of(0.5, 0.7, 2.3), tops(each.stacked().get(0)));
        assertEquals(List.of("TX", "RX", "Connected idle (NB-IoT)", "Idle DRX, eDRX (NB-IoT)", "PSM (NB-IoT)"),
                keys(each.stacked().get(1)));
        assertEquals(List.of(0.6, 0.8, 1.1, 1.3, 1.35), tops(each.stacked().get(1)));
    }

    @Test
    void aStateOrDirectionTheSchemaDoesNotKnowFailsTheReadingNamingFileLineAndColumn() throws IOException {
        writeMixedRun();
        RunFolderFixture.put(dir, EnergyTable.TABLE.file(), NBIOT_STATES + "2,dev-1,deep_sleep,190.000000,200.000000,0.01\n");

        var state = assertThrows(IllegalArgumentException.class, () -> EnergyDatasets.energyByState(RunFolder.read(dir)));

        assertEquals(dir.resolve("energy.csv") + " line 8, column 'state': 'deep_sleep' is not a EnergyState; allowed: "
                + "compute, tx, rx, connected_idle, idle_drx, idle_edrx, psm", state.getMessage());

        // A folder written before energy.csv existed kept training rows in transmissions.csv (direction compute).
        RunFolderFixture.write(dir);
        Files.delete(dir.resolve(EnergyTable.TABLE.file()));
        RunFolderFixture.put(dir, TransmissionsTable.TABLE.file(), RunFolderFixture.TRANSMISSIONS
                + "dev-0,0.000000,10.000000,0,10000.000,0.8,trained,1,compute,-1,0\n");

        var direction = assertThrows(IllegalArgumentException.class, () -> EnergyDatasets.energyByState(RunFolder.read(dir)));

        assertTrue(direction.getMessage().startsWith(dir.resolve("transmissions.csv")
                + " line 13, column 'direction': 'compute' is not a Direction; allowed: uplink, downlink"),
                direction.getMessage());
    }

    @Test
    void everyEnergyStateHasAStateOfTheFigures() {
        assertEquals(EnergyDatasets.STATES.indexOf("Compute (MCU)"), EnergyDatasets.stateOf(EnergyState.COMPUTE));
        assertEquals(EnergyDatasets.STATES.indexOf("TX"), EnergyDatasets.stateOf(EnergyState.TX));
        assertEquals(EnergyDatasets.STATES.indexOf("RX"), EnergyDatasets.stateOf(EnergyState.RX));
        assertEquals(EnergyDatasets.DEVICE_STATES.indexOf("Connected idle (NB-IoT)"),
                EnergyDatasets.stateOf(EnergyState.CONNECTED_IDLE));
        for (EnergyState idle : List.of(EnergyState.IDLE_DRX, EnergyState.IDLE_EDRX)) {
            assertEquals(EnergyDatasets.DEVICE_STATES.indexOf("Idle DRX, eDRX (NB-IoT)"), EnergyDatasets.stateOf(idle));
        }
        assertEquals(EnergyDatasets.DEVICE_STATES.indexOf("PSM (NB-IoT)"), EnergyDatasets.stateOf(EnergyState.PSM));
    }

    private static double lastY(XYSeries series) {
        return series.getY(series.getItemCount() - 1).doubleValue();
    }

    /** The last y of each series, rounded to 1e-9 against the sums' rounding. */
    private static List<Double> tops(XYSeriesCollection collection) {
        List<Double> tops = new ArrayList<>();
        for (int s = 0; s < collection.getSeriesCount(); s++) {
            tops.add(Math.round(lastY(collection.getSeries(s)) * 1e9) / 1e9);
        }
        return tops;
    }

    private static List<Object> keys(XYSeriesCollection collection) {
        List<Object> keys = new ArrayList<>();
        for (int s = 0; s < collection.getSeriesCount(); s++) {
            keys.add(collection.getSeriesKey(s));
        }
        return keys;
    }
}
