package org.fedwan.sim.lorawan.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fedwan.channel.lora.LoraPhy;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.channel.propagation.FreeSpacePathLoss;
import org.fedwan.channel.propagation.Position;
import org.fedwan.sim.background.TrafficArrival;
import org.fedwan.sim.lorawan.NetworkSettings;
import org.fedwan.sim.lorawan.PlacementKind;
import org.fedwan.sim.lorawan.SfPolicy;
import org.junit.jupiter.api.Test;

/** The network-only runs: bookkeeping, determinism and an ALOHA check against theory. */
class LorawanNetworkSimulationTest {

    @Test
    void lossesAddUpAndEveryPacketIsAccountedFor() {
        LorawanNetworkReport r = LorawanNetworkSimulation.run(LorawanNetworkConfig.of(200, 800, 300, 20, 2.0, 2, 7));

        assertEquals(200, r.devices());
        assertEquals(2, r.gateways());
        assertEquals(200 * 24, r.packetsOffered()); // 2 h / 300 s per device, periodic
        assertEquals(r.framesSent(), r.framesReceived() + r.lostCollision() + r.lostBelowSensitivity()
                + r.lostNoDemodulator() + r.lostGatewayTransmitting() + r.lostBatteryDepleted());
        assertEquals(r.packetsOffered(), r.framesSent() + r.packetsDroppedBusy() + r.framesRefused()
                + r.packetsUnsentAtEnd());
        assertEquals((double) r.framesReceived() / r.framesSent(), r.packetDeliveryRatio(), 1e-12);
        assertEquals(r.framesSent(), r.framesPerDataRate().stream().mapToLong(Long::longValue).sum());
        assertTrue(r.lostBelowSensitivity() > 0 && r.lostCollision() > 0, r.format());
        assertTrue(r.energyPerDeviceMinJ() > 0 && r.energyPerDeviceMinJ() <= r.energyPerDeviceMeanJ()
                && r.energyPerDeviceMeanJ() <= r.energyPerDeviceMaxJ());
        assertEquals(r.energyPerDeviceMeanJ(), r.txEnergyMeanJ() + r.rxEnergyMeanJ() + r.sleepEnergyMeanJ()
                + r.mcuEnergyMeanJ(), 1e-9);
        assertTrue(r.events() > 0 && r.format().contains("packet delivery ratio"));
    }

    @Test
    void sameSeedSameReport() {
        LorawanNetworkConfig c = LorawanNetworkConfig.of(100, 600, 600, 20, 1.0, 1, 3);
        LorawanNetworkReport a = LorawanNetworkSimulation.run(c);
        LorawanNetworkReport b = LorawanNetworkSimulation.run(c);
        assertEquals(withoutWallTime(a), withoutWallTime(b));
        LorawanNetworkReport other = LorawanNetworkSimulation.run(LorawanNetworkConfig.of(100, 600, 600, 20, 1.0, 1, 4));
        assertNotEquals(withoutWallTime(a), withoutWallTime(other));
    }

    private static LorawanNetworkReport withoutWallTime(LorawanNetworkReport r) {
        return new LorawanNetworkReport(r.devices(), r.gateways(), r.simulatedUs(), r.packetsOffered(),
                r.packetsDroppedBusy(), r.packetsUnsentAtEnd(), r.framesSent(), r.framesReceived(),
                r.lostCollision(), r.lostBelowSensitivity(), r.lostNoDemodulator(), r.lostGatewayTransmitting(),
                r.lostBatteryDepleted(), r.framesRefused(), r.retransmissions(), r.downlinks(),
                r.packetDeliveryRatio(), r.energyPerDeviceMeanJ(), r.energyPerDeviceMinJ(), r.energyPerDeviceMaxJ(),
                r.txEnergyMeanJ(), r.rxEnergyMeanJ(), r.sleepEnergyMeanJ(), r.mcuEnergyMeanJ(),
                r.dutyCycleWaitMeanUs(), r.devicesDepleted(), r.firstDepletionUs(), r.framesPerDataRate(), r.events(),
                0.0);
    }

    @Test
    void equalPowerAlohaMatchesTheory() {
        // 150 devices on one point 100 m from the gateway (equal power, so no capture), one channel,
        // SF7, Poisson packets. LoRaSim's rule loses a frame when another starts less than
        // T - 3 Tsym before or after it, so PDR = exp(-lambda (2T - 6 Tsym)) for the aggregate rate
        // lambda of the other devices' frames.
        Region oneChannel = new Region("EU868-1ch", Region.EU868.dataRates(),
                Region.EU868.repeaterCompatibleMaxFrmPayloadBytes(), 0.01, 16.0, 0L, List.of(),
                Region.EU868.subBands(), List.of(Region.EU868.defaultChannels().get(0)),
                Region.EU868.rx1DataRateTable(), List.of(), Region.EU868.rx2FrequencyHz(), 0);
        int n = 150;
        NetworkSettings.Builder b = NetworkSettings.builder();
        b.region = oneChannel;
        b.placement = PlacementKind.LISTED;
        b.devicePositions = java.util.Collections.nCopies(n, new Position(100, 0));
        b.pathLoss = FreeSpacePathLoss.AT_868_MHZ;
        b.shadowingSigmaDb = 0.0;
        b.sfPolicy = SfPolicy.FIXED;
        b.fixedDataRate = 5;
        b.deviceDutyCycleOverride = 1.0;
        b.demodulatorPaths = 64;
        LorawanNetworkConfig c = new LorawanNetworkConfig(n, 30.0, 20, 2.0, 9, TrafficArrival.POISSON, b.build());
        LorawanNetworkReport r = LorawanNetworkSimulation.run(c);

        double toaS = LoraPhy.timeOnAirUs(33, Region.EU868.dataRate(5).uplinkParams()) / 1e6;
        double tSymS = 1.024e-3;
        double lambdaOthers = r.framesSent() * (n - 1.0) / n / (c.durationH() * 3600.0);
        double expected = Math.exp(-lambdaOthers * (2 * toaS - 6 * tSymS));
        assertTrue(r.framesSent() > 30_000, r.format());
        assertEquals(expected, r.packetDeliveryRatio(), 0.02, "theory " + expected + "\n" + r.format());
        assertEquals(r.framesSent() - r.framesReceived(), r.lostCollision());
    }

    @Test
    void everyMacFeatureRunsThroughTheSameEngineInBothRegions() {
        for (Region region : List.of(Region.EU868, Region.US915)) {
            NetworkSettings.Builder b = NetworkSettings.builder();
            b.region = region;
            b.radiusM = 700.0;
            b.gateways = 3;
            b.sfPolicy = SfPolicy.ADR;
            b.confirmed = true;
            b.fairUse = true;
            b.batteryCapacityJ = 20.0;
            LorawanNetworkConfig c = new LorawanNetworkConfig(60, 120.0, 10, 3.0, 2, TrafficArrival.POISSON, b.build());
            LorawanNetworkReport r = LorawanNetworkSimulation.run(c);

            assertEquals(r.framesSent(), r.framesReceived() + r.lostCollision() + r.lostBelowSensitivity()
                    + r.lostNoDemodulator() + r.lostGatewayTransmitting() + r.lostBatteryDepleted(), region.name());
            assertEquals(r.packetsOffered(), r.framesSent() - r.retransmissions() + r.packetsDroppedBusy()
                    + r.framesRefused() + r.packetsUnsentAtEnd(), region.name());
            assertTrue(r.downlinks() > 0 && r.retransmissions() > 0, region.name() + "\n" + r.format());
            assertTrue(r.framesPerDataRate().get(0) > 0, region.name()); // ADR starts at DR0
        }
    }

    @Test
    void configurationIsValidated() {
        NetworkSettings s = NetworkSettings.builder().build();
        assertThrows(IllegalArgumentException.class,
                () -> new LorawanNetworkConfig(0, 600, 20, 1, 1, TrafficArrival.PERIODIC, s));
        assertThrows(IllegalArgumentException.class,
                () -> new LorawanNetworkConfig(1, 0, 20, 1, 1, TrafficArrival.PERIODIC, s));
        assertThrows(IllegalArgumentException.class,
                () -> new LorawanNetworkConfig(1, 600, 243, 1, 1, TrafficArrival.PERIODIC, s));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LorawanNetworkConfig(1, 600, 20, -1, 1, TrafficArrival.PERIODIC, s));
        assertTrue(e.getMessage().contains("durationH"), e.getMessage());
        LorawanNetworkConfig cli = LorawanNetworkConfig.of(10, 750, 600, 20, 24, 3, 5);
        assertEquals(750.0, cli.network().radiusM());
        assertEquals(3, cli.network().gateways());
        assertEquals(86_400_000_000L, cli.durationUs());
        assertEquals(600_000_000L, cli.periodUs());
    }
}
