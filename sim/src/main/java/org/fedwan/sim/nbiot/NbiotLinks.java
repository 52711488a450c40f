package org.fedwan.sim.nbiot;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.NbiotPowerProfile;
import org.fedwan.channel.nbiot.PowerSavingConfig;
import org.fedwan.channel.nbiot.PowerState;
import org.fedwan.results.DeviceRecord;
import org.fedwan.results.EnergyState;
import org.fedwan.results.FrameOutcome;
import org.fedwan.results.LossCause;
import org.fedwan.sim.config.DeviceSection;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.link.ClientLink;
import org.fedwan.sim.link.LinkEvents;
import org.fedwan.sim.link.LinkGroup;
import org.fedwan.sim.link.Upload;

/**
 * The clients of an FL run on one NB-IoT cell: they share its 180 kHz uplink carrier (round
 * robin), each device with its coupling loss, module power profile and power-saving timers.
 * Devices stay reachable after an upload for the longest active timer T3324 allows (186 min,
 * TS 24.008 GPRS timer 2), so that the model broadcast (single-cell point-to-multipoint) does not
 * find them in PSM; they fall back to PSM after it. Every joule is reported interval by interval
 * as energy in the device's power state.
 */
public final class NbiotLinks implements LinkGroup {

    /** The protocol's name in scenarios and tables. */
    public static final String PROTOCOL = "nbiot";

    /** Longest T3324 active time: 31 x 6 min (TS 24.008 table 10.5.163a, GPRS timer 2, unit 6 min). */
    private static final long MAX_T3324_US = 186L * 60 * 1_000_000;

    private final NbiotCell cell;
    private final Link[] links;
    private final List<NbiotDevice> devices;
    private final int firstClient;
    private final LinkEvents events;

    public NbiotLinks(Simulation simulation, Scenario scenario, int firstClient, int count, LinkEvents events) {
        this.firstClient = firstClient;
        this.events = events;
        this.cell = new NbiotCell(simulation, NbiotLinkConfig.DEFAULT);
        PowerSavingConfig ps = PowerSavingConfig.DEFAULT;
        ps = new PowerSavingConfig(ps.inactivityTimerUs(), ps.releaseAssistance(), ps.drxCycleUs(), ps.edrxCycleUs(),
                ps.psmEnabled(), MAX_T3324_US, Math.max(ps.t3412Us(), 2 * MAX_T3324_US));
        NbiotSection config = scenario.section(NbiotSection.class);
        double batteryJ = scenario.section(DeviceSection.class).batteryCapacityJ();
        NbiotDeviceSettings settings = NbiotDeviceSettings.DEFAULT
                .withProfile(NbiotPowerProfile.byName(config.nbiotProfile())).withPowerSaving(ps)
                .withBatteryJ(batteryJ == 0 ? Double.POSITIVE_INFINITY : batteryJ);
        NbiotListener listener = new NbiotListener() {
            @Override
            public void onEnergy(NbiotDevice device, PowerState state, long startUs, long endUs, double energyJ) {
                events.energy((int) device.id(), EnergyState.valueOf(state.name()), startUs, endUs, energyJ);
            }

            @Override
            public void onUplinkBlock(NbiotDevice device, int tbsBits, long startUs, long endUs) {
                Link l = links[(int) device.id() - firstClient];
                events.uplinkFrame((int) device.id(), l.blocks++, startUs, endUs, tbsBits / 8, tbsBits / 8, 0,
                        FrameOutcome.DELIVERED);
            }

            @Override
            public void onFailure(NbiotDevice device, NbiotFailure failure, long atUs) {
                LossCause cause = switch (failure) {
                    case BATTERY_DEPLETED -> LossCause.BATTERY_DEPLETED;
                    case RANDOM_ACCESS_FAILED -> LossCause.RANDOM_ACCESS_FAILED;
                    case OUT_OF_COVERAGE -> LossCause.OUT_OF_COVERAGE;
                    case BROADCAST_MISSED, DOWNLINK_LOST -> null;
                };
                if (cause != null) {
                    links[(int) device.id() - firstClient].lost(cause);
                }
            }
        };
        this.links = new Link[count];
        List<NbiotDevice> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            NbiotDevice d = new NbiotDevice(simulation, firstClient + i, cell, config.couplingLossDb(), settings, listener);
            links[i] = new Link(d);
            all.add(d);
        }
        this.devices = List.copyOf(all);
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public int firstClient() {
        return firstClient;
    }

    @Override
    public int size() {
        return links.length;
    }

    @Override
    public ClientLink link(int client) {
        return links[client - firstClient];
    }

    /** Single-cell point-to-multipoint: one transmission of the message, counted once. */
    @Override
    public void broadcast(byte[] message, int tag, Runnable onDone) {
        events.broadcastSent(message.length);
        cell.broadcast(devices, message.length, onDone);
    }

    /** Energy by state: TX, RX, standby (connected and idle DRX/eDRX), sleep (PSM). */
    @Override
    public List<DeviceRecord> finish(long nowUs, double[] computeJ) {
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
                    PROTOCOL));
        }
        return out;
    }

    /** One client's link: its device and who waits for its message. */
    private static final class Link implements ClientLink {
        private final NbiotDevice device;
        private Upload upload;
        private int blocks;

        Link(NbiotDevice device) {
            this.device = device;
        }

        @Override
        public void send(byte[] message, int tag, Upload upload) {
            this.upload = upload;
            this.blocks = 0;
            device.send(message, tag, () -> {
                Upload u = this.upload;
                this.upload = null;
                if (u != null) {
                    u.delivered(message);
                }
            });
        }

        void lost(LossCause cause) {
            Upload u = upload;
            upload = null;
            if (u != null) {
                u.lost(cause);
            }
        }

        @Override
        public void abort() {
            upload = null;
            device.abort();
        }

        @Override
        public boolean isSending() {
            return device.isSending();
        }

        @Override
        public void setComputing(long nowUs, boolean busy) {
            // the module's power states are its whole energy model; training energy is charged per MFLOP
        }

        @Override
        public long waitingTimeUs() {
            return 0;
        }

        @Override
        public boolean batteryEmpty(long nowUs) {
            return device.battery() != null && device.battery().depletedAtUs() <= nowUs;
        }
    }
}
