package org.fedwan.channel.lorawan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data rate as people write it: a spreading factor with an optional bandwidth in kHz
 * ({@code SF7}, {@code sf10}, {@code SF7BW125}, {@code SF7/125}; case-insensitive) or {@code FSK},
 * resolved against a region's uplink table ({@link Region#dataRates()}) to its index.
 *
 * <p>A spreading factor without a bandwidth means the region's 125 kHz data rate of that factor
 * when it has one (EU868 {@code SF7} is DR5, not the 250 kHz DR6; US915 {@code SF8} is DR2, not
 * the 500 kHz DR4), else its only data rate of that factor. The tables are those of LoRaWAN
 * Regional Parameters 1.0.3revA (lpwan-facts A2): EU868 DR0..DR5 = SF12..SF7 at 125 kHz,
 * DR6 = SF7 at 250 kHz (DR7, FSK 50 kbps, is not modelled); US915 DR0..DR3 = SF10..SF7 at 125 kHz,
 * DR4 = SF8 at 500 kHz.
 *
 * @param spreadingFactor spreading factor as written, 0 for FSK
 * @param bandwidthKhz    bandwidth in kHz as written, 0 when not given (and for FSK)
 * @param fsk             the FSK data rate
 */
public record DataRateName(int spreadingFactor, int bandwidthKhz, boolean fsk) {

    private static final Pattern LORA = Pattern.compile("SF\\s*(\\d{1,2})(?:\\s*(?:/|BW)\\s*(\\d{1,3}))?(?:\\s*KHZ)?");

    /** The forms a data rate may be written in, for messages and the reference. */
    public static final String FORMS = "SF7, sf10, SF7BW125 or SF7/125 (bandwidth in kHz; SF alone means 125 kHz)";

    /**
     * Reads a data rate name.
     *
     * @param text e.g. {@code SF7}, {@code sf7bw125}, {@code SF7/125}, {@code FSK}
     * @throws IllegalArgumentException naming the text and the forms allowed
     */
    public static DataRateName parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("FSK")) {
            return new DataRateName(0, 0, true);
        }
        Matcher m = LORA.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a data rate; allowed: " + FORMS + ", or FSK");
        }
        return new DataRateName(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)), false);
    }

    /**
     * A data rate index of {@code region}, or a name of one: digits are the index, anything else
     * is a name ({@link #parse}).
     *
     * @throws IllegalArgumentException naming the value and the region's data rates
     */
    public static int index(Region region, String text) {
        String t = text.trim();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            int i = t.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(t);
            if (i >= region.dataRates().size()) {
                throw new IllegalArgumentException("allowed: " + allowed(region));
            }
            return i;
        }
        return parse(t).indexIn(region);
    }

    /**
     * The index of this data rate in {@code region}'s uplink table.
     *
     * @throws IllegalArgumentException when the region has no such data rate, listing the ones it has
     */
    public int indexIn(Region region) {
        if (!fsk) {
            List<DataRate> sameSf = new ArrayList<>();
            for (DataRate dr : region.dataRates()) {
                if (dr.spreadingFactor() == spreadingFactor) {
                    if (bandwidthKhz != 0 && dr.bandwidthHz() == bandwidthKhz * 1000L) {
                        return dr.index();
                    }
                    sameSf.add(dr);
                }
            }
            if (bandwidthKhz == 0) {
                for (DataRate dr : sameSf) {
                    if (dr.bandwidthHz() == 125_000L) {
                        return dr.index();
                    }
                }
                if (sameSf.size() == 1) {
                    return sameSf.get(0).index();
                }
            }
        }
        throw new IllegalArgumentException(this + " is not a data rate of " + region.name()
                + (fsk ? " in FedWAN (FSK is not modelled)" : "") + "; allowed: " + allowed(region));
    }

    /** The region's data rates, e.g. {@code EU868: SF12/125 (DR0), ..., SF7/250 (DR6); as the index, or SF7, ...}. */
    public static String allowed(Region region) {
        return table(region) + "; written as the index (0 to " + (region.dataRates().size() - 1) + ") or as " + FORMS;
    }

    /** The region's uplink data rates, e.g. {@code EU868: SF12/125 (DR0), SF11/125 (DR1), ...}. */
    public static String table(Region region) {
        List<String> parts = new ArrayList<>();
        for (DataRate dr : region.dataRates()) {
            parts.add(of(dr) + " (DR" + dr.index() + ")");
        }
        return region.name() + ": " + String.join(", ", parts);
    }

    /** A data rate as {@code SF7/125} (bandwidth in kHz). */
    public static String of(DataRate dr) {
        return "SF" + dr.spreadingFactor() + "/" + dr.bandwidthHz() / 1000;
    }

    @Override
    public String toString() {
        return fsk ? "FSK" : "SF" + spreadingFactor + (bandwidthKhz == 0 ? "" : "/" + bandwidthKhz);
    }
}
