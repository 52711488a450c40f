package org.fedwan.sim.lorawan;

import java.util.List;
import java.util.Locale;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.sim.config.Key;
import org.fedwan.sim.config.KeyProblem;
import org.fedwan.sim.config.Section;
import org.fedwan.sim.config.Types;

/**
 * The LoRaWAN settings of an FL run: region, data rates, duty cycles, radio, channel model and
 * MAC options.
 *
 * @param region           regional parameters
 * @param dataRate         uplink data rate index of the region
 * @param downlinkDataRate data rate index of the model broadcast, or null for {@code dataRate}
 * @param dutyCycle        device duty cycle, fraction
 * @param gatewayDutyCycle gateway duty cycle of the broadcast, fraction
 * @param radio            device radio current profile
 * @param link             channel model
 * @param radiusM          radius of the disc devices are placed in (realistic channel), m
 * @param gateways         gateways (realistic channel)
 * @param shadowingSigmaDb log-normal shadowing sigma of the realistic channel, dB
 * @param startJitterS     the realistic channel's random delay before a device starts sending an update, s
 * @param sfPolicy         spreading-factor choice
 * @param confirmed        confirmed uplinks
 * @param fairUse          TTN fair use: 30 s of uplink airtime per device per day
 */
public record LorawanSection(String region, int dataRate, Integer downlinkDataRate, double dutyCycle, double gatewayDutyCycle,
        String radio, ChannelModel link, double radiusM, int gateways, double shadowingSigmaDb, double startJitterS, SfPolicy sfPolicy, boolean confirmed, boolean fairUse) {

    public static final Section<LorawanSection> SECTION = new Section<>("lorawan", "the LoRaWAN link of the clients",
            LorawanSection.class, List.of(
            Key.of("region", Types.choice(() -> Region.ALL.stream().map(Region::name).toList()), "EU868",
                    "LoRaWAN regional parameters"),
            Key.of("data_rate", Types.integer(0, 15), 5,
                    "uplink data rate index of the region (EU868: 0 = SF12 ... 5 = SF7/125 kHz, 6 = SF7/250 kHz)"),
            Key.derived("downlink_data_rate", Types.integer(0, 15), "data_rate", "data rate index of the model broadcast"),
            Key.of("duty_cycle", Types.number(0, false, 1), 0.01,
                    "device duty cycle as a fraction (EU868 868.0-868.6 MHz sub-band: 0.01)"),
            Key.of("gateway_duty_cycle", Types.number(0, false, 1), 0.1,
                    "gateway duty cycle of the broadcast as a fraction (EU868 869.4-869.65 MHz: 0.1)"),
            Key.of("radio", Types.choice(() -> RadioProfile.ALL.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).toList()),
                    "sx1276_14dbm", "radio current profile of the devices (lpwan-facts A5)"),
            Key.of("link", Types.label(ChannelModel.class), ChannelModel.IDEAL,
                    "LoRaWAN channel model: ideal (the network only delays) or realistic (Bor log-distance path loss with "
                            + "3.57 dB shadowing, collisions with capture, 8-path gateways)"),
            Key.of("radius_m", Types.number(0, false, 1e6), 500.0,
                    "radius of the disc the devices are placed in, m (realistic link)"),
            Key.of("gateways", Types.integer(1, 1000), 1, "gateways, placed on a sunflower spiral in the disc (realistic link)"),
            Key.of("shadowing_sigma_db", Types.number(0, true, 30), 3.57,
                    "log-normal shadowing sigma of the realistic link, dB, drawn per frame and gateway (3.57: FLoRa's "
                            + "LoRaLogNormalShadowing; 0 = none)"),
            Key.of("start_jitter_s", Types.number(0, true, 3600), 2.0,
                    "realistic link: each update starts after a random delay, uniform in [0, this) s, drawn per device "
                            + "and message, so that devices that finish training together do not transmit in lockstep (real "
                            + "devices are never synchronised to the microsecond; 2 s is the span of LoRaWAN's randomised "
                            + "RETRANSMIT_TIMEOUT, 2 +- 1 s, lpwan-facts A4; a configurable default)"),
            Key.of("sf_policy", Types.label(SfPolicy.class), SfPolicy.FIXED,
                    "spreading factor choice: fixed (data_rate), link-budget (fastest that closes the link) or adr "
                            + "(network-side ADR)"),
            Key.of("confirmed", Types.bool(), false,
                    "confirmed uplinks: ACK in RX1/RX2, up to 8 attempts, each charged to the duty cycle"),
            Key.of("fair_use", Types.bool(), false,
                    "TTN fair use: at most 30 s of uplink airtime per device per day (devices wait)")));

    public LorawanSection {
        Region r = Region.byName(region);
        String range = "a data rate index of " + r.name() + " from 0 to " + (r.dataRates().size() - 1);
        if (dataRate >= r.dataRates().size()) {
            throw new KeyProblem("data_rate", "allowed: " + range);
        }
        if (downlinkDataRate != null && downlinkDataRate >= r.dataRates().size()) {
            throw new KeyProblem("downlink_data_rate", "allowed: " + range);
        }
    }

    /** The data rate of the model broadcast. */
    public int broadcastDataRate() {
        return downlinkDataRate == null ? dataRate : downlinkDataRate;
    }
}
