package org.fedwan.sim.lorawan;

import java.util.List;
import java.util.Objects;
import org.fedwan.channel.energy.Battery;
import org.fedwan.channel.energy.McuProfile;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.lora.SensitivityTable;
import org.fedwan.channel.lorawan.Adr;
import org.fedwan.channel.lorawan.DailyBudget;
import org.fedwan.channel.lorawan.LorawanFrame;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.channel.lorawan.RetransmissionPolicy;
import org.fedwan.channel.propagation.FreeSpacePathLoss;
import org.fedwan.channel.propagation.LogDistancePathLoss;
import org.fedwan.channel.propagation.PathLossModel;
import org.fedwan.channel.propagation.Position;
import org.fedwan.channel.reception.CaptureRule;
import org.fedwan.channel.reception.DemodulatorPool;

/**
 * Everything the LoRaWAN network engine needs besides the devices' traffic, validated on
 * construction; the same record drives the network-only runs ({@code lorawan-net}) and the FL
 * co-simulation. Units are in the names. {@link #builder()} holds the defaults, each with its
 * source in {@code docs/lorawan.md}.
 *
 * @param region                      region and channel plan (EU868)
 * @param placement                   device placement (DISC)
 * @param radiusM                     disc radius, also the spread of default gateway positions, m (500)
 * @param gridSpacingM                grid spacing for {@link PlacementKind#GRID}, m (100)
 * @param devicePositions             coordinates for {@link PlacementKind#LISTED} (empty)
 * @param gateways                    number of gateways (1)
 * @param channels                    how many of the region's default channels devices use, the first ones; 0 = all
 * @param gatewayPositions            gateway coordinates; empty = sunflower spiral in the disc, first at the origin
 * @param pathLoss                    median path-loss model (Bor et al. log-distance)
 * @param shadowingSigmaDb            log-normal shadowing sigma, dB (3.57, FLoRa)
 * @param shadowingPerFrame           true: a fresh draw per frame and gateway (FLoRa); false: one per link
 * @param deviceAntennaGainDbi        device antenna gain, dBi (0)
 * @param gatewayAntennaGainDbi       gateway antenna gain, dBi (0)
 * @param gatewayTxPowerDbm           gateway downlink power, dBm (14)
 * @param gatewaySensitivity          gateway sensitivity table (gateway-ns3: upstream ns-3 lorawan)
 * @param deviceSensitivity           device sensitivity table for downlinks (SX1272, ns-3)
 * @param noiseFigureDb               receiver noise figure for SNR (ADR), dB (6)
 * @param interference                interference model (PAIRWISE, LoRaSim)
 * @param captureRule                 capture threshold and preamble rescue (6 dB, 3 symbols, LoRaSim)
 * @param demodulatorPaths            demodulation paths per gateway (8, SX1301)
 * @param gatewayHalfDuplex           a transmitting gateway loses the uplinks it would receive (true, ns-3)
 * @param frameOverheadBytes          uplink bytes around a non-empty FRMPayload, 1..64 (13: LoRaWAN MHDR, FHDR,
 *                                    FPort, MIC; ns-3 lorawan: 9, no MIC)
 * @param sfPolicy                    data-rate choice (LINK_BUDGET)
 * @param fixedDataRate               data rate of {@link SfPolicy#FIXED} (5); checked against the region only under FIXED
 * @param sfMarginDb                  link-budget margin of {@link SfPolicy#LINK_BUDGET}, dB (0, as ns-3)
 * @param adr                         ADR settings (max SNR of 20 uplinks, 10 dB margin, 3 dB steps)
 * @param confirmed                   confirmed uplinks (false)
 * @param retransmission              NbTrans, confirmed attempts, RETRANSMIT_TIMEOUT (1, 8, 1..3 s)
 * @param receiveDelay1Us             RECEIVE_DELAY1; RX2 follows 1 s later, µs (1 000 000)
 * @param rx1DrOffset                 RX1DROffset (0)
 * @param rx2DataRate                 RX2 data rate, -1 = the region's (EU868 DR0, US915 DR8)
 * @param multicastDataRate           class C multicast data rate, -1 = the RX2 data rate
 * @param deviceDutyCycleOverride     NaN = the region's sub-band table, else this fraction for every sub-band
 * @param gatewayDutyCycleOverride    NaN = the region's sub-band table, else this fraction for every sub-band
 * @param fairUse                     enforce the fair-use budgets (false)
 * @param fairUseUplinkAirtimeUsPerDay uplink airtime per device per day, µs (30 s, TTN)
 * @param fairUseDownlinksPerDay      downlinks per device per day, ACKs included (10, TTN)
 * @param fragmentLossPolicy          lost fragments lose the message or are resent (LOSE_MESSAGE)
 * @param maxMessagePasses            passes over a message under RESEND_MISSING (3)
 * @param maxEmptyPolls               class A download: polls in a row without a downlink before giving up (32)
 * @param radio                       device radio; its TX power is the device's (SX1276 at 14 dBm)
 * @param mcu                         device MCU (low-power MCU, 3.2 mA / 2 µA [U])
 * @param batteryCapacityJ            battery per device, J; +Infinity = unlimited (2400 mAh at 3.3 V = 28 512 J)
 * @param recovery                    fragment recovery of uplink messages: none, arq, fec ({@link RecoverySettings#NONE});
 *                                    arq and fec need {@code fragmentLossPolicy} LOSE_MESSAGE
 */
public record NetworkSettings(
        Region region,
        PlacementKind placement,
        double radiusM,
        double gridSpacingM,
        List<Position> devicePositions,
        int gateways,
        int channels,
        List<Position> gatewayPositions,
        PathLossModel pathLoss,
        double shadowingSigmaDb,
        boolean shadowingPerFrame,
        double deviceAntennaGainDbi,
        double gatewayAntennaGainDbi,
        double gatewayTxPowerDbm,
        SensitivityTable gatewaySensitivity,
        SensitivityTable deviceSensitivity,
        double noiseFigureDb,
        InterferenceModel interference,
        CaptureRule captureRule,
        int demodulatorPaths,
        boolean gatewayHalfDuplex,
        int frameOverheadBytes,
        SfPolicy sfPolicy,
        int fixedDataRate,
        double sfMarginDb,
        Adr.Settings adr,
        boolean confirmed,
        RetransmissionPolicy retransmission,
        long receiveDelay1Us,
        int rx1DrOffset,
        int rx2DataRate,
        int multicastDataRate,
        double deviceDutyCycleOverride,
        double gatewayDutyCycleOverride,
        boolean fairUse,
        long fairUseUplinkAirtimeUsPerDay,
        int fairUseDownlinksPerDay,
        FragmentLossPolicy fragmentLossPolicy,
        int maxMessagePasses,
        int maxEmptyPolls,
        RadioProfile radio,
        McuProfile mcu,
        double batteryCapacityJ,
        RecoverySettings recovery) {

    /** Validates every field; errors name the field, the value and what is allowed. */
    public NetworkSettings {
        Objects.requireNonNull(region, "region is null");
        if (!region.hasChannelPlan()) {
            throw new IllegalArgumentException("region = " + region.name()
                    + " has no channel plan; allowed: a region with default channels, e.g. EU868, US915");
        }
        Objects.requireNonNull(placement, "placement is null; allowed: DISC, GRID, LISTED");
        finiteAtLeast("radiusM", radiusM, 0.0);
        if (!(gridSpacingM > 0.0) || !Double.isFinite(gridSpacingM)) {
            throw new IllegalArgumentException("gridSpacingM = " + gridSpacingM + " is not allowed; allowed: finite and > 0");
        }
        devicePositions = List.copyOf(devicePositions);
        gatewayPositions = List.copyOf(gatewayPositions);
        if (gateways < 1) {
            throw new IllegalArgumentException("gateways = " + gateways + " is not allowed; allowed: >= 1");
        }
        if (!gatewayPositions.isEmpty() && gatewayPositions.size() != gateways) {
            throw new IllegalArgumentException("gatewayPositions has " + gatewayPositions.size()
                    + " entries; allowed: none (sunflower layout) or exactly gateways = " + gateways);
        }
        if (channels < 0 || channels > region.defaultChannels().size()) {
            throw new IllegalArgumentException("channels = " + channels + " is not allowed in region " + region.name()
                    + "; allowed: 0 (all) .. " + region.defaultChannels().size());
        }
        Objects.requireNonNull(pathLoss, "pathLoss is null");
        finiteAtLeast("shadowingSigmaDb", shadowingSigmaDb, 0.0);
        finite("deviceAntennaGainDbi", deviceAntennaGainDbi);
        finite("gatewayAntennaGainDbi", gatewayAntennaGainDbi);
        finite("gatewayTxPowerDbm", gatewayTxPowerDbm);
        Objects.requireNonNull(gatewaySensitivity, "gatewaySensitivity is null");
        Objects.requireNonNull(deviceSensitivity, "deviceSensitivity is null");
        finite("noiseFigureDb", noiseFigureDb);
        Objects.requireNonNull(interference, "interference is null; allowed: PAIRWISE, CUMULATIVE, NONE");
        Objects.requireNonNull(captureRule, "captureRule is null");
        if (demodulatorPaths < 1) {
            throw new IllegalArgumentException("demodulatorPaths = " + demodulatorPaths + " is not allowed; allowed: >= 1");
        }
        if (frameOverheadBytes < 1 || frameOverheadBytes > 64) {
            throw new IllegalArgumentException("frameOverheadBytes = " + frameOverheadBytes
                    + " is not allowed; allowed: 1..64 (LoRaWAN: 13)");
        }
        Objects.requireNonNull(sfPolicy, "sfPolicy is null; allowed: FIXED, LINK_BUDGET, DEVICE_TABLE, ADR");
        if (sfPolicy == SfPolicy.FIXED && !region.channelDataRates().contains(fixedDataRate)) {
            throw new IllegalArgumentException("fixedDataRate = " + fixedDataRate + " is not allowed in region "
                    + region.name() + "; allowed: " + region.channelDataRates());
        }
        finite("sfMarginDb", sfMarginDb);
        Objects.requireNonNull(adr, "adr is null");
        Objects.requireNonNull(retransmission, "retransmission is null");
        if (receiveDelay1Us < 1_000_000L || receiveDelay1Us > 15_000_000L || receiveDelay1Us % 1_000_000L != 0) {
            throw new IllegalArgumentException("receiveDelay1Us = " + receiveDelay1Us
                    + " is not allowed; allowed: whole seconds 1..15 s (RxTimingSetupReq)");
        }
        if (rx1DrOffset < 0 || rx1DrOffset > region.maxRx1DrOffset()) {
            throw new IllegalArgumentException("rx1DrOffset = " + rx1DrOffset + " is not allowed in region "
                    + region.name() + "; allowed: 0.." + region.maxRx1DrOffset());
        }
        if (rx2DataRate != -1) {
            region.downlinkDataRate(rx2DataRate);
        }
        if (multicastDataRate != -1) {
            region.downlinkDataRate(multicastDataRate);
        }
        dutyCycleOverride("deviceDutyCycleOverride", deviceDutyCycleOverride);
        dutyCycleOverride("gatewayDutyCycleOverride", gatewayDutyCycleOverride);
        if (fairUseUplinkAirtimeUsPerDay < 1) {
            throw new IllegalArgumentException("fairUseUplinkAirtimeUsPerDay = " + fairUseUplinkAirtimeUsPerDay
                    + " is not allowed; allowed: >= 1");
        }
        if (fairUseDownlinksPerDay < 0) {
            throw new IllegalArgumentException("fairUseDownlinksPerDay = " + fairUseDownlinksPerDay
                    + " is not allowed; allowed: >= 0");
        }
        Objects.requireNonNull(fragmentLossPolicy, "fragmentLossPolicy is null; allowed: LOSE_MESSAGE, RESEND_MISSING");
        if (maxMessagePasses < 1) {
            throw new IllegalArgumentException("maxMessagePasses = " + maxMessagePasses + " is not allowed; allowed: >= 1");
        }
        if (maxEmptyPolls < 1) {
            throw new IllegalArgumentException("maxEmptyPolls = " + maxEmptyPolls + " is not allowed; allowed: >= 1");
        }
        Objects.requireNonNull(radio, "radio is null");
        Objects.requireNonNull(mcu, "mcu is null");
        double eirpDbm = radio.txPowerDbm() + deviceAntennaGainDbi;
        if (eirpDbm > region.maxEirpDbm()) {
            throw new IllegalArgumentException("device EIRP = radio.txPowerDbm " + radio.txPowerDbm()
                    + " + deviceAntennaGainDbi " + deviceAntennaGainDbi + " = " + eirpDbm
                    + " dBm is not allowed in region " + region.name() + "; allowed: <= " + region.maxEirpDbm() + " dBm");
        }
        Objects.requireNonNull(recovery, "recovery is null");
        if (recovery.recovery() != FragmentRecovery.NONE && fragmentLossPolicy != FragmentLossPolicy.LOSE_MESSAGE) {
            throw new IllegalArgumentException("recovery " + recovery.recovery().label() + " with fragmentLossPolicy "
                    + fragmentLossPolicy + " is not allowed; allowed: LOSE_MESSAGE (the recovery replaces the idealised resending)");
        }
        if (!(batteryCapacityJ > 0.0) || Double.isNaN(batteryCapacityJ)) {
            throw new IllegalArgumentException("batteryCapacityJ = " + batteryCapacityJ
                    + " is not allowed; allowed: > 0, or Infinity for no limit");
        }
    }

    /** @return the effective RX2 data rate index */
    public int effectiveRx2DataRate() {
        return rx2DataRate == -1 ? region.rx2DataRateIndex() : rx2DataRate;
    }

    /** @return the effective multicast data rate index */
    public int effectiveMulticastDataRate() {
        return multicastDataRate == -1 ? effectiveRx2DataRate() : multicastDataRate;
    }

    /** @return the device TX power in dBm (the radio profile's) */
    public double txPowerDbm() {
        return radio.txPowerDbm();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this record's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.region = region;
        b.placement = placement;
        b.radiusM = radiusM;
        b.gridSpacingM = gridSpacingM;
        b.devicePositions = devicePositions;
        b.gateways = gateways;
        b.channels = channels;
        b.gatewayPositions = gatewayPositions;
        b.pathLoss = pathLoss;
        b.shadowingSigmaDb = shadowingSigmaDb;
        b.shadowingPerFrame = shadowingPerFrame;
        b.deviceAntennaGainDbi = deviceAntennaGainDbi;
        b.gatewayAntennaGainDbi = gatewayAntennaGainDbi;
        b.gatewayTxPowerDbm = gatewayTxPowerDbm;
        b.gatewaySensitivity = gatewaySensitivity;
        b.deviceSensitivity = deviceSensitivity;
        b.noiseFigureDb = noiseFigureDb;
        b.interference = interference;
        b.captureRule = captureRule;
        b.demodulatorPaths = demodulatorPaths;
        b.gatewayHalfDuplex = gatewayHalfDuplex;
        b.frameOverheadBytes = frameOverheadBytes;
        b.sfPolicy = sfPolicy;
        b.fixedDataRate = fixedDataRate;
        b.sfMarginDb = sfMarginDb;
        b.adr = adr;
        b.confirmed = confirmed;
        b.retransmission = retransmission;
        b.receiveDelay1Us = receiveDelay1Us;
        b.rx1DrOffset = rx1DrOffset;
        b.rx2DataRate = rx2DataRate;
        b.multicastDataRate = multicastDataRate;
        b.deviceDutyCycleOverride = deviceDutyCycleOverride;
        b.gatewayDutyCycleOverride = gatewayDutyCycleOverride;
        b.fairUse = fairUse;
        b.fairUseUplinkAirtimeUsPerDay = fairUseUplinkAirtimeUsPerDay;
        b.fairUseDownlinksPerDay = fairUseDownlinksPerDay;
        b.fragmentLossPolicy = fragmentLossPolicy;
        b.maxMessagePasses = maxMessagePasses;
        b.maxEmptyPolls = maxEmptyPolls;
        b.radio = radio;
        b.mcu = mcu;
        b.batteryCapacityJ = batteryCapacityJ;
        b.recovery = recovery;
        return b;
    }

    /**
     * An idealised link for runs that study learning rather than the radio: devices within
     * 100 m of one gateway, free-space loss without shadowing, no interference, one data rate,
     * unconfirmed uplinks, no battery limit. Receive windows, duty cycles and energy per state are
     * still modelled. FL runs use it under {@code link: ideal} ({@code LorawanLinks.settings}),
     * with one demodulation path per device.
     *
     * @param region                   region
     * @param dataRate                 fixed uplink data rate
     * @param multicastDataRate        class C multicast data rate
     * @param radio                    device radio
     * @param deviceDutyCycle          duty cycle of every device sub-band
     * @param gatewayDutyCycle         duty cycle of every gateway sub-band
     * @return the settings
     */
    public static NetworkSettings idealLink(Region region, int dataRate, int multicastDataRate, RadioProfile radio,
                                            double deviceDutyCycle, double gatewayDutyCycle) {
        Builder b = builder();
        b.region = region;
        b.radiusM = 100.0;
        b.pathLoss = new FreeSpacePathLoss(region.defaultChannels().get(0).frequencyHz());
        b.shadowingSigmaDb = 0.0;
        b.interference = InterferenceModel.NONE;
        b.sfPolicy = SfPolicy.FIXED;
        b.fixedDataRate = dataRate;
        b.multicastDataRate = multicastDataRate;
        b.radio = radio;
        b.deviceDutyCycleOverride = deviceDutyCycle;
        b.gatewayDutyCycleOverride = gatewayDutyCycle;
        b.batteryCapacityJ = Double.POSITIVE_INFINITY;
        return b.build();
    }

    private static void finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " = " + value + " is not allowed; allowed: finite");
        }
    }

    private static void finiteAtLeast(String field, double value, double min) {
        if (!(value >= min) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " = " + value + " is not allowed; allowed: finite and >= " + min);
        }
    }

    private static void dutyCycleOverride(String field, double value) {
        if (!Double.isNaN(value) && !(value > 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " = " + value
                    + " is not allowed; allowed: NaN (the region's sub-bands) or (0, 1]");
        }
    }

    /** Mutable builder holding the defaults; public fields keep a scenario loader's key table short. */
    public static final class Builder {
        public Region region = Region.EU868;
        public PlacementKind placement = PlacementKind.DISC;
        public double radiusM = 500.0;
        public double gridSpacingM = 100.0;
        public List<Position> devicePositions = List.of();
        public int gateways = 1;
        public int channels = 0;
        public List<Position> gatewayPositions = List.of();
        public PathLossModel pathLoss = LogDistancePathLoss.BOR_2016;
        public double shadowingSigmaDb = 3.57;
        public boolean shadowingPerFrame = true;
        public double deviceAntennaGainDbi = 0.0;
        public double gatewayAntennaGainDbi = 0.0;
        public double gatewayTxPowerDbm = 14.0;
        public SensitivityTable gatewaySensitivity = SensitivityTable.GATEWAY_NS3;
        public SensitivityTable deviceSensitivity = SensitivityTable.DEVICE_SX1272;
        public double noiseFigureDb = 6.0;
        public InterferenceModel interference = InterferenceModel.PAIRWISE;
        public CaptureRule captureRule = CaptureRule.LORASIM;
        public int demodulatorPaths = DemodulatorPool.SX1301_PATHS;
        public boolean gatewayHalfDuplex = true;
        public int frameOverheadBytes = LorawanFrame.OVERHEAD_BYTES;
        public SfPolicy sfPolicy = SfPolicy.LINK_BUDGET;
        public int fixedDataRate = 5;
        public double sfMarginDb = 0.0;
        public Adr.Settings adr = Adr.Settings.DEFAULT;
        public boolean confirmed = false;
        public RetransmissionPolicy retransmission = RetransmissionPolicy.DEFAULT;
        public long receiveDelay1Us = 1_000_000L;
        public int rx1DrOffset = 0;
        public int rx2DataRate = -1;
        public int multicastDataRate = -1;
        public double deviceDutyCycleOverride = Double.NaN;
        public double gatewayDutyCycleOverride = Double.NaN;
        public boolean fairUse = false;
        public long fairUseUplinkAirtimeUsPerDay = DailyBudget.TTN_UPLINK_AIRTIME_US_PER_DAY;
        public int fairUseDownlinksPerDay = (int) DailyBudget.TTN_DOWNLINKS_PER_DAY;
        public FragmentLossPolicy fragmentLossPolicy = FragmentLossPolicy.LOSE_MESSAGE;
        public int maxMessagePasses = 3;
        public int maxEmptyPolls = 32;
        public RadioProfile radio = RadioProfile.SX1276_14DBM;
        public McuProfile mcu = McuProfile.LOW_POWER_MCU;
        public double batteryCapacityJ = Battery.joulesOfMilliampHours(2_400.0, 3.3);
        public RecoverySettings recovery = RecoverySettings.NONE;

        /** @return the validated settings */
        public NetworkSettings build() {
            return new NetworkSettings(region, placement, radiusM, gridSpacingM, devicePositions, gateways,
                    channels, gatewayPositions, pathLoss, shadowingSigmaDb, shadowingPerFrame, deviceAntennaGainDbi,
                    gatewayAntennaGainDbi, gatewayTxPowerDbm, gatewaySensitivity, deviceSensitivity, noiseFigureDb,
                    interference, captureRule, demodulatorPaths, gatewayHalfDuplex, frameOverheadBytes, sfPolicy, fixedDataRate, sfMarginDb,
                    adr, confirmed, retransmission, receiveDelay1Us, rx1DrOffset, rx2DataRate, multicastDataRate,
                    deviceDutyCycleOverride, gatewayDutyCycleOverride, fairUse, fairUseUplinkAirtimeUsPerDay,
                    fairUseDownlinksPerDay, fragmentLossPolicy, maxMessagePasses, maxEmptyPolls, radio, mcu,
                    batteryCapacityJ, recovery);
        }
    }
}
