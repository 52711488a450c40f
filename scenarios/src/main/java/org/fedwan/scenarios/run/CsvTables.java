package org.fedwan.scenarios.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.fedwan.sim.results.FrameRecord;
import org.fedwan.sim.results.RoundRecord;
import org.fedwan.sim.results.RunListener;

/**
 * Formats the run's records as the rows of {@code rounds.csv} and {@code transmissions.csv} and
 * appends them to two sinks (files for a single run, strings for sweep points). Numbers are
 * locale-independent and times exact, so equal runs give equal bytes.
 */
public final class CsvTables implements RunListener {

    /**
     * Columns of rounds.csv; the first eleven are the documented contract. Accuracy and loss are
     * empty in rounds without evaluation ({@code eval_every}), the training columns whenever they
     * are not measured ({@code train_eval_samples: 0}).
     */
    public static final String ROUNDS_HEADER = "round,sim_time_s,accuracy,loss,uplink_bytes,downlink_bytes,uplink_frames,"
            + "energy_j,round_latency_s,clients_ok,clients_dropped,downlink_frames,update_bytes,duty_cycle_wait_s,"
            + "aggregated_at_s,cumulative_energy_j,cumulative_uplink_bytes,train_loss,train_accuracy,gradient_norm,late_updates";

    /** Columns of transmissions.csv; the first seven are the documented contract. */
    public static final String TRANSMISSIONS_HEADER =
            "device,start_s,end_s,bytes,airtime_ms,energy_j,outcome,round,direction,fragment,frm_payload_bytes";

    /** Columns of devices.csv. */
    public static final String DEVICES_HEADER = "device,data_rate,tx_j,rx_j,standby_j,sleep_j,mcu_j,total_j,tx_s,rx_s,"
            + "duty_cycle_wait_s,fair_use_wait_s,battery_depleted_s,protocol";

    /** Columns of clients.csv: one row per selected client per round. */
    public static final String CLIENTS_HEADER = "round,device,compute_s,compute_end_s,upload_start_s,upload_end_s,airtime_s,"
            + "duty_cycle_wait_s,frames,update_bytes,outcome,protocol";

    private final StringBuilder devices = new StringBuilder(DEVICES_HEADER + "\n");
    private final StringBuilder clients = new StringBuilder(CLIENTS_HEADER + "\n");
    private final Appendable rounds;
    private final Appendable transmissions;
    private final StringBuilder row = new StringBuilder(160);
    private double cumulativeEnergyJ;
    private long cumulativeUplinkBytes;

    public CsvTables(Appendable rounds, Appendable transmissions) {
        this.rounds = rounds;
        this.transmissions = transmissions;
        append(rounds, ROUNDS_HEADER + "\n");
        append(transmissions, TRANSMISSIONS_HEADER + "\n");
    }

    @Override
    public void onFrame(FrameRecord f) {
        row.setLength(0);
        row.append(f.device()).append(',')
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
        append(transmissions, row);
    }

    @Override
    public void onRound(RoundRecord r) {
        cumulativeEnergyJ += r.energyJ();
        cumulativeUplinkBytes += r.uplinkBytes();
        row.setLength(0);
        row.append(r.round()).append(',')
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
                .append(cumulativeUplinkBytes).append(',')
                .append(Formats.fixed(r.trainLoss(), 6)).append(',')
                .append(Formats.fixed(r.trainAccuracy(), 6)).append(',')
                .append(Formats.fixed(r.gradientNorm(), 6)).append(',')
                .append(r.lateUpdates()).append('\n');
        append(rounds, row);
    }

    @Override
    public void onDevice(org.fedwan.sim.results.DeviceRecord d) {
        devices.append(d.device()).append(',').append(d.dataRate()).append(',')
                .append(Formats.fixed(d.txJ(), 9)).append(',')
                .append(Formats.fixed(d.rxJ(), 9)).append(',')
                .append(Formats.fixed(d.standbyJ(), 9)).append(',')
                .append(Formats.fixed(d.sleepJ(), 9)).append(',')
                .append(Formats.fixed(d.mcuJ(), 9)).append(',')
                .append(Formats.fixed(d.totalJ(), 9)).append(',')
                .append(Formats.seconds(d.txUs())).append(',')
                .append(Formats.seconds(d.rxUs())).append(',')
                .append(Formats.seconds(d.dutyCycleWaitUs())).append(',')
                .append(Formats.seconds(d.fairUseWaitUs())).append(',')
                .append(d.depletedAtUs() < 0 ? "" : Formats.seconds(d.depletedAtUs())).append(',')
                .append(d.protocol()).append('\n');
    }

    @Override
    public void onClientRound(org.fedwan.sim.results.ClientRoundRecord c) {
        clients.append(c.round()).append(',').append(c.device()).append(',')
                .append(Formats.seconds(c.computeUs())).append(',')
                .append(c.computeEndUs() < 0 ? "" : Formats.seconds(c.computeEndUs())).append(',')
                .append(c.uploadStartUs() < 0 ? "" : Formats.seconds(c.uploadStartUs())).append(',')
                .append(c.uploadEndUs() < 0 ? "" : Formats.seconds(c.uploadEndUs())).append(',')
                .append(Formats.seconds(c.airtimeUs())).append(',')
                .append(Formats.seconds(c.dutyCycleWaitUs())).append(',')
                .append(c.frames()).append(',').append(c.updateBytes()).append(',').append(c.outcome()).append(',')
                .append(c.protocol()).append('\n');
    }

    /** clients.csv, complete once the run has ended. */
    public String clientsCsv() {
        return clients.toString();
    }

    /** devices.csv, complete once the run has ended. */
    public String devicesCsv() {
        return devices.toString();
    }

    private static void append(Appendable out, CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
