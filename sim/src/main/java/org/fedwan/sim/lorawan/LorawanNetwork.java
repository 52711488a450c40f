package org.fedwan.sim.lorawan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lora.LoraTxParams;
import org.fedwan.channel.lorawan.Channel;
import org.fedwan.channel.lorawan.DataRate;
import org.fedwan.channel.lorawan.DataRateAssignment;
import org.fedwan.channel.lorawan.LorawanFrame;
import org.fedwan.channel.lorawan.ReceiveWindows;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.channel.propagation.LinkBudget;
import org.fedwan.channel.propagation.Placement;
import org.fedwan.channel.propagation.Position;
import org.fedwan.channel.propagation.Shadowing;
import org.fedwan.sim.background.BackgroundSection;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.link.BackgroundReport;

/**
 * One LoRaWAN network inside a {@link Simulation}: devices, gateways, the shared radio medium and the
 * network server, built from {@link NetworkSettings}. The network-only runs
 * ({@code org.fedwan.sim.lorawan}) and the FL co-simulation use this same class and its
 * entities.
 *
 * <p>Geometry is fixed at construction: device {@code i} draws its position from its own stream
 * {@code (i, "placement")} (or takes the listed one), gateways stand on a sunflower spiral in the
 * disc (the first at the origin) or at listed positions, and the median path loss of every
 * device-gateway pair is computed once. Per-frame shadowing comes from the sending device's
 * {@code "shadowing"} stream (uplinks) or {@code "downlink-shadowing"} stream (downlinks).
 *
 * <p>Entity ids: devices {@code 0..n-1}, gateways {@value #GATEWAY_ID_BASE}{@code - g}, the
 * network server {@value #SERVER_ID}.
 */
public final class LorawanNetwork {

    /** Entity id of gateway 0; gateway {@code g} has {@code GATEWAY_ID_BASE - g}. */
    public static final long GATEWAY_ID_BASE = -1_000L;
    /** Entity id of the network server. */
    public static final long SERVER_ID = -2L;

    private static final NetworkListener[] NO_LISTENERS = new NetworkListener[0];

    private final Simulation model;
    private final NetworkSettings settings;
    private final Region region;
    private final FrameSink uplinkSink;
    private final BroadcastSink broadcastSink;
    private final NetworkStats stats = new NetworkStats();
    private NetworkListener[] listeners = NO_LISTENERS;

    private final List<Channel> channels;
    private final int[][] channelSlotsByDataRate;
    private final int[] subBandSlotOfChannel;
    private final long[] dwellLimitOfChannel;
    private final int subBandSlots;
    private final List<Integer> channelDataRates;

    private final LoraTxParams[] uplinkParams;
    private final long[] symbolTimeUs;
    private final double[] gatewaySensitivityDbm;
    private final long[] emptyRx1Us;
    private final long emptyRx2Us;
    private final int[] maxFrmPayloadBytes;

    private final Gateway[] gateways;
    private final List<Gateway> gatewayList;
    private final LorawanDevice[] devices;
    private final List<LorawanDevice> deviceList;
    /** The devices a class C multicast reaches: the first ones (FL clients), not background sensors. */
    private List<LorawanDevice> multicastMembers;
    private final double[] pathLossDb;
    private final RadioMedium medium;
    private final DownlinkMedium downlinkMedium;
    private final NetworkServer server;
    private final Shadowing shadowing;
    private final int firstDeviceId;
    /** Background sensors simulated in bulk, or null. */
    private final SensorField sensorField;

    /**
     * Builds a network without sinks (network-only runs).
     *
     * @param model       the model whose scheduler and streams the entities use
     * @param settings    the network's settings
     * @param deviceCount number of devices, at least 1
     */
    public LorawanNetwork(Simulation model, NetworkSettings settings, int deviceCount) {
        this(model, settings, deviceCount, null, null);
    }

    /**
     * @param model         the model whose scheduler and streams the entities use
     * @param settings      the network's settings
     * @param deviceCount   number of devices, at least 1
     * @param uplinkSink    receives every uplink frame that carried application bytes, or null
     * @param broadcastSink receives every class C multicast frame, or null
     */
    public LorawanNetwork(Simulation model, NetworkSettings settings, int deviceCount, FrameSink uplinkSink,
                          BroadcastSink broadcastSink) {
        this(model, settings, deviceCount, 0, uplinkSink, broadcastSink);
    }

    /**
     * @param model         the simulation whose scheduler and streams the entities use
     * @param settings      the network's settings
     * @param deviceCount   number of devices, at least 1
     * @param firstDeviceId entity id (and random-stream key) of device 0; device {@code i} is
     *                      {@code dev-(firstDeviceId + i)}, so networks sharing a simulation draw apart
     * @param uplinkSink    receives every uplink frame that carried application bytes, or null
     * @param broadcastSink receives every class C multicast frame, or null
     */
    public LorawanNetwork(Simulation model, NetworkSettings settings, int deviceCount, int firstDeviceId,
                          FrameSink uplinkSink, BroadcastSink broadcastSink) {
        this(model, settings, deviceCount, firstDeviceId, uplinkSink, broadcastSink, null);
    }

    /**
     * A network whose background sensors are simulated in bulk ({@link SensorEngine#BULK}): they are
     * placed after the devices (indices {@code deviceCount ..}, entity ids and streams continuing
     * the devices'), take their data rate from the same SF policy and share the channel, but are not
     * {@link LorawanDevice}s; {@link #sensorReport} reports them.
     *
     * @param model         the simulation whose scheduler and streams the entities use
     * @param settings      the network's settings; {@link #bulkSensorsSupported} must hold if there are sensors
     * @param deviceCount   number of devices (FL clients), at least 1
     * @param firstDeviceId entity id (and random-stream key) of device 0
     * @param uplinkSink    receives every device uplink frame that carried application bytes, or null
     * @param broadcastSink receives every class C multicast frame, or null
     * @param sensors       the sensors' keys, or null for none
     */
    public LorawanNetwork(Simulation model, NetworkSettings settings, int deviceCount, int firstDeviceId,
                          FrameSink uplinkSink, BroadcastSink broadcastSink, BackgroundSection sensors) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        if (deviceCount < 1) {
            throw new IllegalArgumentException("deviceCount = " + deviceCount + " is not allowed; allowed: >= 1");
        }
        int sensorCount = sensors == null ? 0 : sensors.backgroundDevices();
        if (sensorCount > 0 && !bulkSensorsSupported(settings)) {
            throw new IllegalArgumentException("bulk sensors need unconfirmed uplinks, a fixed data rate and no battery "
                    + "limit; these settings have confirmed = " + settings.confirmed() + ", sfPolicy = "
                    + settings.sfPolicy() + ", batteryCapacityJ = " + settings.batteryCapacityJ());
        }
        int placed = deviceCount + sensorCount;
        if (settings.placement() == PlacementKind.LISTED && settings.devicePositions().size() != placed) {
            throw new IllegalArgumentException("devicePositions has " + settings.devicePositions().size()
                    + " entries; allowed: exactly the " + placed + " devices under placement LISTED");
        }
        if (firstDeviceId < 0) {
            throw new IllegalArgumentException("firstDeviceId = " + firstDeviceId + " is not allowed; allowed: >= 0");
        }
        this.firstDeviceId = firstDeviceId;
        this.region = settings.region();
        this.uplinkSink = uplinkSink;
        this.broadcastSink = broadcastSink;
        this.shadowing = new Shadowing(settings.shadowingSigmaDb());

        this.channels = settings.channels() == 0 ? region.defaultChannels()
                : region.defaultChannels().subList(0, settings.channels());
        this.subBandSlots = region.subBands().size() + 1;
        this.subBandSlotOfChannel = new int[channels.size()];
        this.dwellLimitOfChannel = new long[channels.size()];
        for (int s = 0; s < channels.size(); s++) {
            Channel c = channels.get(s);
            subBandSlotOfChannel[s] = subBandSlotOf(c.frequencyHz());
            dwellLimitOfChannel[s] = c.dwellTimeLimited() ? region.dwellTimeLimitUs() : 0L;
        }
        int drCount = region.dataRates().size();
        this.channelSlotsByDataRate = new int[drCount][];
        this.uplinkParams = new LoraTxParams[drCount];
        this.symbolTimeUs = new long[drCount];
        this.gatewaySensitivityDbm = new double[drCount];
        this.emptyRx1Us = new long[drCount];
        this.maxFrmPayloadBytes = new int[drCount];
        for (int dr = 0; dr < drCount; dr++) {
            DataRate rate = region.dataRate(dr);
            List<Integer> slots = new ArrayList<>();
            for (int s = 0; s < channels.size(); s++) {
                if (channels.get(s).allows(dr)) {
                    slots.add(s);
                }
            }
            channelSlotsByDataRate[dr] = slots.stream().mapToInt(Integer::intValue).toArray();
            uplinkParams[dr] = rate.uplinkParams();
            symbolTimeUs[dr] = LoraPhy.symbolTimeUs(uplinkParams[dr]);
            gatewaySensitivityDbm[dr] = settings.gatewaySensitivity().sensitivityDbm(rate.spreadingFactor(),
                    rate.bandwidthHz());
            int rx1Dr = region.rx1DataRateIndex(dr, settings.rx1DrOffset());
            emptyRx1Us[dr] = ReceiveWindows.emptyWindowUs(region.downlinkDataRate(rx1Dr).downlinkParams());
            maxFrmPayloadBytes[dr] = LorawanFrame.maxFrmPayloadBytes(rate, 0);
        }
        this.emptyRx2Us = ReceiveWindows.emptyWindowUs(
                region.downlinkDataRate(settings.effectiveRx2DataRate()).downlinkParams());
        List<Integer> usable = new ArrayList<>();
        for (int dr : region.channelDataRates()) {
            if (channelSlotsByDataRate[dr].length > 0) {
                usable.add(dr);
            }
        }
        this.channelDataRates = List.copyOf(usable);
        if (channelDataRates.isEmpty()
                || settings.sfPolicy() == SfPolicy.FIXED && !channelDataRates.contains(settings.fixedDataRate())) {
            throw new IllegalArgumentException("fixedDataRate = " + settings.fixedDataRate() + " has no channel among the "
                    + channels.size() + " used; allowed: " + channelDataRates);
        }

        List<Position> gatewayPositions = settings.gatewayPositions().isEmpty()
                ? Placement.sunflower(settings.gateways(), settings.radiusM()) : settings.gatewayPositions();
        this.gateways = new Gateway[settings.gateways()];
        for (int g = 0; g < gateways.length; g++) {
            gateways[g] = new Gateway(this, g, gatewayPositions.get(g));
        }
        this.gatewayList = List.of(gateways);
        this.medium = new RadioMedium(this, gateways, channels.size());
        this.downlinkMedium = new DownlinkMedium(this);
        this.server = new NetworkServer(this, deviceCount);

        List<Position> grid = settings.placement() == PlacementKind.GRID
                ? Placement.grid(placed, settings.gridSpacingM()) : List.of();
        int gws = gateways.length;
        this.pathLossDb = new double[placed * gws];
        this.devices = new LorawanDevice[deviceCount];
        int[] sensorDataRates = new int[sensorCount];
        // the SF policy's table: the gateway's (link budget, as LoRaSim) or the end device's (ns-3 SetSpreadingFactorsUp)
        DataRateAssignment.Thresholds sfThresholds = new DataRateAssignment.Thresholds(region, channelDataRates,
                settings.sfPolicy() == SfPolicy.DEVICE_TABLE ? settings.deviceSensitivity() : settings.gatewaySensitivity(),
                settings.sfMarginDb());
        // drawn at set-up only: one generator repositioned at each device's stream (RandomStreams.reuse)
        RandomGenerator placementRng = null;
        RandomGenerator staticShadow = null;
        for (int i = 0; i < placed; i++) {
            if (settings.placement() == PlacementKind.DISC) {
                placementRng = model.streams().reuse(placementRng, firstDeviceId + i, "placement");
            }
            Position p = switch (settings.placement()) {
                case DISC -> Placement.uniformInDisc(settings.radiusM(), placementRng);
                case GRID -> grid.get(i);
                case LISTED -> settings.devicePositions().get(i);
            };
            double bestRxDbm = Double.NEGATIVE_INFINITY;
            if (!settings.shadowingPerFrame()) {
                staticShadow = model.streams().reuse(staticShadow, firstDeviceId + i, "static-shadowing");
            }
            for (int g = 0; g < gws; g++) {
                double loss = settings.pathLoss().pathLossDb(p.distanceM(gateways[g].position()));
                if (!settings.shadowingPerFrame()) {
                    loss += shadowing.drawDb(staticShadow);
                }
                pathLossDb[i * gws + g] = loss;
                bestRxDbm = Math.max(bestRxDbm, LinkBudget.rxPowerDbm(settings.txPowerDbm(),
                        settings.deviceAntennaGainDbi(), settings.gatewayAntennaGainDbi(), loss, 0.0));
            }
            int dr = switch (settings.sfPolicy()) {
                case FIXED -> settings.fixedDataRate();
                case LINK_BUDGET, DEVICE_TABLE -> sfThresholds.fastestClosing(bestRxDbm);
                case ADR -> channelDataRates.get(0);
            };
            if (i < deviceCount) {
                devices[i] = new LorawanDevice(this, i, p, dr);
                server.register(devices[i]);
            } else {
                sensorDataRates[i - deviceCount] = dr;
            }
        }
        this.deviceList = List.of(devices);
        this.multicastMembers = deviceList;
        this.sensorField = sensorCount == 0 ? null : new SensorField(this, deviceCount, sensorDataRates, sensors);
        medium.attach(sensorField);
    }

    /**
     * Whether background sensors of networks with these settings can be simulated in bulk
     * ({@link SensorEngine#BULK}): unconfirmed uplinks, no ADR, no battery limit.
     *
     * @param settings the network's settings
     * @return true if so
     */
    public static boolean bulkSensorsSupported(NetworkSettings settings) {
        return SensorField.supports(settings);
    }

    /** @return the number of sensors simulated in bulk (0 when the network has none) */
    public int bulkSensors() {
        return sensorField == null ? 0 : sensorField.count();
    }

    /**
     * The bulk sensors' packets, losses and energy up to {@code nowUs} (their actions up to then are played).
     *
     * @param nowUs the end of the run, µs
     * @return the report ({@link BackgroundReport#NONE} without bulk sensors)
     */
    public BackgroundReport sensorReport(long nowUs) {
        return sensorField == null ? BackgroundReport.NONE : sensorField.report(nowUs);
    }

    // ------------------------------------------------------------------ public API

    /** @return the simulation the network's entities belong to */
    public Simulation simulation() {
        return model;
    }

    /** @return the entity id of device 0 */
    public int firstDeviceId() {
        return firstDeviceId;
    }

    /** @return the settings */
    public NetworkSettings settings() {
        return settings;
    }

    /** @return running totals */
    public NetworkStats stats() {
        return stats;
    }

    /** @return the devices, by index */
    public List<LorawanDevice> devices() {
        return deviceList;
    }

    /**
     * @param i device index
     * @return the device
     */
    public LorawanDevice device(int i) {
        return devices[i];
    }

    /** @return the gateways, by index */
    public List<Gateway> gateways() {
        return gatewayList;
    }

    /**
     * @param g gateway index
     * @return the gateway
     */
    public Gateway gateway(int g) {
        return gateways[g];
    }

    /** @return number of gateways */
    public int gatewayCount() {
        return gateways.length;
    }

    /** @return the network server */
    public NetworkServer server() {
        return server;
    }

    /**
     * Registers a listener for PHY/MAC events from now on.
     *
     * @param listener the listener
     */
    public void addListener(NetworkListener listener) {
        Objects.requireNonNull(listener, "listener is null");
        NetworkListener[] grown = Arrays.copyOf(listeners, listeners.length + 1);
        grown[listeners.length] = listener;
        listeners = grown;
    }

    /**
     * Sends {@code message} to every device by class C multicast (FUOTA-style): each fragment is
     * transmitted by every gateway at once on the RX2 frequency at the multicast data rate, as
     * soon as every gateway's duty cycle allows; devices listen (RX) from now until the last
     * frame ends. {@code onSent} runs after the last frame.
     *
     * @param message    the bytes to send
     * @param messageTag fragment tag, 0..255
     * @param onSent     run once after the last frame
     */
    public void multicast(byte[] message, int messageTag, Runnable onSent) {
        server.multicast(Objects.requireNonNull(message, "message is null"), messageTag,
                Objects.requireNonNull(onSent, "onSent is null"));
    }

    /**
     * Limits class C multicast sessions to devices {@code 0 .. members - 1} (FL clients; the other
     * devices are class A sensors that never listen). Every device is a member until this is called.
     *
     * @param members devices in the multicast group, 1 .. device count
     */
    public void limitMulticastTo(int members) {
        if (members < 1 || members > devices.length) {
            throw new IllegalArgumentException("members = " + members + " is not allowed; allowed: 1.." + devices.length);
        }
        multicastMembers = deviceList.subList(0, members);
    }

    /** @return true while a multicast session runs */
    public boolean multicastActive() {
        return server.multicastActive();
    }

    /**
     * Closes every device's energy interval at {@code nowUs} (call at the end of a run before
     * reading energies; devices whose battery emptied meanwhile are reported then).
     *
     * @param nowUs current time, µs
     */
    public void finish(long nowUs) {
        for (LorawanDevice d : devices) {
            d.finish(nowUs);
        }
    }

    /**
     * Ends the traffic of a network-only run: no device starts a new attempt from now on; frames
     * on the air and their receive windows finish when the scheduler runs on.
     *
     * @return packets that never went on the air
     */
    public long close() {
        long unsent = 0;
        for (LorawanDevice d : devices) {
            unsent += d.close();
        }
        return unsent;
    }

    /**
     * @param dataRate uplink data rate index
     * @param phyPayloadBytes PHY payload
     * @return uplink time on air, µs
     */
    public long uplinkAirtimeUs(int dataRate, int phyPayloadBytes) {
        return LoraPhy.timeOnAirUs(phyPayloadBytes, uplinkParams[dataRate]);
    }

    /**
     * @param device  device index
     * @param gateway gateway index
     * @return median path loss of the pair (plus its static shadowing when not drawn per frame), dB
     */
    public double pathLossDb(int device, int gateway) {
        return pathLossDb[device * gateways.length + gateway];
    }

    // ------------------------------------------------------------------ engine internals

    List<LorawanDevice> multicastMembers() {
        return multicastMembers;
    }

    NetworkListener[] listeners() {
        return listeners;
    }

    FrameSink uplinkSink() {
        return uplinkSink;
    }

    BroadcastSink broadcastSink() {
        return broadcastSink;
    }

    RadioMedium medium() {
        return medium;
    }

    DownlinkMedium downlinkMedium() {
        return downlinkMedium;
    }

    Channel channel(int slot) {
        return channels.get(slot);
    }

    int[] channelSlotsFor(int dataRate) {
        return channelSlotsByDataRate[dataRate];
    }

    int subBandSlotOfChannel(int slot) {
        return subBandSlotOfChannel[slot];
    }

    long dwellTimeLimitUs(int slot) {
        return dwellLimitOfChannel[slot];
    }

    int channelCount() {
        return channels.size();
    }

    int subBandSlots() {
        return subBandSlots;
    }

    /** Sub-band slot of a frequency; frequencies outside every sub-band share one unlimited slot. */
    int subBandSlotOf(long frequencyHz) {
        int i = region.subBandIndexOf(frequencyHz);
        return i < 0 ? region.subBands().size() : i;
    }

    double deviceDutyCycle(int subBandSlot) {
        return dutyCycle(settings.deviceDutyCycleOverride(), subBandSlot);
    }

    double gatewayDutyCycle(int subBandSlot) {
        return dutyCycle(settings.gatewayDutyCycleOverride(), subBandSlot);
    }

    private double dutyCycle(double override, int subBandSlot) {
        if (!Double.isNaN(override)) {
            return override;
        }
        return subBandSlot < region.subBands().size() ? region.subBands().get(subBandSlot).dutyCycle() : 1.0;
    }

    int spreadingFactor(int dataRate) {
        return uplinkParams[dataRate].spreadingFactor();
    }

    long symbolTimeUs(int dataRate) {
        return symbolTimeUs[dataRate];
    }

    double gatewaySensitivityDbm(int dataRate) {
        return gatewaySensitivityDbm[dataRate];
    }

    long emptyRx1Us(int uplinkDataRate) {
        return emptyRx1Us[uplinkDataRate];
    }

    long emptyRx2Us() {
        return emptyRx2Us;
    }

    int maxFrmPayloadBytes(int dataRate) {
        return maxFrmPayloadBytes[dataRate];
    }

    int slowestDataRate() {
        return channelDataRates.get(0);
    }

    int fastestDataRate() {
        return channelDataRates.get(channelDataRates.size() - 1);
    }

    int nextSlowerDataRate(int dataRate) {
        int slower = channelDataRates.get(0);
        for (int dr : channelDataRates) {
            if (dr < dataRate) {
                slower = dr;
            }
        }
        return slower;
    }

    double uplinkRxPowerDbm(int device, int gateway, RandomGenerator rng) {
        double shadow = settings.shadowingPerFrame() ? shadowing.drawDb(rng) : 0.0;
        return LinkBudget.rxPowerDbm(settings.txPowerDbm(), settings.deviceAntennaGainDbi(),
                settings.gatewayAntennaGainDbi(), pathLossDb[device * gateways.length + gateway], shadow);
    }

    double downlinkRxPowerDbm(int device, int gateway, RandomGenerator rng) {
        double shadow = settings.shadowingPerFrame() ? shadowing.drawDb(rng) : 0.0;
        return LinkBudget.rxPowerDbm(settings.gatewayTxPowerDbm(), settings.gatewayAntennaGainDbi(),
                settings.deviceAntennaGainDbi(), pathLossDb[device * gateways.length + gateway], shadow);
    }
}
