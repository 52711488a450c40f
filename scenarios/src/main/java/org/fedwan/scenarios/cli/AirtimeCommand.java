package org.fedwan.scenarios.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lora.LoraTxParams;
import org.fedwan.channel.lora.LowDataRateOptimization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fedwan airtime}: LoRa time on air of one frame (Semtech SX1276 datasheet formula, lpwan-facts A1). */
@Command(name = "airtime", mixinStandardHelpOptions = true,
        description = "Print the LoRa time on air of one frame in milliseconds (LoRaWAN uplink defaults).")
final class AirtimeCommand implements Callable<Integer> {

    @Option(names = "--sf", required = true, paramLabel = "SF", description = "spreading factor, 7..12 (6 with --implicit-header)")
    int sf;

    @Option(names = "--bw-khz", defaultValue = "125", paramLabel = "KHZ", description = "bandwidth in kHz: 125, 250 or 500 (default ${DEFAULT-VALUE})")
    int bwKhz;

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
            System.out.printf(Locale.ROOT, "%s ms%n", trim(ms));
        }
        return 0;
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
