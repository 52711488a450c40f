package org.fedwan.plots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fedwan.results.ClientsTable;
import org.fedwan.results.DevicesTable;
import org.fedwan.results.EnergyTable;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.Summary;
import org.fedwan.results.SweepColumns;
import org.fedwan.results.TransmissionsTable;

/**
 * A complete results folder as the simulator writes it today, small enough to check by hand:
 * 2 rounds of 100 s, 2 devices, all tables, summary and manifest (battery capacity 20 J), the
 * training columns of rounds.csv measured in both rounds, and the energy ledger in energy.csv. Expected values are worked out in the
 * comments of the tests.
 */
final class RunFolderFixture {

    static final String ROUNDS = "round,sim_time_s,accuracy,loss,uplink_bytes,downlink_bytes,uplink_frames,energy_j,"
            + "round_latency_s,clients_ok,clients_dropped,downlink_frames,update_bytes,duty_cycle_wait_s,aggregated_at_s,"
            + "cumulative_energy_j,cumulative_uplink_bytes,train_loss,train_accuracy,gradient_norm,extra\n"
            + "1,100.000000,0.500000,1.5,400,100,4,2.4,100.000000,2,0,1,300,70,90.000000,2.4,400,1.4,0.55,2.5,x\n"
            + "2,200.000000,0.800000,0.9,400,100,3,1.9,100.000000,1,1,1,150,40,190.000000,4.3,800,0.8,0.85,0.25,x\n";

    /**
     * {@link #ROUNDS} as a run with {@code eval_every: 2} writes it: round 1 was not evaluated, so
     * its accuracy, loss and training cells are empty.
     */
    static final String ROUNDS_EVAL_EVERY_2 = ROUNDS.replace("1,100.000000,0.500000,1.5,", "1,100.000000,,,")
            .replace("2.4,400,1.4,0.55,2.5,x", "2.4,400,,,,x");

    /** {@link #ROUNDS} of a run that did not measure the training columns ({@code train_eval_samples: 0}): empty cells. */
    static final String ROUNDS_WITHOUT_TRAINING = ROUNDS.replace(",1.4,0.55,2.5,", ",,,,")
            .replace(",0.8,0.85,0.25,", ",,,,");

    static final String TRANSMISSIONS = "device,start_s,end_s,bytes,airtime_ms,energy_j,outcome,round,direction,fragment,frm_payload_bytes\n"
            + "dev-0,20.000000,21.000000,100,1000.000,0.5,delivered,1,uplink,0,87\n"
            + "dev-1,30.000000,31.000000,100,1000.000,0.5,delivered,1,uplink,0,87\n"
            + "dev-0,50.000000,51.000000,100,1000.000,0.5,delivered,1,uplink,1,87\n"
            + "dev-1,70.000000,71.000000,100,1000.000,0.5,collision,1,uplink,1,87\n"
            + "dev-0,90.000000,91.000000,100,1000.000,0.2,received,1,downlink,0,87\n"
            + "dev-1,90.000000,91.000000,100,1000.000,0.2,received,1,downlink,0,87\n"
            + "dev-0,120.000000,121.000000,100,1000.000,0.5,delivered,2,uplink,0,87\n"
            + "dev-1,140.000000,141.000000,100,1000.000,0.5,below-sensitivity,2,uplink,0,87\n"
            + "dev-0,160.000000,161.000000,100,1000.000,0.5,delivered,2,uplink,1,87\n"
            + "dev-0,190.000000,191.000000,100,1000.000,0.2,received,2,downlink,0,87\n"
            + "dev-1,190.000000,191.000000,100,1000.000,0.2,received,2,downlink,0,87\n";

    /**
     * The energy ledger: a training row per client and round (the training intervals of
     * {@link #CLIENTS}) and a row per round, device and radio state. Per device over the run:
     * dev-0 TX 2.0, RX 1.0, standby 0.1, sleep 0.3, MCU training 1.6, MCU other 0.2 (5.2 J);
     * dev-1 TX 1.5, RX 0.8, standby 0.1, sleep 0.1, MCU training 4.0, MCU other 0.1 (6.6 J). TX
     * equals the energy of the device's uplink frames of {@link #TRANSMISSIONS}.
     */
    static final String ENERGY = "round,device,state,start_s,end_s,energy_j,tx_power_dbm\n"
            + "1,dev-0,mcu_training,0.000000,10.000000,0.8,\n"
            + "1,dev-1,mcu_training,0.000000,20.000000,1.6,\n"
            + "1,dev-0,tx,0.000000,100.000000,1.0,14.0\n"
            + "1,dev-0,rx,0.000000,100.000000,0.5,\n"
            + "1,dev-0,standby,0.000000,100.000000,0.05,\n"
            + "1,dev-0,sleep,0.000000,100.000000,0.15,\n"
            + "1,dev-0,mcu_other,0.000000,100.000000,0.1,\n"
            + "1,dev-1,tx,0.000000,100.000000,1.0,14.0\n"
            + "1,dev-1,rx,0.000000,100.000000,0.4,\n"
            + "1,dev-1,standby,0.000000,100.000000,0.05,\n"
            + "1,dev-1,sleep,0.000000,100.000000,0.05,\n"
            + "1,dev-1,mcu_other,0.000000,100.000000,0.05,\n"
            + "2,dev-0,mcu_training,100.000000,110.000000,0.8,\n"
            + "2,dev-1,mcu_training,100.000000,130.000000,2.4,\n"
            + "2,dev-0,tx,100.000000,200.000000,1.0,14.0\n"
            + "2,dev-0,rx,100.000000,200.000000,0.5,\n"
            + "2,dev-0,standby,100.000000,200.000000,0.05,\n"
            + "2,dev-0,sleep,100.000000,200.000000,0.15,\n"
            + "2,dev-0,mcu_other,100.000000,200.000000,0.1,\n"
            + "2,dev-1,tx,100.000000,200.000000,0.5,14.0\n"
            + "2,dev-1,rx,100.000000,200.000000,0.4,\n"
            + "2,dev-1,standby,100.000000,200.000000,0.05,\n"
            + "2,dev-1,sleep,100.000000,200.000000,0.05,\n"
            + "2,dev-1,mcu_other,100.000000,200.000000,0.05,\n";

    static final String CLIENTS = "round,device,compute_s,compute_end_s,upload_start_s,upload_end_s,airtime_s,"
            + "duty_cycle_wait_s,frames,update_bytes,outcome\n"
            + "1,dev-0,10.000000,10.000000,10.000000,60.000000,2.000000,30.000000,2,150,ok\n"
            + "1,dev-1,20.000000,20.000000,20.000000,80.000000,2.000000,40.000000,2,150,ok\n"
            + "2,dev-0,10.000000,110.000000,110.000000,170.000000,2.000000,30.000000,2,150,ok\n"
            + "2,dev-1,30.000000,130.000000,130.000000,150.000000,1.000000,10.000000,1,,dropped-sending\n";

    /** The devices' totals of {@link #ENERGY}. */
    static final String DEVICES = "device,data_rate,tx_j,rx_j,listen_j,standby_j,sleep_j,mcu_training_j,mcu_other_j,total_j,"
            + "tx_s,rx_s,duty_cycle_wait_s,fair_use_wait_s,battery_depleted_s\n"
            + "dev-0,5,2.0,1.0,0,0.1,0.3,1.6,0.2,5.2,4.0,2.0,60.0,0.0,\n"
            + "dev-1,5,1.5,0.8,0,0.1,0.1,4.0,0.1,6.6,3.0,2.0,50.0,0.0,\n";

    static final String SUMMARY = "{\"scenario\" : \"fixture\", \"seed\" : 1, \"uplink_codec\" : \"int8\", "
            + "\"uplink_options\" : \"\", \"final_accuracy\" : 0.8, \"energy_j\" : 4.3}";

    static final String MANIFEST = "{\"scenario\" : {\"battery_capacity_j\" : %s, \"uplink_codec\" : \"int8\", "
            + "\"name\" : \"fixture\"}, \"seed\" : 1}";

    private RunFolderFixture() {
    }

    /** Writes the complete folder with a 20 J battery. */
    static Path write(Path dir) throws IOException {
        return write(dir, 20.0);
    }

    /** Writes the complete folder with the given battery capacity (0: unlimited). */
    static Path write(Path dir, double batteryCapacityJ) throws IOException {
        Files.createDirectories(dir);
        put(dir, RoundsTable.TABLE.file(), ROUNDS);
        put(dir, TransmissionsTable.TABLE.file(), TRANSMISSIONS);
        put(dir, EnergyTable.TABLE.file(), ENERGY);
        put(dir, ClientsTable.TABLE.file(), CLIENTS);
        put(dir, DevicesTable.TABLE.file(), DEVICES);
        put(dir, Summary.FILE, SUMMARY);
        put(dir, RunFolder.MANIFEST_FILE, String.format(Locale.ROOT, MANIFEST, batteryCapacityJ));
        return dir;
    }

    static void put(Path dir, String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    /**
     * A sweep of codec x duty cycle with 4 points; points p0000 and p0001 have one run each (this
     * fixture's run folder). Final accuracy / uplink bytes / energy: p0000 fp32 0.01: 0.90 / 8000 /
     * 40; p0001 int8 0.01: 0.88 / 2000 / 10; p0002 fp32 0.001: 0.85 / 8000 / 42; p0003 int8 0.001:
     * 0.89 / 2000 / 12. Pareto front on bytes: p0003 then p0000.
     */
    static Path writeSweep(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("point,uplink_codec,duty_cycle,runs,target_reached,"
                + "final_accuracy_mean,final_accuracy_std,final_accuracy_ci95,uplink_bytes_mean,uplink_bytes_std,"
                + "uplink_bytes_ci95,energy_j_mean,energy_j_std,energy_j_ci95,time_to_target_s_mean,"
                + "time_to_target_s_std,time_to_target_s_ci95,parameter_count,rounds_per_day\n");
        // two model sizes (synthetic), so that the rounds-per-day figure is drawn too
        csv.append("p0000,fp32,0.01,2,2,0.900000,0.01,0.020000,8000,0,0,40,1,2.0,,,,2000,96\n");
        csv.append("p0001,int8,0.01,2,2,0.880000,0.01,0.010000,2000,0,0,10,1,1.0,,,,500,310.5\n");
        csv.append("p0002,fp32,0.001,2,2,0.850000,0.01,0.030000,8000,0,0,42,1,2.0,,,,2000,9.6\n");
        csv.append("p0003,int8,0.001,2,2,0.890000,0.01,0.010000,2000,0,0,12,1,1.0,,,,500,31.05\n");
        put(dir, SweepColumns.FILE, csv.toString());
        write(dir.resolve("runs/p0000/r0"));
        write(dir.resolve("runs/p0001/r0"));
        return dir;
    }

    /**
     * A synthetic complete run of {@code rounds} rounds, {@code devices} devices, 20 uplink frames
     * each per round; its ledger has per round and device 0.5 J of training, TX 1.0 J (the frames),
     * RX 0.01 J (the downlink frame) and 0.1 J of sleep.
     */
    static Path writeLongRun(Path dir, int rounds, int devices) throws IOException {
        Files.createDirectories(dir);
        StringBuilder r = new StringBuilder(ROUNDS.substring(0, ROUNDS.indexOf('\n') + 1));
        StringBuilder t = new StringBuilder(TRANSMISSIONS.substring(0, TRANSMISSIONS.indexOf('\n') + 1));
        StringBuilder c = new StringBuilder(CLIENTS.substring(0, CLIENTS.indexOf('\n') + 1));
        StringBuilder d = new StringBuilder(DEVICES.substring(0, DEVICES.indexOf('\n') + 1));
        StringBuilder e = new StringBuilder(ENERGY.substring(0, ENERGY.indexOf('\n') + 1));
        double roundS = 1000;
        double cumulativeJ = 0;
        long cumulativeBytes = 0;
        for (int k = 1; k <= rounds; k++) {
            double startS = (k - 1) * roundS;
            double roundJ = 0;
            for (int i = 0; i < devices; i++) {
                double computeEnd = startS + 50 + 3 * i;
                double uploadEnd = computeEnd;
                for (int f = 0; f < 20; f++) {
                    double s = computeEnd + 40 * f;
                    t.append(String.format(Locale.ROOT, "dev-%d,%.6f,%.6f,255,400.000,0.05,%s,%d,uplink,%d,242%n",
                            i, s, s + 0.4, (f + i + k) % 9 == 0 ? "collision" : "delivered", k, f));
                    uploadEnd = s + 0.4;
                    roundJ += 0.05;
                }
                t.append(String.format(Locale.ROOT, "dev-%d,%.6f,%.6f,255,400.000,0.01,received,%d,downlink,0,242%n",
                        i, startS + 900, startS + 900.4, k));
                roundJ += 0.01;
                e.append(String.format(Locale.ROOT, "%1$d,dev-%2$d,mcu_training,%3$.6f,%4$.6f,0.5,%n"
                        + "%1$d,dev-%2$d,tx,%3$.6f,%5$.6f,1.0,14.0%n%1$d,dev-%2$d,rx,%3$.6f,%5$.6f,0.01,%n"
                        + "%1$d,dev-%2$d,sleep,%3$.6f,%5$.6f,0.1,%n", k, i, startS, computeEnd, startS + roundS));
                roundJ += 0.5 + 0.1;
                c.append(String.format(Locale.ROOT, "%d,dev-%d,%.6f,%.6f,%.6f,%.6f,8.0,%.6f,20,6022,ok%n",
                        k, i, computeEnd - startS, computeEnd, computeEnd, uploadEnd, uploadEnd - computeEnd - 8));
            }
            cumulativeJ += roundJ;
            cumulativeBytes += 255L * 20 * devices;
            double accuracy = 0.1 + 0.85 * (1 - Math.exp(-k / 10.0));
            double loss = 2.3 * Math.exp(-k / 10.0) + 0.1;
            r.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.4f,%d,%d,%d,%.6f,%.6f,%d,0,%d,%d,%.6f,%.6f,%.6f,%d,%.4f,%.6f,%.6f,x%n",
                    k, startS + roundS, accuracy, loss,
                    255L * 20 * devices, 255L * devices, 20 * devices, roundJ, roundS, devices, devices,
                    6022L * devices, 700.0 * devices, startS + 900, cumulativeJ, cumulativeBytes,
                    0.9 * loss, Math.min(1, accuracy + 0.01), 3 * Math.exp(-k / 5.0)));
        }
        for (int i = 0; i < devices; i++) {
            d.append(String.format(Locale.ROOT, "dev-%d,5,%.3f,%.3f,0,0,%.3f,%.3f,0,%.3f,0,0,0,0,%n",
                    i, rounds * 1.0, rounds * 0.01, rounds * 0.1, rounds * 0.5, rounds * 1.61));
        }
        put(dir, RoundsTable.TABLE.file(), r.toString());
        put(dir, TransmissionsTable.TABLE.file(), t.toString());
        put(dir, ClientsTable.TABLE.file(), c.toString());
        put(dir, DevicesTable.TABLE.file(), d.toString());
        put(dir, EnergyTable.TABLE.file(), e.toString());
        put(dir, Summary.FILE, SUMMARY);
        put(dir, RunFolder.MANIFEST_FILE, String.format(Locale.ROOT, MANIFEST, 0.0));
        return dir;
    }
}
