package org.fedwan.channel.lorawan;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A LoRaWAN region as data: its uplink data rates, payload caps, duty cycle, power and dwell
 * limits. Adding a region (e.g. AS923) is one more table like {@link #EU868}.
 *
 * <p>Data rates are indexed from 0 without gaps: {@code dataRates.get(i).index() == i}.
 *
 * @param name                                  region name, e.g. "EU868"
 * @param dataRates                             uplink LoRa data rates DR0..DRn
 * @param repeaterCompatibleMaxFrmPayloadBytes  FRMPayload cap per data rate when a repeater may
 *                                              sit on the path, same length as {@code dataRates}
 * @param defaultDutyCycle                      duty cycle of the sub-band that holds the default
 *                                              channels, in (0, 1]; 0 means no duty-cycle limit
 * @param maxEirpDbm                            default maximum EIRP in dBm
 * @param dwellTimeLimitUs                      largest airtime of one uplink in microseconds;
 *                                              0 means no dwell-time limit
 */
public record Region(String name, List<DataRate> dataRates, List<Integer> repeaterCompatibleMaxFrmPayloadBytes,
                     double defaultDutyCycle, double maxEirpDbm, long dwellTimeLimitUs) {

    /**
     * EU863-870, LoRa data rates DR0..DR6 (DR7 is FSK and not modelled).
     *
     * <ul>
     *   <li>DR0..DR5 = SF12..SF7 at 125 kHz, DR6 = SF7 at 250 kHz; N = 51, 51, 51, 115, 242,
     *       242, 242 (LoRaMac-node {@code RegionEU868.h MaxPayloadOfDatarateEU868}; Regional
     *       Parameters 1.0.3revA; lpwan-facts A2 M/N column);</li>
     *   <li>repeater-compatible N = 51, 51, 51, 115, 222, 222, 222
     *       ({@code MaxPayloadOfDatarateRepeaterEU868});</li>
     *   <li>default duty cycle 1 %: the three default channels 868.1/868.3/868.5 MHz share the
     *       868.0-868.6 MHz sub-band (lpwan-facts A3);</li>
     *   <li>default max EIRP 16 dBm (lpwan-facts A3); no dwell-time limit.</li>
     * </ul>
     */
    public static final Region EU868 = new Region("EU868",
            List.of(new DataRate(0, 12, 125_000L, 59, 51),
                    new DataRate(1, 11, 125_000L, 59, 51),
                    new DataRate(2, 10, 125_000L, 59, 51),
                    new DataRate(3, 9, 125_000L, 123, 115),
                    new DataRate(4, 8, 125_000L, 250, 242),
                    new DataRate(5, 7, 125_000L, 250, 242),
                    new DataRate(6, 7, 250_000L, 250, 242)),
            List.of(51, 51, 51, 115, 222, 222, 222),
            0.01, 16.0, 0L);

    /**
     * US902-928, uplink data rates DR0..DR4 (downlink DR8..DR13 are not uplink rates).
     *
     * <ul>
     *   <li>DR0..DR3 = SF10..SF7 at 125 kHz, DR4 = SF8 at 500 kHz; N = 11, 53, 125, 242, 242
     *       (LoRaMac-node {@code RegionUS915.h MaxPayloadOfDatarateUS915}; Regional Parameters
     *       1.0.3revA; lpwan-facts A2); the repeater-compatible caps of these uplink rates are the
     *       same ({@code MaxPayloadOfDatarateRepeaterUS915 = {11, 53, 125, 242, 242, ...}});</li>
     *   <li>no duty cycle; max EIRP 30 dBm; 400 ms dwell time (lpwan-facts A3). The dwell limit
     *       applies to the 125 kHz channels 0..63 only; the payload caps keep every uplink under
     *       it anyway.</li>
     * </ul>
     */
    public static final Region US915 = new Region("US915",
            List.of(new DataRate(0, 10, 125_000L, 19, 11),
                    new DataRate(1, 9, 125_000L, 61, 53),
                    new DataRate(2, 8, 125_000L, 133, 125),
                    new DataRate(3, 7, 125_000L, 250, 242),
                    new DataRate(4, 8, 500_000L, 250, 242)),
            List.of(11, 53, 125, 242, 242),
            0.0, 30.0, 400_000L);

    /** All built-in regions, in the order their names are listed in error messages. */
    public static final List<Region> ALL = List.of(EU868, US915);

    /** Validates every field and copies the lists; errors name the field and the value. */
    public Region {
        Objects.requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank; allowed: a non-blank region name");
        }
        dataRates = List.copyOf(dataRates);
        repeaterCompatibleMaxFrmPayloadBytes = List.copyOf(repeaterCompatibleMaxFrmPayloadBytes);
        if (dataRates.isEmpty()) {
            throw new IllegalArgumentException("region " + name + ": dataRates is empty; allowed: at least one");
        }
        for (int i = 0; i < dataRates.size(); i++) {
            if (dataRates.get(i).index() != i) {
                throw new IllegalArgumentException("region " + name + ": dataRates[" + i + "] has index "
                        + dataRates.get(i).index() + "; allowed: " + i + " (indices run 0.." + (dataRates.size() - 1)
                        + " without gaps)");
            }
        }
        if (repeaterCompatibleMaxFrmPayloadBytes.size() != dataRates.size()) {
            throw new IllegalArgumentException("region " + name + ": repeaterCompatibleMaxFrmPayloadBytes has "
                    + repeaterCompatibleMaxFrmPayloadBytes.size() + " entries; allowed: " + dataRates.size()
                    + " (one per data rate)");
        }
        for (int i = 0; i < dataRates.size(); i++) {
            int cap = repeaterCompatibleMaxFrmPayloadBytes.get(i);
            if (cap < 0 || cap > dataRates.get(i).maxFrmPayloadBytes()) {
                throw new IllegalArgumentException("region " + name + ": repeaterCompatibleMaxFrmPayloadBytes[" + i
                        + "] = " + cap + " is not allowed; allowed: 0.." + dataRates.get(i).maxFrmPayloadBytes());
            }
        }
        if (!(defaultDutyCycle >= 0.0 && defaultDutyCycle <= 1.0)) {
            throw new IllegalArgumentException("region " + name + ": defaultDutyCycle = " + defaultDutyCycle
                    + " is not allowed; allowed: 0 (no limit) or (0, 1]");
        }
        if (!Double.isFinite(maxEirpDbm)) {
            throw new IllegalArgumentException("region " + name + ": maxEirpDbm = " + maxEirpDbm
                    + " is not allowed; allowed: a finite dBm value");
        }
        if (dwellTimeLimitUs < 0) {
            throw new IllegalArgumentException("region " + name + ": dwellTimeLimitUs = " + dwellTimeLimitUs
                    + " is not allowed; allowed: 0 (no limit) or > 0");
        }
    }

    /**
     * Built-in region by name, ignoring case.
     *
     * @param name e.g. "eu868"
     * @return the region
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static Region byName(String name) {
        for (Region r : ALL) {
            if (r.name.equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("region = " + name + " is not known; allowed: "
                + ALL.stream().map(Region::name).collect(Collectors.joining(", ")) + " (case-insensitive)");
    }

    /**
     * Data rate by index.
     *
     * @param index DRx index
     * @return the data rate
     * @throws IllegalArgumentException naming the region, the value and the allowed range
     */
    public DataRate dataRate(int index) {
        if (index < 0 || index >= dataRates.size()) {
            throw new IllegalArgumentException("region " + name + ": data rate index = " + index
                    + " is not allowed; allowed: 0.." + (dataRates.size() - 1));
        }
        return dataRates.get(index);
    }

    /**
     * Data rate with the given modulation.
     *
     * @param spreadingFactor spreading factor
     * @param bandwidthHz     bandwidth in hertz
     * @return the data rate
     * @throws IllegalArgumentException naming the region, the values and the allowed pairs
     */
    public DataRate dataRateFor(int spreadingFactor, long bandwidthHz) {
        for (DataRate dr : dataRates) {
            if (dr.spreadingFactor() == spreadingFactor && dr.bandwidthHz() == bandwidthHz) {
                return dr;
            }
        }
        throw new IllegalArgumentException("region " + name + ": SF" + spreadingFactor + "/" + bandwidthHz
                + " Hz is not a data rate; allowed: " + dataRates.stream()
                .map(dr -> "SF" + dr.spreadingFactor() + "/" + dr.bandwidthHz() + " Hz")
                .collect(Collectors.joining(", ")));
    }

    /**
     * @param index DRx index
     * @return FRMPayload cap in bytes at that data rate when repeaters may be present
     */
    public int repeaterCompatibleMaxFrmPayloadBytes(int index) {
        return repeaterCompatibleMaxFrmPayloadBytes.get(dataRate(index).index());
    }

    /** @return true when the default sub-band has a duty-cycle limit */
    public boolean hasDutyCycle() {
        return defaultDutyCycle > 0.0;
    }

    /** @return true when uplinks have a dwell-time limit */
    public boolean hasDwellTimeLimit() {
        return dwellTimeLimitUs > 0;
    }

    /**
     * A fresh ledger for the default channels' sub-band: limited by {@link #defaultDutyCycle()},
     * or {@link DutyCycleLedger#unlimited()} when the region has no duty cycle.
     *
     * @return a new ledger
     */
    public DutyCycleLedger newDefaultSubBandLedger() {
        return hasDutyCycle() ? new DutyCycleLedger(defaultDutyCycle) : DutyCycleLedger.unlimited();
    }

    @Override
    public String toString() {
        return name;
    }
}
