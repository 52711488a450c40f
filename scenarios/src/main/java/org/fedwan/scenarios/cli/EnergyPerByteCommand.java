package org.fedwan.scenarios.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fedwan.channel.energy.EnergyPerByte;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.lorawan.DataRate;
import org.fedwan.channel.lorawan.DataRateName;
import org.fedwan.channel.lorawan.LorawanFrame;
import org.fedwan.channel.lorawan.Region;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fedwan energy-per-byte}: TX energy per FRMPayload byte of one LoRaWAN uplink, for a table
 * of payload sizes and every data rate of a region ({@link EnergyPerByte}).
 */
@Command(name = "energy-per-byte", mixinStandardHelpOptions = true,
        description = {"Print the TX energy per application byte (mJ/B) of one LoRaWAN uplink frame: rows are FRMPayload",
            "sizes, columns the region's data rates; '-' where the payload does not fit the data rate."})
final class EnergyPerByteCommand implements Callable<Integer> {

    @Option(names = "--region", defaultValue = "EU868", paramLabel = "NAME", description = "EU868 or US915 (default ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--radio", defaultValue = "sx1276", paramLabel = "CHIP", description = "sx1276 or sx1262 (default ${DEFAULT-VALUE})")
    String radio;

    @Option(names = "--tx-power-dbm", defaultValue = "14", paramLabel = "DBM",
            description = "TX power with a datasheet current: sx1276 14, 17, 20; sx1262 14, 17, 22 (default ${DEFAULT-VALUE})")
    double txPowerDbm;

    @Option(names = "--payloads", split = ",", paramLabel = "B,B,...",
            defaultValue = "1,5,10,14,20,30,51,115,222,242", description = "FRMPayload sizes in bytes (default ${DEFAULT-VALUE})")
    List<Integer> payloads;

    @Option(names = "--json", description = "print one JSON document (settings and mJ/B per payload and data rate) instead of text")
    boolean json;

    @Override
    public Integer call() {
        Region r = Region.byName(region.toUpperCase(Locale.ROOT));
        RadioProfile profile = RadioProfile.datasheet(radio, txPowerDbm, false);
        List<DataRate> rates = new ArrayList<>();
        for (DataRate dr : r.dataRates()) {
            if (dr.bandwidthHz() == 125_000L && dr.spreadingFactor() >= DataRate.MIN_LORAWAN_SPREADING_FACTOR) {
                rates.add(dr);
            }
        }
        if (json) {
            System.out.print(Json.document(jsonDocument(r, profile, rates)));
            return 0;
        }
        System.out.printf(Locale.ROOT, "%s, %s at %s dBm (%.1f mA at %.1f V), uplink TX energy per FRMPayload byte, mJ/B%n",
                r.name(), profile.name(), trim(txPowerDbm), profile.txCurrentA() * 1e3, profile.supplyVoltageV());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%8s", "payload"));
        for (DataRate dr : rates) {
            header.append(String.format(Locale.ROOT, "%9s", "SF" + dr.spreadingFactor()));
        }
        System.out.println(header);
        for (int bytes : payloads) {
            if (bytes < 1) {
                throw new IllegalArgumentException("--payloads " + bytes + ": allowed: 1.." + LorawanFrame.maxFrmPayloadBytes(
                        rates.get(rates.size() - 1), 0) + " bytes");
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%6d B", bytes));
            for (DataRate dr : rates) {
                boolean fits = bytes <= LorawanFrame.maxFrmPayloadBytes(dr, 0);
                row.append(fits ? String.format(Locale.ROOT, "%9.3f", EnergyPerByte.txMillijoulesPerByte(profile, dr, bytes))
                        : String.format(Locale.ROOT, "%9s", "-"));
            }
            System.out.println(row);
        }
        return 0;
    }

    /** The table as JSON: one row per payload, {@code mj_per_byte} by data rate name ({@code SF7/125}), null where it does not fit. */
    private Map<String, Object> jsonDocument(Region r, RadioProfile profile, List<DataRate> rates) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int bytes : payloads) {
            if (bytes < 1) {
                throw new IllegalArgumentException("--payloads " + bytes + ": allowed: 1.." + LorawanFrame.maxFrmPayloadBytes(
                        rates.get(rates.size() - 1), 0) + " bytes");
            }
            Map<String, Object> perRate = new LinkedHashMap<>();
            for (DataRate dr : rates) {
                boolean fits = bytes <= LorawanFrame.maxFrmPayloadBytes(dr, 0);
                perRate.put(DataRateName.of(dr), fits ? EnergyPerByte.txMillijoulesPerByte(profile, dr, bytes) : null);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("frm_payload_bytes", bytes);
            row.put("mj_per_byte", perRate);
            rows.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("region", r.name());
        doc.put("radio", profile.name());
        doc.put("tx_power_dbm", txPowerDbm);
        doc.put("tx_current_ma", profile.txCurrentA() * 1e3);
        doc.put("supply_voltage_v", profile.supplyVoltageV());
        doc.put("rows", rows);
        return doc;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
