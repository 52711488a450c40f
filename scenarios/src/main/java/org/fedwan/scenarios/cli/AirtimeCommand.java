package org.fedwan.scenarios.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lora.LoraTxParams;
import org.fedwan.channel.lora.LowDataRateOptimization;
import org.fedwan.channel.lorawan.DataRate;
import org.fedwan.channel.lorawan.DataRateName;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.results.ConsoleNumbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fedwan airtime}: LoRa time on air of one frame (Semtech SX1276 datasheet formula, lpwan-facts A1). */
@Command(name = "airtime", mixinStandardHelpOptions = true,
        description = "Print the LoRa time on air of one frame in milliseconds (LoRaWAN uplink defaults).")
final class AirtimeCommand implements Callable<Integer> {

    /** Bandwidth when none is given, kHz: every LoRaWAN region's 125 kHz uplink channels (lpwan-facts A2). */
    static final int DEFAULT_BW_KHZ = 125;

    @Option(names = "--sf", paramLabel = "SF",
            description = "spreading factor, 7..12 (6 with --implicit-header): 7, SF7, or with the bandwidth SF7/250, SF7BW250")
    String sfText;

    @Option(names = "--bw-khz", paramLabel = "KHZ", description = "bandwidth in kHz: 125 (default), 250 or 500")
    Integer bwKhzOption;

    @Option(names = "--data-rate", paramLabel = "DR",
            description = "instead of --sf and --bw-khz: a data rate of --region, its index or SF and bandwidth (5, SF7, SF7/250)")
    String dataRate;

    @Option(names = "--region", defaultValue = "EU868", paramLabel = "NAME", description = "region of --data-rate: EU868 or US915 "
            + "(default ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--payload", required = true, paramLabel = "BYTES",
            description = "PHY payload in bytes: MAC header + FRMPayload + MIC (0..255)")
    int payload;

    @Option(names = "--cr", defaultValue = "4/5", paramLabel = "CR", description = "coding rate 4/5, 4/6, 4/7 or 4/8 (default ${DEFAULT-VALUE})")
    String codingRate;

    @Option(names = "--preamble", defaultValue = "8", paramLabel = "SYMBOLS", description = "preamble symbols (default ${DEFAULT-VALUE})")
    int preamble;

    @Option(names = "--implicit-header", description = "implicit header (default: explicit)")
    boolean implicitHeader;

    @Option(names = "--no-crc", description = "CRC off (LoRaWAN downlinks); default: on")
    boolean noCrc;

    @Option(names = "--ldro", defaultValue = "auto", paramLabel = "MODE",
            description = "low-data-rate optimisation: auto (on when a symbol lasts >= 16 ms), on or off (default ${DEFAULT-VALUE})")
    String ldro;

    @Option(names = "--json", description = "print one JSON line instead of text")
    boolean json;

    @Override
    public Integer call() {
        int cr = parseCodingRate(codingRate);
        LowDataRateOptimization mode = switch (ldro.toLowerCase(Locale.ROOT)) {
            case "auto" -> LowDataRateOptimization.AUTO;
            case "on" -> LowDataRateOptimization.ON;
            case "off" -> LowDataRateOptimization.OFF;
            default -> throw new IllegalArgumentException("--ldro " + ldro + ": allowed: auto, on, off");
        };
        int[] sfBw = modulation();
        int sf = sfBw[0];
        int bwKhz = sfBw[1];
        LoraTxParams p = new LoraTxParams(sf, bwKhz * 1000L, cr, preamble, !implicitHeader, !noCrc, mode);
        if (payload < 0 || payload > LoraPhy.MAX_PHY_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("--payload " + payload + ": allowed: 0.." + LoraPhy.MAX_PHY_PAYLOAD_BYTES + " bytes");
        }
        double ms = LoraPhy.timeOnAirMs(payload, p);
        if (json) {
            System.out.printf(Locale.ROOT,
                    "{\"sf\":%d,\"bw_khz\":%d,\"payload_bytes\":%d,\"coding_rate\":\"4/%d\",\"preamble_symbols\":%d,"
                            + "\"explicit_header\":%b,\"crc\":%b,\"low_data_rate_optimization\":%b,\"symbol_time_ms\":%s,"
                            + "\"payload_symbols\":%d,\"airtime_ms\":%s}%n",
                    sf, bwKhz, payload, cr + 4, preamble, !implicitHeader, !noCrc, LoraPhy.lowDataRateOptimized(p),
                    trim(LoraPhy.symbolTimeUsExact(p) / 1000), LoraPhy.payloadSymbols(payload, p), trim(ms));
        } else {
            System.out.println(ConsoleNumbers.group(trim(ms)) + " ms");
        }
        return 0;
    }

    /** Spreading factor and bandwidth in kHz, from --sf and --bw-khz or from --data-rate and --region. */
    private int[] modulation() {
        if (dataRate != null) {
            if (sfText != null || bwKhzOption != null) {
                throw new IllegalArgumentException("--data-rate " + dataRate + ": allowed: --data-rate or --sf and --bw-khz, "
                        + "not both");
            }
            Region r = Region.byName(region);
            DataRate dr;
            try {
                dr = r.dataRate(DataRateName.index(r, dataRate));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--data-rate " + dataRate + ": " + e.getMessage());
            }
            return new int[] {dr.spreadingFactor(), (int) (dr.bandwidthHz() / 1000)};
        }
        if (sfText == null) {
            throw new IllegalArgumentException("--sf: missing; allowed: --sf SF (7..12) or --data-rate DR");
        }
        String t = sfText.trim();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() < 4) {
            return new int[] {Integer.parseInt(t), bwKhzOption == null ? DEFAULT_BW_KHZ : bwKhzOption};
        }
        DataRateName name;
        try {
            name = DataRateName.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sf " + sfText + ": allowed: a spreading factor, 7..12, e.g. 7, SF7 or SF7/125");
        }
        if (name.fsk()) {
            throw new IllegalArgumentException("--sf " + sfText + ": allowed: a LoRa spreading factor (FSK has no LoRa time on air)");
        }
        if (name.bandwidthKhz() != 0 && bwKhzOption != null && bwKhzOption != name.bandwidthKhz()) {
            throw new IllegalArgumentException("--sf " + sfText + " --bw-khz " + bwKhzOption + ": two bandwidths; allowed: one");
        }
        int bw = name.bandwidthKhz() != 0 ? name.bandwidthKhz() : bwKhzOption == null ? DEFAULT_BW_KHZ : bwKhzOption;
        return new int[] {name.spreadingFactor(), bw};
    }

    static int parseCodingRate(String s) {
        return switch (s.trim()) {
            case "4/5", "1" -> 1;
            case "4/6", "2" -> 2;
            case "4/7", "3" -> 3;
            case "4/8", "4" -> 4;
            default -> throw new IllegalArgumentException("--cr " + s + ": allowed: 4/5, 4/6, 4/7, 4/8");
        };
    }

    /** Up to six decimals, trailing zeros removed: 41.216, 2465.792. */
    static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
