package org.fedwan.channel.lorawan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A LoRaWAN region as data: its uplink data rates and payload caps, duty cycle, power and dwell
 * limits, and its channel plan (sub-bands, default uplink channels, downlink-only data rates,
 * RX1 data-rate and frequency rules, RX2 parameters). Adding a region (e.g. AS923) is one more
 * table like {@link #EU868}.
 *
 * <p>Uplink data rates are indexed from 0 without gaps: {@code dataRates.get(i).index() == i}.
 * Downlink-only data rates (US915 DR8..DR13) carry their own indices, distinct from the uplink
 * ones.
 *
 * @param name                                  region name, e.g. "EU868"
 * @param dataRates                             uplink LoRa data rates DR0..DRn
 * @param repeaterCompatibleMaxFrmPayloadBytes  FRMPayload cap per data rate when a repeater may
 *                                              sit on the path, same length as {@code dataRates}
 * @param defaultDutyCycle                      duty cycle of the sub-band that holds the default
 *                                              channels, in (0, 1]; 0 means no duty-cycle limit
 * @param maxEirpDbm                            default maximum EIRP in dBm
 * @param dwellTimeLimitUs                      largest airtime of one uplink on a dwell-limited
 *                                              channel in microseconds; 0 means no limit
 * @param downlinkOnlyDataRates                 data rates used only downlink (US915 DR8..DR13)
 * @param subBands                              regulatory sub-bands in lookup order
 * @param defaultChannels                       uplink channels enabled by default; the gateways
 *                                              listen on them
 * @param rx1DataRateTable                      RX1 data rate index by uplink data rate (row) and
 *                                              RX1DROffset (column)
 * @param rx1DownlinkFrequenciesHz              RX1 frequencies by {@code channel.index() mod size};
 *                                              empty means RX1 uses the uplink frequency
 * @param rx2FrequencyHz                        RX2 (and default class C) frequency in hertz
 * @param rx2DataRateIndex                      RX2 data rate index
 */
public record Region(String name, List<DataRate> dataRates, List<Integer> repeaterCompatibleMaxFrmPayloadBytes,
                     double defaultDutyCycle, double maxEirpDbm, long dwellTimeLimitUs,
                     List<DataRate> downlinkOnlyDataRates, List<SubBand> subBands, List<Channel> defaultChannels,
                     List<List<Integer>> rx1DataRateTable, List<Long> rx1DownlinkFrequenciesHz, long rx2FrequencyHz,
                     int rx2DataRateIndex) {

    /**
     * EU863-870, LoRa data rates DR0..DR6 (DR7 is FSK and not modelled).
     *
     * <ul>
     *   <li>DR0..DR5 = SF12..SF7 at 125 kHz, DR6 = SF7 at 250 kHz; N = 51, 51, 51, 115, 242,
     *       242, 242 (LoRaMac-node {@code RegionEU868.h MaxPayloadOfDatarateEU868}; Regional
     *       Parameters 1.0.3revA; lpwan-facts A2 M/N column);</li>
     *   <li>repeater-compatible N = 51, 51, 51, 115, 222, 222, 222
     *       ({@code MaxPayloadOfDatarateRepeaterEU868});</li>
     *   <li>default duty cycle 1 %: the three default channels 868.1/868.3/868.5 MHz (125 kHz,
     *       DR0..DR5) share the 868.0-868.6 MHz sub-band (lpwan-facts A3);</li>
     *   <li>sub-bands and duty cycles of LoRaMac-node {@code RegionEU868.c VerifyRfFreq} and
     *       {@code EU868_BAND0..5}: 863-865 MHz 0.1 %, 865-868 MHz 1 %, 868.0-868.6 MHz 1 %,
     *       868.7-869.2 MHz 0.1 %, 869.4-869.65 MHz 10 %, 869.7-870 MHz 1 % (lpwan-facts A3);</li>
     *   <li>RX1 on the uplink frequency at {@code max(DR - RX1DROffset, DR0)}, offsets 0..5
     *       (LoRaMac-node {@code RegionEU868ApplyDrOffset}); RX2 869.525 MHz DR0
     *       (lpwan-facts A4);</li>
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
            0.01, 16.0, 0L,
            List.of(),
            List.of(new SubBand("863.0-865.0 MHz", 863_000_000L, 864_999_999L, 0.001),
                    new SubBand("865.0-868.0 MHz", 865_000_000L, 868_000_000L, 0.01),
                    new SubBand("868.0-868.6 MHz", 868_000_001L, 868_600_000L, 0.01),
                    new SubBand("868.7-869.2 MHz", 868_700_000L, 869_200_000L, 0.001),
                    new SubBand("869.4-869.65 MHz", 869_400_000L, 869_650_000L, 0.1),
                    new SubBand("869.7-870.0 MHz", 869_700_000L, 870_000_000L, 0.01)),
            List.of(new Channel(0, 868_100_000L, 125_000L, 0, 5, false),
                    new Channel(1, 868_300_000L, 125_000L, 0, 5, false),
                    new Channel(2, 868_500_000L, 125_000L, 0, 5, false)),
            offsetTable(7, 6),
            List.of(), 869_525_000L, 0);

    /**
     * US902-928, uplink data rates DR0..DR4; downlink-only DR8..DR13.
     *
     * <ul>
     *   <li>DR0..DR3 = SF10..SF7 at 125 kHz, DR4 = SF8 at 500 kHz; N = 11, 53, 125, 242, 242
     *       (LoRaMac-node {@code RegionUS915.h MaxPayloadOfDatarateUS915}; Regional Parameters
     *       1.0.3revA; lpwan-facts A2); the repeater-compatible caps of these uplink rates are the
     *       same ({@code MaxPayloadOfDatarateRepeaterUS915 = {11, 53, 125, 242, 242, ...}});</li>
     *   <li>downlink DR8..DR13 = SF12..SF7 at 500 kHz, N = 53, 129, 242, 242, 242, 242
     *       ({@code DataratesUS915}, {@code MaxPayloadOfDatarateUS915});</li>
     *   <li>no duty cycle (one sub-band 902-928 MHz without limit); max EIRP 30 dBm; 400 ms dwell
     *       time on the 125 kHz channels (lpwan-facts A3);</li>
     *   <li>default channels: sub-band 2, i.e. 125 kHz channels 8..15 (903.9-905.3 MHz, DR0..DR3)
     *       and 500 kHz channel 65 (904.6 MHz, DR4), the eight-plus-one channels an SX1301 gateway
     *       listens to (TTN frequency plan US_902_928_FSB_2). Channel {@code n} < 64 sits at
     *       902.3 + 0.2 n MHz, channel 64 + k at 903.0 + 1.6 k MHz;</li>
     *   <li>RX1 at 923.3 + 0.6 (channel mod 8) MHz, data rate from {@code DatarateOffsetsUS915}
     *       (offsets 0..3); RX2 923.3 MHz DR8 (lpwan-facts A4).</li>
     * </ul>
     */
    public static final Region US915 = new Region("US915",
            List.of(new DataRate(0, 10, 125_000L, 19, 11),
                    new DataRate(1, 9, 125_000L, 61, 53),
                    new DataRate(2, 8, 125_000L, 133, 125),
                    new DataRate(3, 7, 125_000L, 250, 242),
                    new DataRate(4, 8, 500_000L, 250, 242)),
            List.of(11, 53, 125, 242, 242),
            0.0, 30.0, 400_000L,
            List.of(new DataRate(8, 12, 500_000L, 61, 53),
                    new DataRate(9, 11, 500_000L, 137, 129),
                    new DataRate(10, 10, 500_000L, 250, 242),
                    new DataRate(11, 9, 500_000L, 250, 242),
                    new DataRate(12, 8, 500_000L, 250, 242),
                    new DataRate(13, 7, 500_000L, 250, 242)),
            List.of(new SubBand("902-928 MHz", 902_000_000L, 928_000_000L, 1.0)),
            us915Subband2(),
            List.of(List.of(10, 9, 8, 8),
                    List.of(11, 10, 9, 8),
                    List.of(12, 11, 10, 9),
                    List.of(13, 12, 11, 10),
                    List.of(13, 13, 12, 11)),
            List.of(923_300_000L, 923_900_000L, 924_500_000L, 925_100_000L, 925_700_000L, 926_300_000L,
                    926_900_000L, 927_500_000L),
            923_300_000L, 8);

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
        downlinkOnlyDataRates = List.copyOf(downlinkOnlyDataRates);
        subBands = List.copyOf(subBands);
        defaultChannels = List.copyOf(defaultChannels);
        rx1DataRateTable = rx1DataRateTable.stream().map(List::copyOf).toList();
        rx1DownlinkFrequenciesHz = List.copyOf(rx1DownlinkFrequenciesHz);
        validatePlan(name, dataRates, downlinkOnlyDataRates, subBands, defaultChannels, rx1DataRateTable,
                rx1DownlinkFrequenciesHz, rx2FrequencyHz, rx2DataRateIndex);
    }

    /**
     * A region without a channel plan: one sub-band over all frequencies at
     * {@code defaultDutyCycle} (no limit when 0), no channels, RX1 at the uplink data rate, RX2 at
     * DR0. Enough for airtime and duty-cycle arithmetic; the network engine needs channels and
     * rejects such a region.
     *
     * @param name                                 region name
     * @param dataRates                            uplink data rates
     * @param repeaterCompatibleMaxFrmPayloadBytes repeater-compatible FRMPayload caps
     * @param defaultDutyCycle                     duty cycle, 0 for none
     * @param maxEirpDbm                           maximum EIRP in dBm
     * @param dwellTimeLimitUs                     dwell-time limit in µs, 0 for none
     */
    public Region(String name, List<DataRate> dataRates, List<Integer> repeaterCompatibleMaxFrmPayloadBytes,
                  double defaultDutyCycle, double maxEirpDbm, long dwellTimeLimitUs) {
        this(name, dataRates, repeaterCompatibleMaxFrmPayloadBytes, defaultDutyCycle, maxEirpDbm, dwellTimeLimitUs,
                List.of(), List.of(new SubBand("all frequencies", 0L, Long.MAX_VALUE,
                        defaultDutyCycle > 0.0 && defaultDutyCycle <= 1.0 ? defaultDutyCycle : 1.0)),
                List.of(), offsetTable(dataRates == null ? 0 : dataRates.size(), 1), List.of(), 0L, 0);
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

    /**
     * Data rate by index, uplink or downlink-only (US915 DR8..DR13).
     *
     * @param index DRx index
     * @return the data rate
     * @throws IllegalArgumentException naming the region, the value and the allowed indices
     */
    public DataRate downlinkDataRate(int index) {
        if (index >= 0 && index < dataRates.size()) {
            return dataRates.get(index);
        }
        for (DataRate dr : downlinkOnlyDataRates) {
            if (dr.index() == index) {
                return dr;
            }
        }
        throw new IllegalArgumentException("region " + name + ": downlink data rate index = " + index
                + " is not allowed; allowed: 0.." + (dataRates.size() - 1)
                + (downlinkOnlyDataRates.isEmpty() ? "" : " or " + downlinkOnlyDataRates.stream()
                .map(dr -> Integer.toString(dr.index())).collect(Collectors.joining(", "))));
    }

    /** @return the largest RX1DROffset the region defines */
    public int maxRx1DrOffset() {
        return rx1DataRateTable.get(0).size() - 1;
    }

    /**
     * RX1 data rate (LoRaWAN Regional Parameters 1.0.3revA, "RX1 receive window"; lpwan-facts
     * A4: EU868 {@code max(DR - offset, 0)}; US915 table {@code DatarateOffsetsUS915}).
     *
     * @param uplinkDataRateIndex uplink DRx
     * @param rx1DrOffset         RX1DROffset, 0..{@link #maxRx1DrOffset()}
     * @return the RX1 data rate index
     */
    public int rx1DataRateIndex(int uplinkDataRateIndex, int rx1DrOffset) {
        dataRate(uplinkDataRateIndex);
        if (rx1DrOffset < 0 || rx1DrOffset > maxRx1DrOffset()) {
            throw new IllegalArgumentException("region " + name + ": rx1DrOffset = " + rx1DrOffset
                    + " is not allowed; allowed: 0.." + maxRx1DrOffset());
        }
        return rx1DataRateTable.get(uplinkDataRateIndex).get(rx1DrOffset);
    }

    /**
     * @param uplink the uplink channel
     * @return the RX1 frequency: the uplink's own (EU868) or {@code rx1DownlinkFrequenciesHz}
     *         at {@code index mod size} (US915)
     */
    public long rx1FrequencyHz(Channel uplink) {
        if (rx1DownlinkFrequenciesHz.isEmpty()) {
            return uplink.frequencyHz();
        }
        return rx1DownlinkFrequenciesHz.get(uplink.index() % rx1DownlinkFrequenciesHz.size());
    }

    /**
     * @param frequencyHz a carrier frequency
     * @return index into {@link #subBands()} of the first sub-band holding it, or -1 if none does
     */
    public int subBandIndexOf(long frequencyHz) {
        for (int i = 0; i < subBands.size(); i++) {
            if (subBands.get(i).contains(frequencyHz)) {
                return i;
            }
        }
        return -1;
    }

    /** @return true when the region lists uplink channels (the network engine needs them) */
    public boolean hasChannelPlan() {
        return !defaultChannels.isEmpty();
    }

    /**
     * @return the uplink data rate indices some default channel allows, ascending (EU868 0..5,
     *         US915 0..4)
     */
    public List<Integer> channelDataRates() {
        return dataRates.stream().map(DataRate::index)
                .filter(i -> defaultChannels.stream().anyMatch(c -> c.allows(i))).toList();
    }

    /**
     * @param dataRateIndex uplink DRx
     * @return the default channels that allow it, in plan order
     */
    public List<Channel> channelsFor(int dataRateIndex) {
        return defaultChannels.stream().filter(c -> c.allows(dataRateIndex)).toList();
    }

    static List<List<Integer>> offsetTable(int dataRateCount, int offsets) {
        List<List<Integer>> rows = new ArrayList<>();
        for (int dr = 0; dr < dataRateCount; dr++) {
            List<Integer> row = new ArrayList<>();
            for (int off = 0; off < offsets; off++) {
                row.add(Math.max(dr - off, 0));
            }
            rows.add(List.copyOf(row));
        }
        return List.copyOf(rows);
    }

    private static List<Channel> us915Subband2() {
        List<Channel> channels = new ArrayList<>();
        for (int n = 8; n <= 15; n++) {
            channels.add(new Channel(n, 902_300_000L + 200_000L * n, 125_000L, 0, 3, true));
        }
        channels.add(new Channel(65, 903_000_000L + 1_600_000L, 500_000L, 4, 4, false));
        return List.copyOf(channels);
    }

    private static void validatePlan(String name, List<DataRate> dataRates, List<DataRate> downlinkOnly,
                                     List<SubBand> subBands, List<Channel> channels, List<List<Integer>> rx1Table,
                                     List<Long> rx1Frequencies, long rx2FrequencyHz, int rx2DataRateIndex) {
        Set<Integer> downlinkIndices = new HashSet<>();
        dataRates.forEach(dr -> downlinkIndices.add(dr.index()));
        for (DataRate dr : downlinkOnly) {
            if (!downlinkIndices.add(dr.index())) {
                throw new IllegalArgumentException("region " + name + ": downlink-only data rate index " + dr.index()
                        + " is used twice; allowed: indices distinct from the uplink ones");
            }
        }
        if (subBands.isEmpty()) {
            throw new IllegalArgumentException("region " + name + ": subBands is empty; allowed: at least one");
        }
        if (rx1Table.size() != dataRates.size()) {
            throw new IllegalArgumentException("region " + name + ": rx1DataRateTable has " + rx1Table.size()
                    + " rows; allowed: " + dataRates.size() + " (one per uplink data rate)");
        }
        int offsets = rx1Table.get(0).size();
        for (int row = 0; row < rx1Table.size(); row++) {
            List<Integer> r = rx1Table.get(row);
            if (r.isEmpty() || r.size() != offsets) {
                throw new IllegalArgumentException("region " + name + ": rx1DataRateTable row " + row + " has "
                        + r.size() + " offsets; allowed: the same non-zero count in every row");
            }
            for (int dr : r) {
                if (!downlinkIndices.contains(dr)) {
                    throw new IllegalArgumentException("region " + name + ": rx1DataRateTable row " + row
                            + " names DR" + dr + "; allowed: " + downlinkIndices);
                }
            }
        }
        if (!downlinkIndices.contains(rx2DataRateIndex)) {
            throw new IllegalArgumentException("region " + name + ": rx2DataRateIndex = " + rx2DataRateIndex
                    + " is not allowed; allowed: " + downlinkIndices);
        }
        if (rx2FrequencyHz < 0) {
            throw new IllegalArgumentException("region " + name + ": rx2FrequencyHz = " + rx2FrequencyHz
                    + " is not allowed; allowed: >= 0");
        }
        for (long f : rx1Frequencies) {
            if (f <= 0) {
                throw new IllegalArgumentException("region " + name + ": rx1 downlink frequency " + f
                        + " Hz is not allowed; allowed: > 0");
            }
        }
        Set<Integer> channelIndices = new HashSet<>();
        for (Channel c : channels) {
            if (!channelIndices.add(c.index())) {
                throw new IllegalArgumentException("region " + name + ": channel index " + c.index()
                        + " is used twice");
            }
            if (c.maxDataRate() >= dataRates.size()) {
                throw new IllegalArgumentException("region " + name + ": channel " + c.index() + " allows DR"
                        + c.maxDataRate() + "; allowed: up to DR" + (dataRates.size() - 1));
            }
            for (int dr = c.minDataRate(); dr <= c.maxDataRate(); dr++) {
                if (dataRates.get(dr).bandwidthHz() != c.bandwidthHz()) {
                    throw new IllegalArgumentException("region " + name + ": channel " + c.index() + " ("
                            + c.bandwidthHz() + " Hz) allows DR" + dr + " at " + dataRates.get(dr).bandwidthHz()
                            + " Hz; allowed: data rates of the channel's bandwidth");
                }
            }
            if (subBands.stream().noneMatch(b -> b.contains(c.frequencyHz()))) {
                throw new IllegalArgumentException("region " + name + ": channel " + c.index() + " at "
                        + c.frequencyHz() + " Hz lies in no sub-band");
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
