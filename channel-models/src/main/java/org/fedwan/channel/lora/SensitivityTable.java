package org.fedwan.channel.lora;

import java.util.List;
import java.util.Objects;

/**
 * Receiver sensitivity per spreading factor (SF7..SF12) and bandwidth (125, 250, 500 kHz), in
 * dBm: a frame received below it is lost.
 *
 * <p>Built-in tables (lpwan-facts A6):
 * <ul>
 *   <li>{@link #GATEWAY_NS3}: ns-3 {@code lorawan} (signetlabdei/lorawan)
 *       {@code model/gateway-lora-phy.cc}, {@code GatewayLoraPhy::sensitivity}, commented there
 *       "Source: SX1301 datasheet", 125 kHz: -130, -132.5, -135, -137.5, -140, -142.5 dBm [V,
 *       lpwan-facts A6]. The default gateway table of FedWAN;</li>
 *   <li>{@link #GATEWAY_SX1301}: -126.5, -129, -131.5, -134, -136.5, -139.5 dBm, the values of a
 *       2022 fork of ns-3 {@code lorawan} (A. Aimi, Orange / CNAM, {@code gateway-lora-phy.cc},
 *       also commented "Source: SX1301 datasheet"), not of upstream ns-3; FedWAN's default gateway
 *       table until it was found not to be ns-3's (lpwan-facts A6 note);</li>
 *   <li>{@link #DEVICE_SX1272}: ns-3 {@code end-device-lora-phy.cc}, SX1272 end device,
 *       125 kHz: -124, -127, -130, -133, -135, -137 dBm [V]. The default device (downlink)
 *       table;</li>
 *   <li>{@link #BOR_MEASURED}: Bor et al., MSWiM 2016, Table 3, as in LoRaSim: measured at all
 *       three bandwidths [V];</li>
 *   <li>{@link #SEMTECH_FORMULA}: {@code -174 + 10 log10(BW) + 6 + SNR_min}
 *       ({@link LoraDemodulation#formulaSensitivityDbm}) [C].</li>
 * </ul>
 * The ns-3 tables give 125 kHz only; {@link #fromNarrowband} derives 250 and 500 kHz by adding
 * the noise-bandwidth ratio {@code 10 log10(BW / 125 kHz)} (3.01 and 6.02 dB), the bandwidth term
 * of the sensitivity formula [C].
 *
 * @param name         table name, e.g. "gateway-sx1301"
 * @param at125kHzDbm  six values for SF7..SF12 at 125 kHz
 * @param at250kHzDbm  six values for SF7..SF12 at 250 kHz
 * @param at500kHzDbm  six values for SF7..SF12 at 500 kHz
 */
public record SensitivityTable(String name, List<Double> at125kHzDbm, List<Double> at250kHzDbm,
                               List<Double> at500kHzDbm) {

    /** Number of spreading factors in a table (SF7..SF12). */
    public static final int SPREADING_FACTORS = 6;
    private static final int FIRST_SF = 7;

    /**
     * SX1301 gateway as upstream ns-3 {@code lorawan} has it ({@code GatewayLoraPhy::sensitivity}
     * in {@code model/gateway-lora-phy.cc}); the default gateway table.
     */
    public static final SensitivityTable GATEWAY_NS3 = fromNarrowband("gateway-ns3",
            List.of(-130.0, -132.5, -135.0, -137.5, -140.0, -142.5));

    /**
     * SX1301 gateway as a 2022 fork of ns-3 {@code lorawan} has it (A. Aimi,
     * {@code gateway-lora-phy.cc}); 3 to 3.5 dB less sensitive than upstream ns-3.
     */
    public static final SensitivityTable GATEWAY_SX1301 = fromNarrowband("gateway-sx1301",
            List.of(-126.5, -129.0, -131.5, -134.0, -136.5, -139.5));

    /** SX1272 end device (ns-3 {@code EndDeviceLoraPhy::sensitivity}); the default device table. */
    public static final SensitivityTable DEVICE_SX1272 = fromNarrowband("device-sx1272",
            List.of(-124.0, -127.0, -130.0, -133.0, -135.0, -137.0));

    /** Measured by Bor et al. 2016 (Table 3), LoRaSim's {@code sf7..sf12} arrays. */
    public static final SensitivityTable BOR_MEASURED = new SensitivityTable("bor-measured",
            List.of(-126.5, -127.25, -131.25, -132.75, -134.5, -133.25),
            List.of(-124.25, -126.75, -128.25, -130.25, -132.75, -132.25),
            List.of(-120.75, -124.0, -127.5, -128.75, -128.75, -132.25));

    /** {@code -174 + 10 log10(BW) + 6 dB + SNR_min(SF)}. */
    public static final SensitivityTable SEMTECH_FORMULA = new SensitivityTable("semtech-formula",
            formulaColumn(125_000L), formulaColumn(250_000L), formulaColumn(500_000L));

    /** All built-in tables. */
    public static final List<SensitivityTable> ALL = List.of(GATEWAY_NS3, GATEWAY_SX1301, DEVICE_SX1272, BOR_MEASURED,
            SEMTECH_FORMULA);

    /** Validates and copies the columns. */
    public SensitivityTable {
        Objects.requireNonNull(name, "name is null");
        at125kHzDbm = column(name, "at125kHzDbm", at125kHzDbm);
        at250kHzDbm = column(name, "at250kHzDbm", at250kHzDbm);
        at500kHzDbm = column(name, "at500kHzDbm", at500kHzDbm);
    }

    /**
     * A table known at 125 kHz only; 250 and 500 kHz add {@code 10 log10(BW / 125 kHz)} dB.
     *
     * @param name        table name
     * @param at125kHzDbm six values for SF7..SF12
     * @return the table
     */
    public static SensitivityTable fromNarrowband(String name, List<Double> at125kHzDbm) {
        return new SensitivityTable(name, at125kHzDbm, shifted(at125kHzDbm, 10.0 * Math.log10(2.0)),
                shifted(at125kHzDbm, 10.0 * Math.log10(4.0)));
    }

    /**
     * Built-in table by name, ignoring case.
     *
     * @param name e.g. "gateway-sx1301"
     * @return the table
     */
    public static SensitivityTable byName(String name) {
        for (SensitivityTable t : ALL) {
            if (t.name.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("sensitivity table = " + name + " is not known; allowed: "
                + ALL.stream().map(SensitivityTable::name).toList() + " (case-insensitive)");
    }

    /**
     * @param spreadingFactor 7..12
     * @param bandwidthHz     125000, 250000 or 500000
     * @return sensitivity in dBm
     */
    public double sensitivityDbm(int spreadingFactor, long bandwidthHz) {
        if (spreadingFactor < FIRST_SF || spreadingFactor >= FIRST_SF + SPREADING_FACTORS) {
            throw new IllegalArgumentException("table " + name + ": spreadingFactor = " + spreadingFactor
                    + " is not allowed; allowed: 7..12");
        }
        int i = spreadingFactor - FIRST_SF;
        if (bandwidthHz == 125_000L) {
            return at125kHzDbm.get(i);
        } else if (bandwidthHz == 250_000L) {
            return at250kHzDbm.get(i);
        } else if (bandwidthHz == 500_000L) {
            return at500kHzDbm.get(i);
        }
        throw new IllegalArgumentException("table " + name + ": bandwidthHz = " + bandwidthHz
                + " is not allowed; allowed: 125000, 250000, 500000");
    }

    private static List<Double> formulaColumn(long bandwidthHz) {
        Double[] v = new Double[SPREADING_FACTORS];
        for (int i = 0; i < SPREADING_FACTORS; i++) {
            v[i] = LoraDemodulation.formulaSensitivityDbm(FIRST_SF + i, bandwidthHz,
                    LoraDemodulation.DEFAULT_NOISE_FIGURE_DB);
        }
        return List.of(v);
    }

    private static List<Double> shifted(List<Double> values, double db) {
        return values.stream().map(v -> v + db).toList();
    }

    private static List<Double> column(String name, String field, List<Double> values) {
        Objects.requireNonNull(values, field + " is null");
        List<Double> copy = List.copyOf(values);
        if (copy.size() != SPREADING_FACTORS) {
            throw new IllegalArgumentException("table " + name + ": " + field + " has " + copy.size()
                    + " values; allowed: " + SPREADING_FACTORS + " (SF7..SF12)");
        }
        for (double v : copy) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("table " + name + ": " + field + " holds " + v
                        + "; allowed: finite dBm values");
            }
        }
        return copy;
    }
}
