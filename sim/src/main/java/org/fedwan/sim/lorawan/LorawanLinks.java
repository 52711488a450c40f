package org.fedwan.sim.lorawan;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fedwan.channel.energy.Energy;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.energy.RadioState;
import org.fedwan.channel.fragmentation.FecLayout;
import org.fedwan.channel.lora.SensitivityTable;
import org.fedwan.channel.lorawan.Fragmentation;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.results.EnergyState;
import org.fedwan.channel.reception.CaptureRule;
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
import org.fedwan.sim.lorawan.traffic.LorawanBackground;

/**
 * The clients of an FL run on one LoRaWAN network: each client is a class A device that sends its
 * update as fragments (one frame at a time under its duty cycle); the server reassembles them
 * and broadcasts the global model by class C multicast. The channel is the ideal one (the network
 * only delays: no path loss, shadowing or collisions) or the realistic one, configured by the
 * {@link LorawanSection} keys (path loss, shadowing, placement, gateways, sensitivity tables,
 * interference). {@link #networkSettings} is also what {@code ./fedwan lorawan-net} runs.
 */
public final class LorawanLinks implements LinkGroup {

    /** The protocol's name in scenarios and tables. */
    public static final String PROTOCOL = "lorawan";

    private final LorawanNetwork network;
    private final int firstClient;
    private final Link[] links;
    private final LinkEvents events;
    private final RadioProfile radio;
    /** The background sensors: the network's devices after the clients. */
    private final LorawanBackground background;

    public LorawanLinks(Simulation simulation, Scenario scenario, int firstClient, int count, LinkEvents events) {
        this(simulation, scenario, firstClient, count, events, SensorEngine.BULK);
    }

    /**
     * @param engine how the background sensors are simulated: {@link SensorEngine#BULK} falls back to
     *               {@link SensorEngine#EVENTS} where the network's settings need it (confirmed, ADR, battery)
     */
    public LorawanLinks(Simulation simulation, Scenario scenario, int firstClient, int count, LinkEvents events,
            SensorEngine engine) {
        this.firstClient = firstClient;
        this.events = events;
        LorawanSection c = scenario.section(LorawanSection.class);
        this.radio = c.radioProfile();
        BackgroundSection sensors = scenario.section(BackgroundSection.class);
        int devices = count + sensors.backgroundDevices();
        NetworkSettings settings = settings(c, scenario.section(DeviceSection.class).batteryCapacityJ(),
                Region.byName(c.region()), radio, devices);
        boolean bulk = engine == SensorEngine.BULK && LorawanNetwork.bulkSensorsSupported(settings);
        this.network = bulk
                ? new LorawanNetwork(simulation, settings, count, firstClient, this::uplinkFrameEnded,
                        this::broadcastFrameEnded, sensors)
                : new LorawanNetwork(simulation, settings, devices, firstClient, this::uplinkFrameEnded,
                        this::broadcastFrameEnded);
        this.links = new Link[count];
        long jitterUs = c.link() == ChannelModel.REALISTIC ? Math.round(c.startJitterS() * 1e6) : 0;
        for (int i = 0; i < count; i++) {
            links[i] = new Link(simulation, network.device(i), jitterUs);
        }
        network.addListener(new NetworkListener() {
            @Override
            public void onMessageEnded(LorawanDevice device, int messageTag, long nowUs, boolean delivered,
                    int fragmentsMissing) {
                if (!delivered && device.index() < links.length) {
                    Link l = links[device.index()];
                    l.lost(l.lastLoss == null ? LossCause.COLLISION : l.lastLoss);
                }
            }

            @Override
            public void onFragmentFeedback(LorawanDevice device, long startUs, long endUs, int window, int phyPayloadBytes,
                    int frmPayloadBytes, int round, long listenUs, boolean received, boolean heard) {
                feedbackFrameEnded(device, startUs, endUs, phyPayloadBytes, frmPayloadBytes, round, listenUs, received, heard);
            }

            @Override
            public void onBatteryDepleted(LorawanDevice device, long depletedAtUs) {
                if (device.index() < links.length) {
                    links[device.index()].lost(LossCause.BATTERY_DEPLETED);
                }
            }
        });
        this.background = sensors.backgroundDevices() == 0 ? null : new LorawanBackground(network, count, sensors);
    }

    /**
     * The network a scenario describes, as an FL run and {@code ./fedwan lorawan-net} build it.
     *
     * @param scenario    a scenario of {@code org.fedwan.sim.Scenarios}' schema
     * @param deviceCount devices of the network (the ideal link gives its gateway one demodulator per device)
     * @return the validated network settings
     */
    public static NetworkSettings networkSettings(Scenario scenario, int deviceCount) {
        LorawanSection c = scenario.section(LorawanSection.class);
        return settings(c, scenario.section(DeviceSection.class).batteryCapacityJ(), Region.byName(c.region()),
                c.radioProfile(), deviceCount);
    }

    /**
     * The network a run uses: the ideal link or the realistic one, with the run's data rates, duty
     * cycles, radio, frame overhead, SF policy, confirmed uplinks, fair use and battery; the
     * realistic link adds path loss, shadowing, placement, gateways, sensitivity tables,
     * interference and the gateways' radio.
     */
    static NetworkSettings settings(LorawanSection c, double batteryCapacityJ, Region region, RadioProfile radio,
            int deviceCount) {
        NetworkSettings.Builder b = NetworkSettings.idealLink(region, c.dataRate(), c.broadcastDataRate(), radio,
                c.dutyCycle(), c.gatewayDutyCycle()).toBuilder();
        if (c.link() == ChannelModel.REALISTIC) {
            b.radiusM = c.radiusM();
            b.pathLoss = c.pathLossModel(region);
            b.shadowingSigmaDb = c.shadowingSigmaDb();
            b.shadowingPerFrame = c.shadowingPerFrame();
            b.interference = c.interference();
            b.captureRule = new CaptureRule(c.captureThresholdDb(), c.preambleRescueSymbols());
            b.gateways = c.gateways();
            b.gatewayPositions = c.gatewayPositionList();
            b.placement = c.placement();
            b.gridSpacingM = c.gridSpacingM();
            b.gatewaySensitivity = SensitivityTable.byName(c.gatewaySensitivity());
            b.deviceSensitivity = SensitivityTable.byName(c.deviceSensitivity());
            b.demodulatorPaths = c.demodulatorPaths();
            b.gatewayTxPowerDbm = c.gatewayTxPowerDbm();
            b.channels = c.channels();
        } else {
            // the ideal link loses nothing: as many demodulators as devices, and a gateway that hears while it sends
            b.demodulatorPaths = Math.max(b.demodulatorPaths, deviceCount);
            b.gatewayHalfDuplex = false;
        }
        b.sfMarginDb = c.sfMarginDb();
        b.frameOverheadBytes = c.frameOverheadBytes();
        b.sfPolicy = c.sfPolicy();
        b.confirmed = c.confirmed();
        b.fairUse = c.fairUse();
        b.recovery = c.recoverySettings();
        b.batteryCapacityJ = batteryCapacityJ == 0 ? Double.POSITIVE_INFINITY : batteryCapacityJ;
        return b.build();
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

    @Override
    public void broadcast(byte[] message, int tag, Runnable onDone) {
        network.multicast(message, tag, onDone);
    }

    /**
     * Each device's meter up to now, by state since the last report: TX (at the radio's power),
     * RX windows, class C listening, standby, sleep, and the MCU (active while the radio is awake,
     * asleep otherwise) as {@code mcu_other}.
     */
    @Override
    public void reportEnergy(long nowUs) {
        for (Link l : links) {
            DeviceEnergy e = l.device.energy(nowUs);
            int c = firstClient + l.device.index();
            report(c, EnergyState.TX, e.txJ() - l.reported.txJ(), l.reportedAtUs, nowUs, radio.txPowerDbm());
            report(c, EnergyState.RX, e.rxJ() - l.reported.rxJ(), l.reportedAtUs, nowUs, Double.NaN);
            report(c, EnergyState.LISTEN, e.listenJ() - l.reported.listenJ(), l.reportedAtUs, nowUs, Double.NaN);
            report(c, EnergyState.STANDBY, e.standbyJ() - l.reported.standbyJ(), l.reportedAtUs, nowUs, Double.NaN);
            report(c, EnergyState.SLEEP, e.sleepJ() - l.reported.sleepJ(), l.reportedAtUs, nowUs, Double.NaN);
            report(c, EnergyState.MCU_OTHER, e.mcuJ() - l.reported.mcuJ(), l.reportedAtUs, nowUs, Double.NaN);
            l.reported = e;
            l.reportedAtUs = nowUs;
        }
    }

    private void report(int client, EnergyState state, double energyJ, long fromUs, long toUs, double txPowerDbm) {
        if (energyJ > 0) {
            events.energy(client, state, fromUs, toUs, energyJ, txPowerDbm);
        }
    }

    @Override
    public List<DeviceStatus> finish(long nowUs) {
        List<DeviceStatus> out = new ArrayList<>();
        for (Link l : links) {
            LorawanDevice d = l.device;
            DeviceEnergy e = d.energy(nowUs);
            out.add(new DeviceStatus(firstClient + d.index(), d.dataRateIndex(), e.txTimeUs(), e.rxTimeUs(),
                    d.dutyCycleWaitUs(), d.fairUseWaitUs(), e.depletedAtUs() == Long.MAX_VALUE ? -1 : e.depletedAtUs(),
                    PROTOCOL));
        }
        return out;
    }

    private void uplinkFrameEnded(LorawanDevice sender, byte[] frmPayload, long startUs, long endUs, int phyPayloadBytes,
            FrameOutcome outcome) {
        if (sender.index() >= links.length) {
            return; // a background sensor's packet (LorawanBackground counts it)
        }
        Link l = links[sender.index()];
        if (outcome.delivered()) {
            if (l.reassembler != null) {
                l.reassembler.accept(frmPayload);
            }
        } else {
            l.lastLoss = LossCause.of(outcome.asResult());
        }
        events.uplinkFrame(firstClient + sender.index(), Fragmentation.fragmentIndex(frmPayload), startUs, endUs,
                phyPayloadBytes, frmPayload.length, sender.txEnergyJ(phyPayloadBytes), outcome.asResult());
    }

    /** An ARQ feedback downlink: a row with the device's receive energy for the window it listened. */
    private void feedbackFrameEnded(LorawanDevice device, long startUs, long endUs, int phyPayloadBytes, int frmPayloadBytes,
            int round, long listenUs, boolean received, boolean heard) {
        double rxEnergyJ = Energy.joules(radio.supplyVoltageV(), radio.currentA(RadioState.RX), listenUs);
        events.downlinkFrame(firstClient + device.index(), round, startUs, endUs, phyPayloadBytes, frmPayloadBytes,
                rxEnergyJ, FragmentFeedback.rowOutcome(received, heard));
    }

    @Override
    public int backgroundDevices() {
        return background == null ? 0 : background.devices();
    }

    @Override
    public BackgroundReport background(long nowUs) {
        return background == null ? BackgroundReport.NONE : background.report(nowUs);
    }

    private void broadcastFrameEnded(byte[] frmPayload, long startUs, long endUs, int phyPayloadBytes) {
        events.broadcastSent(phyPayloadBytes);
        double rxEnergyJ = Energy.joules(radio.supplyVoltageV(), radio.currentA(RadioState.RX), endUs - startUs);
        int index = Fragmentation.fragmentIndex(frmPayload);
        for (Link l : links) {
            events.downlinkFrame(firstClient + l.device.index(), index, startUs, endUs, phyPayloadBytes, frmPayload.length,
                    rxEnergyJ);
        }
    }

    /** One client's link: its device, the server's copy of its message, and who waits for it. */
    private static final class Link implements ClientLink {
        private final Simulation simulation;
        private final LorawanDevice device;
        private final long jitterUs;
        private final RandomGenerator jitter;
        /** A message waiting for its random start, or null. */
        private Runnable waiting;
        private DeviceEnergy reported = new DeviceEnergy(0, 0, 0, 0, 0, 0, 0, 0, Long.MAX_VALUE);
        private long reportedAtUs;
        private MessageCollector reassembler;
        private Upload upload;
        private LossCause lastLoss;

        Link(Simulation simulation, LorawanDevice device, long jitterUs) {
            this.simulation = simulation;
            this.device = device;
            this.jitterUs = jitterUs;
            this.jitter = simulation.streams().of(device.id(), "start-jitter");
        }

        @Override
        public void send(byte[] message, int tag, Upload upload) {
            this.reassembler = MessageCollector.plain(tag);
            this.upload = upload;
            this.lastLoss = null;
            if (device.isDead()) {
                lost(LossCause.BATTERY_DEPLETED);
                return;
            }
            Runnable start = () -> {
                FecLayout layout = device.jobs().fecLayout(message.length);
                if (layout != null) {
                    reassembler = MessageCollector.fec(layout, tag);
                }
                device.send(message, tag, () -> {
                    Upload u = this.upload;
                    this.upload = null;
                    if (u != null) {
                        u.delivered(reassembler.message());
                    }
                });
            };
            if (jitterUs == 0) {
                start.run();
                return;
            }
            waiting = start;
            Runnable thisStart = start;
            simulation.scheduler().schedule(simulation.nowUs() + jitter.nextLong(jitterUs), 0, () -> {
                if (waiting == thisStart) {
                    waiting = null;
                    thisStart.run();
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
            waiting = null;
            device.abort();
        }

        @Override
        public boolean isSending() {
            return waiting != null || device.isSending();
        }

        @Override
        public void chargeTraining(long nowUs, double energyJ) {
            device.drainBattery(nowUs, energyJ);
        }

        @Override
        public long waitingTimeUs() {
            return device.dutyCycleWaitUs();
        }

        @Override
        public boolean batteryEmpty(long nowUs) {
            return device.isDead();
        }
    }
}
