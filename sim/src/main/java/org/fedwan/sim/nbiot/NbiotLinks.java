package org.fedwan.sim.nbiot;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.channel.energy.McuProfile;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.NbiotPowerProfile;
import org.fedwan.channel.nbiot.PowerState;
import org.fedwan.results.EnergyState;
import org.fedwan.results.FrameOutcome;
import org.fedwan.results.LossCause;
import org.fedwan.sim.background.BackgroundSection;
import org.fedwan.sim.config.DeviceSection;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.link.BackgroundReport;
import org.fedwan.sim.link.ClientLink;
import org.fedwan.sim.link.DeviceStatus;
import org.fedwan.sim.link.LinkEvents;
import org.fedwan.sim.link.LinkGroup;
import org.fedwan.sim.link.Upload;
import org.fedwan.sim.nbiot.traffic.NbiotBackground;

/**
 * The clients of an FL run on one NB-IoT cell: they share its 180 kHz uplink carrier (round
 * robin), each device with its coupling loss, module power profile and power-saving timers, all
 * from {@link NbiotSection}. By default devices stay reachable after an upload for the longest
 * active timer T3324 allows (186 min, TS 24.008 GPRS timer 2), so that the model broadcast
 * (single-cell point-to-multipoint) does not find them in PSM; they fall back to PSM after it. Every joule is reported round by round as
 * energy in the state of the ledger its power state belongs to.
 */
public final class NbiotLinks implements LinkGroup {

    /** The protocol's name in scenarios and tables. */
    public static final String PROTOCOL = "nbiot";

    private final NbiotCell cell;
    private final Link[] links;
    private final List<NbiotDevice> devices;
    private final int firstClient;
    private final LinkEvents events;
    private final double supplyVoltageV;
    private final double txPowerDbm;
    /** The background sensors: extra UEs of the cell, or null. */
    private final NbiotBackground background;

    public NbiotLinks(Simulation simulation, Scenario scenario, int firstClient, int count, LinkEvents events) {
        this.firstClient = firstClient;
        this.events = events;
        NbiotSection config = scenario.section(NbiotSection.class);
        this.cell = new NbiotCell(simulation, config.link(NbiotLinkConfig.DEFAULT));
        double batteryJ = scenario.section(DeviceSection.class).batteryCapacityJ();
        NbiotPowerProfile profile = NbiotPowerProfile.byName(config.nbiotProfile());
        this.supplyVoltageV = profile.supplyVoltageV();
        this.txPowerDbm = profile.txOutputDbm();
        NbiotDeviceSettings settings = NbiotDeviceSettings.DEFAULT
                .withProfile(profile).withPowerSaving(config.powerSaving())
                .withBatteryJ(batteryJ == 0 ? Double.POSITIVE_INFINITY : batteryJ);
        NbiotListener listener = new NbiotListener() {
            @Override
            public void onUplinkBlock(NbiotDevice device, int tbsBits, long startUs, long endUs) {
                Link l = links[(int) device.id() - firstClient];
                events.uplinkFrame((int) device.id(), l.blocks++, startUs, endUs, tbsBits / 8, tbsBits / 8, 0,
                        FrameOutcome.DELIVERED);
            }

            @Override
            public void onFailure(NbiotDevice device, NbiotFailure failure, long atUs) {
                LossCause cause = failure.lossCause();
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
        BackgroundSection sensors = scenario.section(BackgroundSection.class);
        this.background = sensors.backgroundDevices() == 0 ? null : new NbiotBackground(simulation, cell,
                BackgroundSection.firstSensorId(firstClient, count), config.couplingLossDb(), profile,
                settings.batteryJ(), sensors);
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

    /**
     * Each device's power states up to now, by state of the ledger since the last report: TX, RX
     * (synchronisation, NPDCCH, NPDSCH, broadcast blocks), standby (connected idle, idle DRX and
     * eDRX), sleep (PSM); and the host MCU as {@code mcu_other}, active while the module is
     * transmitting, receiving or connected, asleep otherwise ({@link McuProfile#LOW_POWER_MCU} at
     * the module's supply voltage), drained from the battery here.
     */
    @Override
    public void reportEnergy(long nowUs) {
        for (Link l : links) {
            NbiotDevice d = l.device;
            int c = (int) d.id();
            d.accountEnergyUntil(nowUs);
            double[] now = new double[PowerState.values().length];
            for (PowerState p : PowerState.values()) {
                now[p.ordinal()] = d.energyJ(p);
            }
            report(c, EnergyState.TX, delta(now, l.reportedJ, PowerState.TX), l.reportedAtUs, nowUs, txPowerDbm);
            report(c, EnergyState.RX, delta(now, l.reportedJ, PowerState.RX), l.reportedAtUs, nowUs, Double.NaN);
            report(c, EnergyState.STANDBY, delta(now, l.reportedJ, PowerState.CONNECTED_IDLE, PowerState.IDLE_DRX,
                    PowerState.IDLE_EDRX), l.reportedAtUs, nowUs, Double.NaN);
            report(c, EnergyState.SLEEP, delta(now, l.reportedJ, PowerState.PSM), l.reportedAtUs, nowUs, Double.NaN);
            long awakeUs = d.timeUs(PowerState.TX) + d.timeUs(PowerState.RX) + d.timeUs(PowerState.CONNECTED_IDLE);
            long allUs = awakeUs + d.timeUs(PowerState.IDLE_DRX) + d.timeUs(PowerState.IDLE_EDRX) + d.timeUs(PowerState.PSM);
            double mcuJ = supplyVoltageV * (McuProfile.LOW_POWER_MCU.activeCurrentA() * (awakeUs - l.awakeUs)
                    + McuProfile.LOW_POWER_MCU.sleepCurrentA() * ((allUs - awakeUs) - (l.allUs - l.awakeUs))) * 1e-6;
            report(c, EnergyState.MCU_OTHER, mcuJ, l.reportedAtUs, nowUs, Double.NaN);
            d.drainBattery(nowUs, mcuJ);
            l.reportedJ = now;
            l.awakeUs = awakeUs;
            l.allUs = allUs;
            l.reportedAtUs = nowUs;
        }
    }

    private static double delta(double[] now, double[] before, PowerState... states) {
        double sum = 0;
        for (PowerState p : states) {
            sum += now[p.ordinal()] - before[p.ordinal()];
        }
        return sum;
    }

    private void report(int client, EnergyState state, double energyJ, long fromUs, long toUs, double powerDbm) {
        if (energyJ > 0) {
            events.energy(client, state, fromUs, toUs, energyJ, powerDbm);
        }
    }

    @Override
    public List<DeviceStatus> finish(long nowUs) {
        List<DeviceStatus> out = new ArrayList<>();
        for (NbiotDevice d : devices) {
            d.accountEnergyUntil(nowUs);
            long depleted = d.battery() != null && d.battery().depletedAtUs() != Long.MAX_VALUE ? d.battery().depletedAtUs() : -1;
            out.add(new DeviceStatus((int) d.id(), -1, d.timeUs(PowerState.TX), d.timeUs(PowerState.RX), 0, 0, depleted,
                    PROTOCOL));
        }
        return out;
    }

    @Override
    public int backgroundDevices() {
        return background == null ? 0 : background.devices();
    }

    @Override
    public BackgroundReport background(long nowUs) {
        return background == null ? BackgroundReport.NONE : background.report(nowUs);
    }

    /** One client's link: its device and who waits for its message. */
    private static final class Link implements ClientLink {
        private final NbiotDevice device;
        private Upload upload;
        private int blocks;
        private double[] reportedJ = new double[PowerState.values().length];
        private long awakeUs;
        private long allUs;
        private long reportedAtUs;

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
        public void chargeTraining(long nowUs, double energyJ) {
            device.drainBattery(nowUs, energyJ);
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
