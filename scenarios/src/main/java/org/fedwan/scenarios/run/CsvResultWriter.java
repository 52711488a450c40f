package org.fedwan.scenarios.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.fedwan.sim.results.FrameRecord;
import org.fedwan.sim.results.RoundRecord;
import org.fedwan.sim.results.RunListener;

/**
 * Streams the run's records to {@code rounds.csv} and {@code transmissions.csv}: written as
 * {@code *.part} while the run goes on, renamed when {@link #complete()} is called.
 */
public final class CsvResultWriter implements RunListener, AutoCloseable {

    /** Columns of rounds.csv; the first eleven are the documented contract. */
    public static final String ROUNDS_HEADER = "round,sim_time_s,accuracy,loss,uplink_bytes,downlink_bytes,uplink_frames,"
            + "energy_j,round_latency_s,clients_ok,clients_dropped,downlink_frames,update_bytes,duty_cycle_wait_s,"
            + "aggregated_at_s,cumulative_energy_j,cumulative_uplink_bytes";

    /** Columns of transmissions.csv; the first seven are the documented contract. */
    public static final String TRANSMISSIONS_HEADER =
            "device,start_s,end_s,bytes,airtime_ms,energy_j,outcome,round,direction,fragment,frm_payload_bytes";

    private final Path dir;
    private final BufferedWriter rounds;
    private final BufferedWriter transmissions;
    private double cumulativeEnergyJ;
    private long cumulativeUplinkBytes;
    private boolean completed;

    public CsvResultWriter(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.rounds = Files.newBufferedWriter(part("rounds.csv"), StandardCharsets.UTF_8);
        this.transmissions = new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(part("transmissions.csv")), StandardCharsets.UTF_8), 1 << 16);
        rounds.write(ROUNDS_HEADER);
        rounds.write('\n');
        transmissions.write(TRANSMISSIONS_HEADER);
        transmissions.write('\n');
    }

    private Path part(String name) {
        return dir.resolve(name + ".part");
    }

    @Override
    public void onFrame(FrameRecord f) {
        StringBuilder s = new StringBuilder(96);
        s.append(f.device()).append(',')
                .append(Formats.seconds(f.startUs())).append(',')
                .append(Formats.seconds(f.endUs())).append(',')
                .append(f.phyPayloadBytes()).append(',')
                .append(Formats.millis(f.airtimeUs())).append(',')
                .append(Formats.fixed(f.energyJ(), 9)).append(',')
                .append(f.outcome()).append(',')
                .append(f.round()).append(',')
                .append(f.direction()).append(',')
                .append(f.fragmentIndex()).append(',')
                .append(f.frmPayloadBytes()).append('\n');
        write(transmissions, s);
    }

    @Override
    public void onRound(RoundRecord r) {
        cumulativeEnergyJ += r.energyJ();
        cumulativeUplinkBytes += r.uplinkBytes();
        StringBuilder s = new StringBuilder(160);
        s.append(r.round()).append(',')
                .append(Formats.seconds(r.endUs())).append(',')
                .append(Formats.fixed(r.accuracy(), 6)).append(',')
                .append(Formats.fixed(r.loss(), 6)).append(',')
                .append(r.uplinkBytes()).append(',')
                .append(r.downlinkBytes()).append(',')
                .append(r.uplinkFrames()).append(',')
                .append(Formats.fixed(r.energyJ(), 9)).append(',')
                .append(Formats.seconds(r.latencyUs())).append(',')
                .append(r.clientsOk()).append(',')
                .append(r.clientsDropped()).append(',')
                .append(r.downlinkFrames()).append(',')
                .append(r.updateBytes()).append(',')
                .append(Formats.seconds(r.dutyCycleWaitUs())).append(',')
                .append(Formats.seconds(r.aggregatedAtUs())).append(',')
                .append(Formats.fixed(cumulativeEnergyJ, 9)).append(',')
                .append(cumulativeUplinkBytes).append('\n');
        write(rounds, s);
    }

    private static void write(BufferedWriter w, CharSequence s) {
        try {
            w.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes both tables and gives them their final names. */
    public void complete() throws IOException {
        rounds.close();
        transmissions.close();
        Files.move(part("rounds.csv"), dir.resolve("rounds.csv"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Files.move(part("transmissions.csv"), dir.resolve("transmissions.csv"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        completed = true;
    }

    @Override
    public void close() throws IOException {
        if (!completed) {
            rounds.close();
            transmissions.close();
        }
    }
}
