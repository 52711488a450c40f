package org.fedwan.sim.lorawan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.lora.SensitivityTable;
import org.fedwan.channel.lorawan.LorawanFrame;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.channel.propagation.FreeSpacePathLoss;
import org.fedwan.channel.propagation.LogDistancePathLoss;
import org.fedwan.channel.propagation.OkumuraHataPathLoss;
import org.fedwan.channel.propagation.PathLossModel;
import org.fedwan.channel.propagation.Position;
import org.fedwan.channel.reception.CaptureRule;
import org.fedwan.channel.reception.DemodulatorPool;
import org.fedwan.sim.config.Key;
import org.fedwan.sim.config.ClockLimits;
import org.fedwan.sim.config.KeyProblem;
import org.fedwan.sim.config.Section;
import org.fedwan.sim.config.Types;

/**
 * The LoRaWAN settings of an FL run and of {@code ./fedwan lorawan-net}: region, data rates, duty
 * cycles, radio, channel model and MAC options. Keys marked "realistic link" apply only under
 * {@code link: realistic} (the ideal link has its own free-space, collision-free channel); the
 * others apply under both. Sources of the defaults: {@code docs/lorawan.md}.
 *
 * @param region               regional parameters
 * @param dataRate             uplink data rate index of the region
 * @param downlinkDataRate     data rate index of the model broadcast, or null for {@code dataRate}
 * @param dutyCycle            device duty cycle, fraction
 * @param gatewayDutyCycle     gateway duty cycle of the broadcast, fraction
 * @param radio                device radio chip (sx1276, sx1262; the old names sx1276_14dbm, sx1262_14dbm too)
 * @param link                 channel model
 * @param radiusM              radius of the disc devices are placed in (realistic channel), m
 * @param gateways             gateways (realistic channel)
 * @param shadowingSigmaDb     log-normal shadowing sigma of the realistic channel, dB
 * @param startJitterS         the realistic channel's random delay before a device starts sending an update, s
 * @param sfPolicy             spreading-factor choice
 * @param confirmed            confirmed uplinks
 * @param fairUse              TTN fair use: 30 s of uplink airtime per device per day
 * @param txPowerDbm           device TX power, dBm: one of the radio's datasheet settings
 * @param rxLnaBoost           RX current with the LNA boost (SX1276) or boosted gain (SX1262)
 * @param frameOverheadBytes   uplink bytes around the FRMPayload (13 LoRaWAN, 9 ns-3)
 * @param pathLoss             median path-loss model (realistic link)
 * @param pathLossExponent     log-distance exponent n
 * @param pathLossReferenceDb  log-distance loss at the reference distance, dB
 * @param pathLossReferenceM   log-distance reference distance, m
 * @param hataEnvironment      Okumura-Hata environment
 * @param gatewayHeightM       gateway antenna height (Okumura-Hata), m
 * @param deviceHeightM        device antenna height (Okumura-Hata), m
 * @param shadowingPerFrame    shadowing drawn per frame and gateway (true) or once per link
 * @param placement            device placement (disc or grid)
 * @param gridSpacingM         grid spacing, m
 * @param gatewayPositions     gateway coordinates "x,y; x,y; ..." in m, or null for the sunflower layout
 * @param gatewaySensitivity   gateway sensitivity table name
 * @param deviceSensitivity    device sensitivity table name
 * @param sfMarginDb           margin of the link-budget and device-table SF policies, dB
 * @param interference         interference model (realistic link)
 * @param captureThresholdDb   capture threshold of the pairwise model, dB
 * @param demodulatorPaths     demodulation paths per gateway
 * @param gatewayTxPowerDbm    gateway TX power, dBm
 * @param channels             the first this many of the region's default channels, 0 = all (realistic link)
 * @param preambleRescueSymbols pairwise model: preamble symbols of the later frame that may overlap harmlessly
 * @param fragmentRecovery     how an update survives lost fragments: none, arq, fec
 * @param fecRedundancy        coded fragments per fragment under fec, ratio, or null for the default 0.1
 * @param arqMaxRounds         feedback-and-resend rounds under arq, or null for the default 8
 */
public record LorawanSection(String region, int dataRate, Integer downlinkDataRate, double dutyCycle, double gatewayDutyCycle,
        String radio, ChannelModel link, double radiusM, int gateways, double shadowingSigmaDb, double startJitterS,
        SfPolicy sfPolicy, boolean confirmed,
        boolean fairUse, double txPowerDbm, boolean rxLnaBoost, int frameOverheadBytes, PathLossKind pathLoss,
        double pathLossExponent, double pathLossReferenceDb, double pathLossReferenceM, HataEnvironment hataEnvironment,
        double gatewayHeightM, double deviceHeightM, boolean shadowingPerFrame, PlacementKind placement, double gridSpacingM,
        String gatewayPositions, String gatewaySensitivity, String deviceSensitivity, double sfMarginDb,
        InterferenceModel interference, double captureThresholdDb, int demodulatorPaths, double gatewayTxPowerDbm,
        int channels, int preambleRescueSymbols, FragmentRecovery fragmentRecovery, Double fecRedundancy,
        Integer arqMaxRounds) {

    public static final Section<LorawanSection> SECTION = new Section<>("lorawan",
            "the LoRaWAN link of the clients, and the network of ./fedwan lorawan-net", LorawanSection.class, List.of(
            Key.of("region", Types.choice(() -> Region.ALL.stream().map(Region::name).toList()), "EU868",
                    "LoRaWAN regional parameters"),
            Key.of("data_rate", DataRateKey.type(), 5,
                    "uplink data rate of the region, as its index or as SF and bandwidth (EU868: 0 = SF12/125 ... "
                            + "5 = SF7/125, 6 = SF7/250; US915: 0 = SF10/125 ... 3 = SF7/125, 4 = SF8/500); "
                            + "written back as the index"),
            Key.derived("downlink_data_rate", DataRateKey.type(), "data_rate",
                    "data rate of the model broadcast, as data_rate (index or SF and bandwidth)"),
            Key.of("duty_cycle", Types.number(0, false, 1), 0.01,
                    "device duty cycle as a fraction (EU868 868.0-868.6 MHz sub-band: 0.01)"),
            Key.of("gateway_duty_cycle", Types.number(0, false, 1), 0.1,
                    "gateway duty cycle of the broadcast as a fraction (EU868 869.4-869.65 MHz: 0.1)"),
            Key.of("radio", Types.choice(LorawanSection::radios), "sx1276_14dbm",
                    "device radio chip; with tx_power_dbm and rx_lna_boost it sets the currents per state "
                            + "(Semtech datasheets; lpwan-facts A5)"),
            Key.of("link", Types.label(ChannelModel.class), ChannelModel.IDEAL,
                    "LoRaWAN channel model: ideal (the network only delays) or realistic (the keys marked "
                            + "'realistic link': path loss, shadowing, interference, placement, gateways)"),
            Key.of("radius_m", Types.number(0, false, 1e6), 500.0,
                    "radius of the disc the devices are placed in, m (realistic link)"),
            Key.of("gateways", Types.integer(1, 1000), 1,
                    "gateways, on a sunflower spiral in the disc or at gateway_positions (realistic link)"),
            Key.of("shadowing_sigma_db", Types.number(0, true, 30), 3.57,
                    "log-normal shadowing sigma, dB (3.57: FLoRa's LoRaLogNormalShadowing; 0 = none; realistic link)"),
            Key.of("start_jitter_s", Types.number(0, true, 3600), 2.0,
                    "realistic link: each update starts after a random delay, uniform in [0, this) s, drawn per device "
                            + "and message, so that devices that finish training together do not transmit in lockstep (real "
                            + "devices are never synchronised to the microsecond; 2 s is the span of LoRaWAN's randomised "
                            + "RETRANSMIT_TIMEOUT, 2 +- 1 s, lpwan-facts A4; a configurable default)"),
            Key.of("sf_policy", Types.label(SfPolicy.class), SfPolicy.FIXED,
                    "spreading factor choice: fixed (data_rate), link-budget (fastest the gateway sensitivity table "
                            + "closes), device-table (fastest the end-device table closes: ns-3 SetSpreadingFactorsUp) "
                            + "or adr (network-side ADR)"),
            Key.of("confirmed", Types.bool(), false,
                    "confirmed uplinks: ACK in RX1/RX2, up to 8 attempts, each charged to the duty cycle"),
            Key.of("fair_use", Types.bool(), false,
                    "TTN fair use: at most 30 s of uplink airtime per device per day (devices wait)"),
            Key.of("tx_power_dbm", Types.number(-10, true, 30), 14.0,
                    "device TX power, dBm: a datasheet setting of the radio (sx1276: 14, 17, 20; sx1262: 14, 17, 22), "
                            + "at most the region's maximum EIRP (EU868 16 dBm, US915 30 dBm)"),
            Key.of("rx_lna_boost", Types.bool(), false,
                    "RX current with the LNA boost (SX1276: 11.5 mA instead of 10.8 mA) or the boosted gain "
                            + "(SX1262: 5.3 mA instead of 4.6 mA)"),
            Key.of("frame_overhead_bytes", Types.integer(1, 64), LorawanFrame.OVERHEAD_BYTES,
                    "uplink bytes around the FRMPayload: 13 (LoRaWAN MHDR, FHDR, FPort, MIC) or 9 (ns-3 lorawan, no MIC)"),
            Key.of("path_loss", Types.label(PathLossKind.class), PathLossKind.LOG_DISTANCE,
                    "median path-loss model: log-distance, okumura-hata or free-space (realistic link)"),
            Key.of("path_loss_exponent", Types.number(0, false, 10), 2.08,
                    "log-distance exponent n (2.08: Bor et al. 2016; 3.76: ns-3 lorawan examples)"),
            Key.of("path_loss_reference_db", Types.number(0, true, 300), 127.41,
                    "log-distance loss at the reference distance, dB (127.41 at 40 m: Bor et al.; 7.7 at 1 m: ns-3)"),
            Key.of("path_loss_reference_m", Types.number(0, false, 1e5), 40.0,
                    "log-distance reference distance, m"),
            Key.of("hata_environment", Types.label(HataEnvironment.class), HataEnvironment.URBAN_SMALL_MEDIUM,
                    "Okumura-Hata environment (Hata 1980): urban-small-medium, urban-large, suburban or open"),
            Key.of("gateway_height_m", Types.number(0, false, 1000), 30.0, "gateway antenna height, m (Okumura-Hata)"),
            Key.of("device_height_m", Types.number(0, false, 100), 1.5, "device antenna height, m (Okumura-Hata)"),
            Key.of("shadowing_per_frame", Types.bool(), true,
                    "shadowing drawn per frame and gateway (true, FLoRa) or once per device-gateway link (false)"),
            Key.of("placement", Types.label(PlacementKind.class), PlacementKind.DISC,
                    "device placement: disc (uniform in area, radius_m) or grid (grid_spacing_m apart, centred)"),
            Key.of("grid_spacing_m", Types.number(0, false, 1e6), 100.0, "spacing of the grid placement, m"),
            Key.derived("gateway_positions", Types.text(), "sunflower spiral in the disc, the first at the centre",
                    "gateway coordinates in m, 'x,y; x,y; ...', one pair per gateway (realistic link)"),
            Key.of("gateway_sensitivity", Types.choice(LorawanSection::tables), SensitivityTable.GATEWAY_NS3.name(),
                    "gateway sensitivity table: gateway-ns3 (-130 ... -142.5 dBm SF7-12, ns-3 lorawan), gateway-sx1301 "
                            + "(-126.5 ... -139.5, a 2022 ns-3 fork), device-sx1272, bor-measured, semtech-formula"),
            Key.of("device_sensitivity", Types.choice(LorawanSection::tables), SensitivityTable.DEVICE_SX1272.name(),
                    "device sensitivity table (downlinks and the device-table SF policy; ns-3: device-sx1272)"),
            Key.of("sf_margin_db", Types.number(-30, true, 30), 0.0,
                    "margin over sensitivity of the link-budget and device-table SF policies, dB (ns-3: 0)"),
            Key.of("interference", Types.label(InterferenceModel.class), InterferenceModel.PAIRWISE,
                    "interference model: pairwise (LoRaSim: same SF and channel, capture_threshold_db), cumulative "
                            + "(ns-3: energy summed over the overlap, inter-SF isolation of Goursaud and Gorce 2015) "
                            + "or none (realistic link)"),
            Key.of("capture_threshold_db", Types.number(0, true, 100), CaptureRule.LORASIM.captureThresholdDb(),
                    "pairwise model: power a frame needs over another to survive, dB (6: LoRaSim)"),
            Key.of("demodulator_paths", Types.integer(1, 64), DemodulatorPool.SX1301_PATHS,
                    "demodulation paths per gateway (8: SX1301, LoRaSim, ns-3)"),
            Key.of("gateway_tx_power_dbm", Types.number(-10, true, 36), 14.0, "gateway TX power of downlinks, dBm"),
            Key.of("channels", Types.integer(0, 16), 0,
                    "uplink channels: the first this many of the region's default channels (EU868: 868.1, 868.3, "
                            + "868.5 MHz); 0 = all; 1 = LoRaSim's single frequency (realistic link)"),
            Key.of("preamble_rescue_symbols", Types.integer(0, 64), CaptureRule.LORASIM.preambleRescueSymbols(),
                    "pairwise model: a frame whose only overlap with an earlier one is its first N preamble symbols "
                            + "survives (3: LoRaSim's full check; 0: LoRaSim's simplified check)"),
            Key.of("fragment_recovery", Types.label(FragmentRecovery.class), FragmentRecovery.NONE,
                    "how an update survives lost fragments: none (a lost fragment loses it), arq (the server lists the "
                            + "missing fragments in a downlink after each pass, the device resends them; every frame "
                            + "charged) or fec (LoRa Alliance TS004-style coded fragments follow the update; docs/lorawan.md)"),
            Key.derived("fec_redundancy", Types.number(0, false, 4), String.valueOf(RecoverySettings.DEFAULT_FEC_REDUNDANCY),
                    "fragment_recovery fec: coded fragments per fragment of the update, ceil(fragments x ratio)"),
            Key.derived("arq_max_rounds", Types.integer(1, 1000), String.valueOf(RecoverySettings.DEFAULT_ARQ_MAX_ROUNDS),
                    "fragment_recovery arq: rounds of feedback and resending after the first pass before the update is "
                            + "lost (a round without feedback resends the pass's last fragment as a request)")));

    public LorawanSection {
        Region r = Region.byName(region);
        // a data rate given as SF and bandwidth becomes the region's index here (DataRateKey)
        dataRate = DataRateKey.resolve(r, dataRate, "data_rate");
        if (downlinkDataRate != null) {
            downlinkDataRate = DataRateKey.resolve(r, downlinkDataRate, "downlink_data_rate");
        }
        try {
            RadioProfile.datasheet(radio, txPowerDbm, rxLnaBoost);
        } catch (IllegalArgumentException e) {
            throw new KeyProblem("tx_power_dbm", "for radio " + radio + ": " + e.getMessage());
        }
        if (txPowerDbm > r.maxEirpDbm()) {
            throw new KeyProblem("tx_power_dbm", "allowed: at most the maximum EIRP of " + r.name() + ", "
                    + r.maxEirpDbm() + " dBm (device antenna gain 0 dBi)");
        }
        if (dutyCycle < ClockLimits.MIN_DUTY_CYCLE || gatewayDutyCycle < ClockLimits.MIN_DUTY_CYCLE) {
            throw new KeyProblem(dutyCycle < ClockLimits.MIN_DUTY_CYCLE ? "duty_cycle" : "gateway_duty_cycle",
                    ClockLimits.dutyCycleAllowed());
        }
        if (channels > r.defaultChannels().size()) {
            throw new KeyProblem("channels", "allowed: 0 (all) to " + r.defaultChannels().size() + " in " + r.name());
        }
        if (fecRedundancy != null && fragmentRecovery != FragmentRecovery.FEC) {
            throw new KeyProblem("fec_redundancy", "applies only with fragment_recovery: fec (here: "
                    + fragmentRecovery.label() + ")");
        }
        if (arqMaxRounds != null && fragmentRecovery != FragmentRecovery.ARQ) {
            throw new KeyProblem("arq_max_rounds", "applies only with fragment_recovery: arq (here: "
                    + fragmentRecovery.label() + ")");
        }
        if (placement == PlacementKind.LISTED) {
            throw new KeyProblem("placement", "allowed: disc or grid (listed positions are for the Java API)");
        }
        if (gatewayPositions != null) {
            List<Position> parsed = parsePositions(gatewayPositions);
            if (parsed.size() != gateways) {
                throw new KeyProblem("gateway_positions", "has " + parsed.size() + " positions; allowed: one 'x,y' "
                        + "per gateway (gateways = " + gateways + ")");
            }
        }
    }

    /** The data rate of the model broadcast. */
    public int broadcastDataRate() {
        return downlinkDataRate == null ? dataRate : downlinkDataRate;
    }

    /** @return the fragment recovery of the updates, with the defaults of the keys not set */
    public RecoverySettings recoverySettings() {
        return new RecoverySettings(fragmentRecovery,
                fecRedundancy == null ? RecoverySettings.DEFAULT_FEC_REDUNDANCY : fecRedundancy,
                arqMaxRounds == null ? RecoverySettings.DEFAULT_ARQ_MAX_ROUNDS : arqMaxRounds);
    }

    /** @return the device radio: the chip's datasheet currents at {@code tx_power_dbm}, with or without LNA boost */
    public RadioProfile radioProfile() {
        return RadioProfile.datasheet(radio, txPowerDbm, rxLnaBoost);
    }

    /**
     * @param r the region (for the carrier frequency of Okumura-Hata and free space)
     * @return the median path-loss model of the realistic link
     */
    public PathLossModel pathLossModel(Region r) {
        double frequencyHz = r.defaultChannels().get(0).frequencyHz();
        return switch (pathLoss) {
            case LOG_DISTANCE -> new LogDistancePathLoss(pathLossReferenceDb, pathLossReferenceM, pathLossExponent);
            case OKUMURA_HATA -> new OkumuraHataPathLoss(frequencyHz, gatewayHeightM, deviceHeightM,
                    hataEnvironment.environment());
            case FREE_SPACE -> new FreeSpacePathLoss(frequencyHz);
        };
    }

    /** @return the listed gateway positions, empty for the sunflower layout */
    public List<Position> gatewayPositionList() {
        return gatewayPositions == null ? List.of() : parsePositions(gatewayPositions);
    }

    private static List<Position> parsePositions(String text) {
        List<Position> out = new ArrayList<>();
        for (String pair : text.split(";")) {
            String[] xy = pair.trim().split(",");
            try {
                if (xy.length != 2) {
                    throw new NumberFormatException();
                }
                out.add(new Position(Double.parseDouble(xy[0].trim()), Double.parseDouble(xy[1].trim())));
            } catch (IllegalArgumentException e) {
                throw new KeyProblem("gateway_positions", "'" + pair.trim() + "' is not a position; allowed: "
                        + "'x,y; x,y; ...' in metres, e.g. '0,0; 2000,0'");
            }
        }
        return out;
    }

    private static List<String> radios() {
        List<String> names = new ArrayList<>();
        RadioProfile.ALL.forEach(p -> names.add(p.name().toLowerCase(Locale.ROOT)));
        names.addAll(RadioProfile.CHIPS);
        return names;
    }

    private static List<String> tables() {
        return SensitivityTable.ALL.stream().map(SensitivityTable::name).toList();
    }
}
