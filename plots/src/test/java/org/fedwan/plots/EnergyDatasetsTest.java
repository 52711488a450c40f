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
import org.fedwan.results.Column;
import org.fedwan.results.DevicesTable;
import org.fedwan.results.EnergyState;
import org.fedwan.results.EnergyTable;
import org.fedwan.results.ResultTable;
import org.fedwan.results.TransmissionsTable;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyDatasetsTest {

    /** The states of the fixture's ledger: every state but listen. */
    private static final List<Object> FIXTURE_STATES = List.of("TX", "RX windows", "Standby and idle", "Sleep and PSM",
            "MCU training", "MCU other");

    @TempDir
    Path dir;

    @Test
    void statesStackUpToTheLedgerAndItsDeviceTotals() throws IOException {
        RunFolder run = RunFolder.read(RunFolderFixture.write(dir));

        EnergyDatasets.EnergyByState data = EnergyDatasets.energyByState(run).orElseThrow();

        assertEquals(AxisUnit.SECONDS, data.time());
        assertEquals(FIXTURE_STATES, keys(data.stacked()));
        // Stacked tops at the end, state by state over both devices: TX 2.0 + 1.5; RX 1.0 + 0.8; standby 0.1 + 0.1;
        // sleep 0.3 + 0.1; MCU training 1.6 + 4.0; MCU other 0.2 + 0.1.
        double[] tops = {3.5, 5.3, 5.5, 5.9, 11.5, 11.8};
        for (int s = 0; s < tops.length; s++) {
            XYSeries series = data.stacked().getSeries(s);
            assertEquals(0.0, series.getY(0).doubleValue(), 1e-12);
            assertEquals(200.0, series.getMaxX(), 1e-12);
            assertEquals(tops[s], series.getY(series.getItemCount() - 1).doubleValue(), 1e-9);
        }
        // The same totals as devices.csv, column by column.
        ResultTable devices = run.devices().orElseThrow();
        List<Column<?>> columns = List.of(DevicesTable.TX_J, DevicesTable.RX_J, DevicesTable.STANDBY_J,
                DevicesTable.SLEEP_J, DevicesTable.MCU_TRAINING_J, DevicesTable.MCU_OTHER_J);
        double stacked = 0;
        for (int s = 0; s < columns.size(); s++) {
            for (int i = 0; i < devices.size(); i++) {
                stacked += devices.number(i, columns.get(s));
            }
            assertEquals(stacked, lastY(data.stacked().getSeries(s)), 1e-9, columns.get(s).name());
        }
        // TX follows the uplink frames: at t = 100 s dev-0 sent 2 of its 4 equal frames (half of its 2.0 J),
        // dev-1 2 of its 3 (2/3 of its 1.5 J).
        XYSeries tx = data.stacked().getSeries(0);
        assertEquals(100.0, tx.getX(100).doubleValue(), 1e-9);
        assertEquals(2.0 / 2 + 1.5 * 2 / 3, tx.getY(100).doubleValue(), 1e-9);
        // Training: dev-0 trains 0-10 s (0.8 J), dev-1 0-20 s (1.6 J); at 10 s: 0.8 + 0.8.
        assertEquals(0.8 + 0.8, between(data.stacked(), 3, 4, 10.0), 1e-9);
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
        // dev-0 drew 5.2 J of 20 (74 % left), dev-1 6.6 J (67 % left).
        assertEquals((74.0 + 67.0) / 2, band.getYValue(last), 1e-9);
        assertEquals(67.0, band.getYLowValue(last), 1e-9);
        assertEquals(74.0, band.getYHighValue(last), 1e-9);
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
        assertEquals(6.6, band.getYHighValue(band.getItemCount() - 1), 1e-9);
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

        assertEquals(List.of("LoRaWAN", "NB-IoT"), List.of(data.band().getSeriesKey(0), data.band().getSeriesKey(1)));
        YIntervalSeries nbiot = (YIntervalSeries) data.band().getSeries(1);
        assertEquals(6.6, nbiot.getYValue(nbiot.getItemCount() - 1), 1e-9);
    }

    @Test
    void theLedgerAloneIsEnoughAndWithoutItThereIsNoEnergyFigure() throws IOException {
        RunFolderFixture.write(dir);
        Files.delete(dir.resolve(DevicesTable.TABLE.file()));

        EnergyDatasets.EnergyByState data = EnergyDatasets.energyByState(RunFolder.read(dir)).orElseThrow();

        assertEquals(FIXTURE_STATES, keys(data.stacked()));
        assertEquals(11.8, lastY(data.stacked().getSeries(FIXTURE_STATES.size() - 1)), 1e-9);

        // A folder written before the ledger: frames carry energy, but no state is known for the rest.
        Files.delete(dir.resolve(EnergyTable.TABLE.file()));
        assertTrue(EnergyDatasets.energyByState(RunFolder.read(dir)).isEmpty());
        assertTrue(EnergyDatasets.batteryLevel(RunFolder.read(dir)).isEmpty());
        assertTrue(EnergyDatasets.deviceEnergies(RunFolder.read(dir)).isEmpty());
    }

    @Test
    void eachDeviceHasItsOwnStackOfStates() throws IOException {
        RunFolder run = RunFolder.read(RunFolderFixture.write(dir));

        EnergyDatasets.DeviceEnergies data = EnergyDatasets.deviceEnergies(run).orElseThrow();

        assertEquals(AxisUnit.SECONDS, data.time());
        assertEquals(List.of("dev-0", "dev-1"), data.devices());
        assertEquals(2, data.totalDevices());
        assertFalse(data.sampled());
        assertEquals(FIXTURE_STATES, List.copyOf(data.states()));
        // Stacked tops at the end (devices.csv): dev-0 TX 2.0, RX 1.0, standby 0.1, sleep 0.3, training 1.6, MCU other 0.2;
        // dev-1 1.5, 0.8, 0.1, 0.1, 4.0, 0.1.
        double[][] tops = {{2.0, 3.0, 3.1, 3.4, 5.0, 5.2}, {1.5, 2.3, 2.4, 2.5, 6.5, 6.6}};
        for (int d = 0; d < 2; d++) {
            XYSeriesCollection device = data.stacked().get(d);
            assertEquals(FIXTURE_STATES, keys(device));
            for (int s = 0; s < tops[d].length; s++) {
                XYSeries series = device.getSeries(s);
                assertEquals(EnergyDatasets.SMALL_MULTIPLES_GRID_POINTS + 1, series.getItemCount());
                assertEquals(200.0, series.getMaxX(), 1e-12);
                assertEquals(tops[d][s], lastY(series), 1e-9);
            }
        }
        // dev-0 trains 0-10 s and 100-110 s: 0.8 of its 1.6 J at 10 s (x = 10 is item 5 of 101).
        XYSeriesCollection dev0 = data.stacked().get(0);
        assertEquals(10.0, dev0.getSeries(4).getX(5).doubleValue(), 1e-12);
        assertEquals(0.8, dev0.getSeries(4).getY(5).doubleValue() - dev0.getSeries(3).getY(5).doubleValue(), 1e-9);
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

    /** dev-0 on LoRaWAN (the fixture's ledger); dev-1 on NB-IoT, whose ledger rows replace the fixture's. */
    private Path writeMixedRun() throws IOException {
        RunFolderFixture.write(dir);
        Files.delete(dir.resolve(ClientsTable.TABLE.file()));
        RunFolderFixture.put(dir, TransmissionsTable.TABLE.file(),
                "device,start_s,end_s,bytes,airtime_ms,energy_j,outcome,round,direction,fragment,frm_payload_bytes\n"
                + "dev-0,20.000000,21.000000,100,1000.000,0.5,delivered,1,uplink,0,87\n"
                + "dev-0,90.000000,91.000000,100,1000.000,0.2,received,1,downlink,0,87\n"
                + "dev-1,10.000000,11.000000,100,1000.000,0,delivered,1,uplink,0,100\n");
        StringBuilder energy = new StringBuilder(NBIOT_STATES);
        for (String row : RunFolderFixture.ENERGY.split("\n")) {
            if (row.contains(",dev-0,")) {
                energy.append(row).append('\n');
            }
        }
        RunFolderFixture.put(dir, EnergyTable.TABLE.file(), energy.toString());
        RunFolderFixture.put(dir, DevicesTable.TABLE.file(), RunFolderFixture.DEVICES
                .replace("battery_depleted_s\n", "battery_depleted_s,protocol\n")
                .replace("0.0,\ndev-1", "0.0,,lorawan\ndev-1")
                .replace("dev-1,5,1.5,0.8,0,0.1,0.1,4.0,0.1,6.6,3.0,2.0,50.0,0.0,\n",
                        "dev-1,-1,0.6,0.2,0,0.5,0.05,0,0.02,1.37,1.0,1.0,0.0,0.0,,nbiot\n"));
        return dir;
    }

    /**
     * The ledger of the NB-IoT device dev-1 over two rounds: connected idle and idle DRX/eDRX are
     * standby, PSM is sleep; the host MCU drives the module (MCU other).
     */
    private static final String NBIOT_STATES = "round,device,state,start_s,end_s,energy_j,tx_power_dbm\n"
            + "1,dev-1,standby,0.000000,10.000000,0.3,\n"
            + "1,dev-1,tx,10.000000,11.000000,0.6,23.0\n"
            + "1,dev-1,standby,11.000000,50.000000,0.1,\n"
            + "1,dev-1,sleep,50.000000,150.000000,0.05,\n"
            + "1,dev-1,mcu_other,0.000000,100.000000,0.02,\n"
            + "2,dev-1,rx,150.000000,151.000000,0.2,\n"
            + "2,dev-1,standby,151.000000,200.000000,0.1,\n";

    @Test
    void rowsWithoutFrameEnergyShapeTxThemselves() throws IOException {
        RunFolder run = RunFolder.read(writeMixedRun());

        EnergyDatasets.DeviceEnergies data = EnergyDatasets.deviceEnergies(run).orElseThrow();

        assertEquals(FIXTURE_STATES, List.copyOf(data.states()));
        XYSeriesCollection nbiot = data.stacked().get(1);
        // No training: TX, RX, standby, sleep and MCU other.
        assertEquals(List.of("TX", "RX windows", "Standby and idle", "Sleep and PSM", "MCU other"), keys(nbiot));
        assertEquals(List.of(0.6, 0.8, 1.3, 1.35, 1.37), tops(nbiot));
        // TX follows the tx row (10-11 s), not the zero-energy uplink block: all of it by 12 s (item 6).
        XYSeries tx = nbiot.getSeries(0);
        assertEquals(12.0, tx.getX(6).doubleValue(), 1e-12);
        assertEquals(0.6, tx.getY(6).doubleValue(), 1e-9);
        assertEquals(0.0, tx.getY(5).doubleValue(), 1e-9);
        // Standby is drawn when it happens: connected idle 0-10 s, 0.3 J by 10 s.
        assertEquals(0.3, nbiot.getSeries(2).getY(5).doubleValue() - nbiot.getSeries(1).getY(5).doubleValue(), 1e-9);
        // The LoRaWAN device's TX is shaped by its one uplink frame left (20-21 s): all 2.0 J by 22 s.
        assertEquals(2.0, data.stacked().get(0).getSeries(0).getY(11).doubleValue(), 1e-9);
    }

    @Test
    void theStatesOfAllDevicesAddUpToTheRowsOfTheLedger() throws IOException {
        RunFolder run = RunFolder.read(writeMixedRun());

        EnergyDatasets.EnergyByState data = EnergyDatasets.energyByState(run).orElseThrow();

        assertEquals(FIXTURE_STATES, keys(data.stacked()));
        // dev-0 5.2 J and dev-1 0.3 + 0.6 + 0.1 + 0.05 + 0.02 + 0.2 + 0.1 = 1.37 J.
        assertEquals(5.2 + 1.37, lastY(data.stacked().getSeries(FIXTURE_STATES.size() - 1)), 1e-9);
        // Standby: dev-0 0.1, dev-1 0.5.
        assertEquals(0.1 + 0.5, lastY(data.stacked().getSeries(2)) - lastY(data.stacked().getSeries(1)), 1e-9);
    }

    @Test
    void aStateOrDirectionTheSchemaDoesNotKnowFailsTheReadingNamingFileLineAndColumn() throws IOException {
        writeMixedRun();
        RunFolderFixture.put(dir, EnergyTable.TABLE.file(), NBIOT_STATES + "2,dev-1,deep_sleep,190.000000,200.000000,0.01,\n");

        var state = assertThrows(IllegalArgumentException.class, () -> EnergyDatasets.energyByState(RunFolder.read(dir)));

        assertEquals(dir.resolve("energy.csv") + " line 9, column 'state': 'deep_sleep' is not a EnergyState; allowed: "
                + "tx, rx, listen, standby, sleep, mcu_training, mcu_other", state.getMessage());

        // Rows of the labels of earlier versions fail the same way (psm is now sleep, compute mcu_training).
        RunFolderFixture.write(dir);
        RunFolderFixture.put(dir, TransmissionsTable.TABLE.file(), RunFolderFixture.TRANSMISSIONS
                + "dev-0,0.000000,10.000000,0,10000.000,0.8,trained,1,compute,-1,0\n");

        var direction = assertThrows(IllegalArgumentException.class, () -> EnergyDatasets.energyByState(RunFolder.read(dir)));

        assertTrue(direction.getMessage().startsWith(dir.resolve("transmissions.csv")
                + " line 13, column 'direction': 'compute' is not a Direction; allowed: uplink, downlink"),
                direction.getMessage());
    }

    @Test
    void everyStateOfTheLedgerHasItsSeriesInTheLedgersOrder() throws IOException {
        StringBuilder ledger = new StringBuilder("round,device,state,start_s,end_s,energy_j,tx_power_dbm\n");
        for (EnergyState state : EnergyState.values()) {
            ledger.append("1,dev-0,").append(state.label()).append(",0.000000,200.000000,1.0,\n");
        }
        RunFolderFixture.write(dir);
        RunFolderFixture.put(dir, EnergyTable.TABLE.file(), ledger.toString());

        EnergyDatasets.EnergyByState data = EnergyDatasets.energyByState(RunFolder.read(dir)).orElseThrow();

        assertEquals(EnergyState.values().length, EnergyDatasets.STATES.size());
        assertEquals(List.copyOf(EnergyDatasets.STATES), keys(data.stacked()));
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0), tops(data.stacked()));
    }

    /** Height of series {@code upper} above series {@code lower} at x. */
    private static double between(XYSeriesCollection stacked, int lower, int upper, double x) {
        XYSeries low = stacked.getSeries(lower);
        XYSeries high = stacked.getSeries(upper);
        return high.getY(high.indexOf(x)).doubleValue() - low.getY(low.indexOf(x)).doubleValue();
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
