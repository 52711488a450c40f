package org.fedwan.sim.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.energy.RadioState;
import org.fedwan.channel.lora.SensitivityTable;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.channel.propagation.FreeSpacePathLoss;
import org.fedwan.channel.propagation.LogDistancePathLoss;
import org.fedwan.channel.propagation.OkumuraHataPathLoss;
import org.fedwan.channel.propagation.Position;
import org.fedwan.channel.reception.CaptureRule;
import org.fedwan.sim.Scenarios;
import org.fedwan.sim.config.InvalidScenario;
import org.junit.jupiter.api.Test;

/** The network an FL run's LoRaWAN clients get from their scenario section. */
class LorawanLinksTest {

    private static NetworkSettings settings(Map<String, ?> keys) {
        LorawanSection s = Scenarios.build(keys, null).section(LorawanSection.class);
        return LorawanLinks.settings(s, 0, Region.byName(s.region()), s.radioProfile(), 10);
    }

    @Test
    void theIdealLinkHasNoShadowingWhateverTheKeySays() {
        assertEquals(0.0, settings(Map.of("shadowing_sigma_db", 8)).shadowingSigmaDb());
    }

    @Test
    void theRealisticLinkTakesItsShadowingFromTheScenario() {
        // FLoRa's LoRaLogNormalShadowing sigma by default
        assertEquals(3.57, settings(Map.of("link", "realistic")).shadowingSigmaDb());
        assertEquals(7.8, settings(Map.of("link", "realistic", "shadowing_sigma_db", 7.8)).shadowingSigmaDb());
        assertEquals(0.0, settings(Map.of("link", "realistic", "shadowing_sigma_db", 0)).shadowingSigmaDb());
    }

    @Test
    void theNs3SetUpIsExpressedByKeys() {
        // ns-3 lorawan complete-network-example: log-distance 3.76 with 7.7 dB at 1 m, no shadowing,
        // SF from the end-device table, ns-3's gateway table, cumulative interference, 9-byte overhead.
        NetworkSettings n = settings(Map.ofEntries(Map.entry("link", "realistic"), Map.entry("radius_m", 6400),
                Map.entry("path_loss_exponent", 3.76), Map.entry("path_loss_reference_db", 7.7),
                Map.entry("path_loss_reference_m", 1), Map.entry("shadowing_sigma_db", 0),
                Map.entry("sf_policy", "device-table"), Map.entry("interference", "cumulative"),
                Map.entry("frame_overhead_bytes", 9)));
        assertEquals(LogDistancePathLoss.NS3_EXAMPLES, n.pathLoss());
        assertEquals(0.0, n.shadowingSigmaDb());
        assertEquals(SfPolicy.DEVICE_TABLE, n.sfPolicy());
        assertEquals(InterferenceModel.CUMULATIVE, n.interference());
        assertEquals(9, n.frameOverheadBytes());
        assertEquals(SensitivityTable.GATEWAY_NS3, n.gatewaySensitivity());
        assertEquals(SensitivityTable.DEVICE_SX1272, n.deviceSensitivity());
        assertEquals(6400.0, n.radiusM());
    }

    @Test
    void realisticDefaultsAreTheEarlierRealisticLink() {
        NetworkSettings n = settings(Map.of("link", "realistic"));
        assertEquals(LogDistancePathLoss.BOR_2016, n.pathLoss());
        assertEquals(InterferenceModel.PAIRWISE, n.interference());
        assertEquals(CaptureRule.LORASIM, n.captureRule());
        assertEquals(new CaptureRule(100, 0), settings(Map.of("link", "realistic", "capture_threshold_db", 100,
                "preamble_rescue_symbols", 0)).captureRule());
        assertEquals(13, n.frameOverheadBytes());
        assertEquals(PlacementKind.DISC, n.placement());
        assertEquals(List.of(), n.gatewayPositions());
    }

    @Test
    void otherPathLossModelsAndGatewayPositions() {
        NetworkSettings n = settings(Map.of("link", "realistic", "path_loss", "okumura-hata",
                "hata_environment", "suburban", "gateway_height_m", 40, "gateways", 2,
                "gateway_positions", "0,0; 2000, -150.5"));
        assertEquals(new OkumuraHataPathLoss(868.1e6, 40.0, 1.5, OkumuraHataPathLoss.Environment.SUBURBAN),
                n.pathLoss());
        assertEquals(List.of(Position.ORIGIN, new Position(2000, -150.5)), n.gatewayPositions());
        assertEquals(new FreeSpacePathLoss(868.1e6),
                settings(Map.of("link", "realistic", "path_loss", "free-space")).pathLoss());
        InvalidScenario e = assertThrows(InvalidScenario.class, () -> settings(Map.of("link", "realistic",
                "gateways", 3, "gateway_positions", "0,0; 1,1")));
        assertTrue(e.getMessage().contains("gateway_positions"), e.getMessage());
    }

    @Test
    void txPowerChoosesTheDatasheetCurrentAndRespectsTheRegionsEirp() {
        // SX1276 PA_BOOST +20 dBm: 120 mA (datasheet rev. 7 table 6); EU868's maximum EIRP is 16 dBm.
        LorawanSection us = Scenarios.build(Map.of("region", "US915", "data_rate", 3, "tx_power_dbm", 20),
                null).section(LorawanSection.class);
        assertEquals(0.120, us.radioProfile().currentA(RadioState.TX));
        assertEquals(20.0, settings(Map.of("region", "US915", "data_rate", 3, "tx_power_dbm", 20)).txPowerDbm());
        InvalidScenario eirp = assertThrows(InvalidScenario.class, () -> settings(Map.of("tx_power_dbm", 20)));
        assertTrue(eirp.getMessage().contains("tx_power_dbm") && eirp.getMessage().contains("16.0 dBm"),
                eirp.getMessage());
        InvalidScenario power = assertThrows(InvalidScenario.class, () -> settings(Map.of("tx_power_dbm", 15)));
        assertTrue(power.getMessage().contains("allowed: 14, 17, 20 dBm"), power.getMessage());
        // the default radio is the same instance as before the key existed (golden outputs)
        assertSame(RadioProfile.SX1276_14DBM, Scenarios.defaults().section(LorawanSection.class).radioProfile());
        assertEquals(0.0115, Scenarios.build(Map.of("radio", "sx1276", "rx_lna_boost", true), null)
                .section(LorawanSection.class).radioProfile().currentA(RadioState.RX), 1e-12);
    }

    @Test
    void channelsKeepsTheFirstDefaultChannels() {
        assertEquals(1, settings(Map.of("link", "realistic", "channels", 1)).channels());
        assertEquals(0, settings(Map.of("link", "realistic")).channels());
        InvalidScenario e = assertThrows(InvalidScenario.class, () -> settings(Map.of("channels", 4)));
        assertTrue(e.getMessage().contains("channels"), e.getMessage());
    }
}
