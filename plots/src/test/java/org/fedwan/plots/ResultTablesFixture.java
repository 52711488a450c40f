package org.fedwan.plots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fedwan.results.RoundsTable;
import org.fedwan.results.TransmissionsTable;

/**
 * Small result tables with the columns the core figures read: 3 rounds, 3 devices, 5 frames of
 * which one is a downlink and one is lost (a collision), two ending at the same time; plus an extra
 * column the plots do not know. No {@code energy.csv}, as in folders written before it existed.
 */
final class ResultTablesFixture {

    static final String ROUNDS_HEADER = "round,sim_time_s,accuracy,loss,uplink_bytes,downlink_bytes,"
            + "uplink_frames,energy_j,round_latency_s,clients_ok,clients_dropped,compression_ratio";
    static final String ROUNDS = ROUNDS_HEADER + "\n"
            + "1,120.5,0.42,1.80,1200,300,12,0.9,120.5,3,0,4.0\n"
            + "2,250.0,0.61,1.20,1500,300,15,1.1,129.5,2,1,4.0\n"
            + "3,400.0,0.735,0.95,1800,300,18,1.3,150.0,3,0,4.0\n";

    /**
     * {@link #ROUNDS} as a newer simulator writes it with {@code eval_every: 2}: round 2 was not
     * evaluated (empty accuracy and loss), and the training columns at the end are measured in
     * rounds 1 and 3 and empty in round 2.
     */
    static final String ROUNDS_WITH_BLANKS = ROUNDS_HEADER + ",train_loss,train_accuracy,gradient_norm\n"
            + "1,120.5,0.42,1.80,1200,300,12,0.9,120.5,3,0,4.0,1.70,0.45,3.0\n"
            + "2,250.0,,,1500,300,15,1.1,129.5,2,1,4.0,,,\n"
            + "3,400.0,0.735,0.95,1800,300,18,1.3,150.0,3,0,4.0,0.90,0.76,0.2\n";

    static final String TRANSMISSIONS_HEADER = "device,start_s,end_s,bytes,airtime_ms,energy_j,outcome,direction";
    static final String TRANSMISSIONS = TRANSMISSIONS_HEADER + "\n"
            + "dev-2,10.0,10.2,51,200.0,0.020,delivered,uplink\n"
            + "dev-1,5.0,5.1,51,100.0,0.010,delivered,uplink\n"
            + "dev-10,10.0,10.2,51,200.0,0.030,collision,uplink\n"
            + "dev-1,100.0,100.4,120,400.0,0.040,received,downlink\n"
            + "dev-2,200.0,200.5,51,500.0,0.050,delivered,uplink\n";

    /** Sum of energy_j over {@link #TRANSMISSIONS}, J. */
    static final double TOTAL_ENERGY_J = 0.150;

    private ResultTablesFixture() {
    }

    /** Writes the standard tables into {@code dir}. */
    static Path write(Path dir) throws IOException {
        return write(dir, ROUNDS, TRANSMISSIONS);
    }

    /** Writes the given table texts into {@code dir}. */
    static Path write(Path dir, String rounds, String transmissions) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RoundsTable.TABLE.file()), rounds, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(TransmissionsTable.TABLE.file()), transmissions, StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * A longer run for looking at the figures: {@code rounds} rounds of {@code roundS} seconds,
     * {@code devices} devices each sending {@code framesPerRound} frames per round, one downlink
     * per device and round.
     */
    static Path writeLongRun(Path dir, int rounds, double roundS, int devices, int framesPerRound)
            throws IOException {
        StringBuilder roundRows = new StringBuilder(ROUNDS_HEADER).append('\n');
        StringBuilder frames = new StringBuilder(TRANSMISSIONS_HEADER).append('\n');
        for (int r = 1; r <= rounds; r++) {
            double startS = (r - 1) * roundS;
            double accuracy = 0.1 + 0.8 * (1 - Math.exp(-r / 8.0));
            double loss = 2.3 * Math.exp(-r / 10.0) + 0.2;
            double energyJ = 0;
            long uplinkBytes = 0;
            for (int d = 1; d <= devices; d++) {
                for (int f = 0; f < framesPerRound; f++) {
                    double frameStartS = startS + roundS * (0.05 + 0.8 * (f + d / (double) (devices + 1))
                            / framesPerRound);
                    double airtimeMs = 50 + 10 * d;
                    double frameEnergyJ = 0.12 * airtimeMs / 1000 * (1 + 0.1 * d);
                    energyJ += frameEnergyJ;
                    uplinkBytes += 64;
                    frames.append(String.format(Locale.ROOT, "dev-%d,%.3f,%.3f,64,%.1f,%.6f,%s,uplink\n",
                            d, frameStartS, frameStartS + airtimeMs / 1000, airtimeMs, frameEnergyJ,
                            (f + d + r) % 7 == 0 ? "collision" : "delivered"));
                }
                double downStartS = startS + 0.02 * roundS;
                frames.append(String.format(Locale.ROOT, "dev-%d,%.3f,%.3f,32,%.1f,%.6f,received,downlink\n",
                        d, downStartS, downStartS + 0.04, 40.0, 0.002));
                energyJ += 0.002;
            }
            roundRows.append(String.format(Locale.ROOT, "%d,%.3f,%.4f,%.4f,%d,%d,%d,%.6f,%.3f,%d,%d,4.0\n",
                    r, r * roundS, accuracy, loss, uplinkBytes, 32L * devices, (long) devices * framesPerRound,
                    energyJ, roundS * (0.8 + 0.2 * ((r * 7) % 5) / 4.0), devices, 0));
        }
        return write(dir, roundRows.toString(), frames.toString());
    }
}
