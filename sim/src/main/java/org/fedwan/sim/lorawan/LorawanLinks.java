package org.fedwan.sim.lorawan;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.channel.energy.Energy;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.energy.RadioState;
import org.fedwan.channel.lora.SensitivityTable;
import org.fedwan.channel.lorawan.Fragmentation;
import org.fedwan.channel.lorawan.Reassembler;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.channel.reception.CaptureRule;
import org.fedwan.results.DeviceRecord;
import org.fedwan.results.LossCause;
import org.fedwan.sim.config.DeviceSection;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.link.ClientLink;
import org.fedwan.sim.link.LinkEvents;
import org.fedwan.sim.link.LinkGroup;
import org.fedwan.sim.link.Upload;

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

    public LorawanLinks(Simulation simulation, Scenario scenario, int firstClient, int count, LinkEvents events) {
        this.firstClient = firstClient;
        this.events = events;
        LorawanSection c = scenario.section(LorawanSection.class);
        this.radio = c.radioProfile();
        this.network = new LorawanNetwork(simulation, settings(c, scenario.section(DeviceSection.class).batteryCapacityJ(),
                Region.byName(c.region()), radio), count,
                firstClient, this::uplinkFrameEnded, this::broadcastFrameEnded);
        this.links = new Link[count];
        for (int i = 0; i < count; i++) {
            links[i] = new Link(network.device(i));
        }
        network.addListener(new NetworkListener() {
            @Override
            public void onMessageEnded(LorawanDevice device, int messageTag, long nowUs, boolean delivered,
                    int fragmentsMissing) {
                if (!delivered) {
                    Link l = links[device.index()];
                    l.lost(l.lastLoss == null ? LossCause.COLLISION : l.lastLoss);
                }
            }

            @Override
            public void onBatteryDepleted(LorawanDevice device, long depletedAtUs) {
                links[device.index()].lost(LossCause.BATTERY_DEPLETED);
            }
        });
    }

    /**
     * The network a scenario describes, as an FL run and {@code ./fedwan lorawan-net} build it.
     *
     * @param scenario a scenario of {@code org.fedwan.sim.Scenarios}' schema
     * @return the validated network settings
     */
    public static NetworkSettings networkSettings(Scenario scenario) {
        LorawanSection c = scenario.section(LorawanSection.class);
        return settings(c, scenario.section(DeviceSection.class).batteryCapacityJ(), Region.byName(c.region()),
                c.radioProfile());
    }

    /**
     * The network a run uses: the ideal link or the realistic one, with the run's data rates, duty
     * cycles, radio, frame overhead, SF policy, confirmed uplinks, fair use and battery; the
     * realistic link adds path loss, shadowing, placement, gateways, sensitivity tables,
     * interference and the gateways' radio.
     */
    static NetworkSettings settings(LorawanSection c, double batteryCapacityJ, Region region, RadioProfile radio) {
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
        }
        b.sfMarginDb = c.sfMarginDb();
        b.frameOverheadBytes = c.frameOverheadBytes();
        b.sfPolicy = c.sfPolicy();
        b.confirmed = c.confirmed();
        b.fairUse = c.fairUse();
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

    @Override
    public List<DeviceRecord> finish(long nowUs, double[] computeJ) {
        List<DeviceRecord> out = new ArrayList<>();
        for (Link l : links) {
            LorawanDevice d = l.device;
            DeviceEnergy e = d.energy(nowUs);
            out.add(new DeviceRecord(d.name(), d.dataRateIndex(), e.txJ(), e.rxJ(), e.standbyJ(), e.sleepJ(), e.mcuJ(),
                    e.txTimeUs(), e.rxTimeUs(), d.dutyCycleWaitUs(), d.fairUseWaitUs(),
                    e.depletedAtUs() == Long.MAX_VALUE ? -1 : e.depletedAtUs(), PROTOCOL));
        }
        return out;
    }

    private void uplinkFrameEnded(LorawanDevice sender, byte[] frmPayload, long startUs, long endUs, int phyPayloadBytes,
            FrameOutcome outcome) {
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
        private final LorawanDevice device;
        private Reassembler reassembler;
        private Upload upload;
        private LossCause lastLoss;

        Link(LorawanDevice device) {
            this.device = device;
        }

        @Override
        public void send(byte[] message, int tag, Upload upload) {
            this.reassembler = new Reassembler(tag);
            this.upload = upload;
            this.lastLoss = null;
            device.send(message, tag, () -> {
                Upload u = this.upload;
                this.upload = null;
                if (u != null) {
                    u.delivered(reassembler.message());
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
            device.setComputing(nowUs, busy);
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
