package org.fedwan.sim.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.NbiotPowerProfile;
import org.fedwan.channel.nbiot.PowerSavingConfig;
import org.fedwan.channel.nbiot.PowerState;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.nbiot.NbiotCell;
import org.fedwan.sim.nbiot.NbiotDevice;
import org.fedwan.sim.nbiot.NbiotDeviceSettings;
import org.fedwan.sim.nbiot.NbiotListener;
import org.fedwan.results.DeviceRecord;

/**
 * The clients of an FL run over NB-IoT: one cell whose 180 kHz uplink carrier they share (round
 * robin), each device with its coupling loss, module power profile and power-saving timers.
 * Devices stay reachable after an upload for the longest active timer T3324 allows (186 min), so
 * that the model broadcast (single-cell point-to-multipoint) does not find them in PSM; they fall
 * back to PSM after it.
 */
final class NbiotClients {

    /** Receives the radio activity the round logic accounts. */
    interface Sink {
        /** An uplink transport block of {@code bytes} over [start, end]. */
        void uplinkBlock(int client, int bytes, long startUs, long endUs);

        /** The device spent {@code energyJ} in {@code state} over [start, end]. */
        void energy(int client, String state, long startUs, long endUs, double energyJ);
    }

    private final NbiotCell cell;
    private final NbiotDevice[] devices;
    private final int firstClient;

    /** Clients {@code firstClient .. firstClient + clients - 1} on one cell. */
    NbiotClients(Simulation model, int firstClient, int clients, RunConfig config, Sink sink) {
        this.firstClient = firstClient;
        this.cell = new NbiotCell(model, NbiotLinkConfig.DEFAULT);
        PowerSavingConfig ps = PowerSavingConfig.DEFAULT;
        long t3324Us = 186L * 60 * 1_000_000;
        ps = new PowerSavingConfig(ps.inactivityTimerUs(), ps.releaseAssistance(), ps.drxCycleUs(), ps.edrxCycleUs(),
                ps.psmEnabled(), t3324Us, Math.max(ps.t3412Us(), 2 * t3324Us));
        NbiotDeviceSettings settings = NbiotDeviceSettings.DEFAULT
                .withProfile(NbiotPowerProfile.byName(config.nbiotProfile())).withPowerSaving(ps)
                .withBatteryJ(config.batteryCapacityJ() == 0 ? Double.POSITIVE_INFINITY : config.batteryCapacityJ());
        NbiotListener listener = new NbiotListener() {
            @Override
            public void onEnergy(NbiotDevice device, PowerState state, long startUs, long endUs, double energyJ) {
                sink.energy((int) device.id(), state.name().toLowerCase(Locale.ROOT), startUs, endUs, energyJ);
            }

            @Override
            public void onUplinkBlock(NbiotDevice device, int tbsBits, long startUs, long endUs) {
                sink.uplinkBlock((int) device.id(), tbsBits / 8, startUs, endUs);
            }
        };
        this.devices = new NbiotDevice[clients];
        for (int i = 0; i < clients; i++) {
            devices[i] = new NbiotDevice(model, firstClient + i, cell, config.couplingLossDb(), settings, listener);
        }
    }

    NbiotDevice device(int client) {
        return devices[client - firstClient];
    }

    /** Broadcasts {@code bytes} to every device; {@code onDone} runs when the last one has it. */
    void broadcast(long bytes, Runnable onDone) {
        cell.broadcast(List.of(devices), bytes, onDone);
    }

    /** End-of-run energy by state: TX, RX, standby (connected and idle DRX/eDRX), sleep (PSM). */
    List<DeviceRecord> deviceRecords(long nowUs, double[] computeJ) {
        List<DeviceRecord> out = new ArrayList<>();
        for (NbiotDevice d : devices) {
            d.accountEnergyUntil(nowUs);
            double tx = d.energyJ(PowerState.TX);
            double rx = d.energyJ(PowerState.RX);
            double sleep = d.energyJ(PowerState.PSM);
            double standby = d.energyJ() - tx - rx - sleep;
            long depleted = d.battery() != null && d.battery().depletedAtUs() != Long.MAX_VALUE ? d.battery().depletedAtUs() : -1;
            // an NB-IoT module has no MCU meter here: its training energy is the per-MFLOP compute energy
            out.add(new DeviceRecord(d.name(), -1, tx, rx, standby, sleep, computeJ[(int) d.id()], 0, 0, 0, 0, depleted,
                    "nbiot"));
        }
        return out;
    }
}
