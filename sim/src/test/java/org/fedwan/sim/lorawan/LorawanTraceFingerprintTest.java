package org.fedwan.sim.lorawan;

import static org.fedwan.sim.lorawan.Nets.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.fedwan.channel.lora.SensitivityTable;
import org.fedwan.channel.propagation.Position;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkConfig;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkReport;
import org.fedwan.sim.lorawan.traffic.LorawanNetworkSimulation;
import org.fedwan.sim.background.TrafficArrival;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints of whole engine traces: every listener callback with all its arguments, the
 * network's counters and each device's energy (exact bits), hashed with SHA-256. The two runs go
 * through every path of a device: periodic packets dropped while busy, confirmed retries and
 * give-ups, ADR steps, fair use, fragmented messages resent, an aborted message, class A
 * downloads, a class C multicast, MCU activity, the end of the generation window and batteries
 * that empty mid-frame.
 *
 * <p>The hashes were recorded on commit e56e757, before {@link LorawanDevice} was split into its
 * parts; any change of event order, random draw or arithmetic changes them. A deliberate change of
 * behaviour records the new hashes (printed by the failure) in a commit that says why.
 */
class LorawanTraceFingerprintTest {

    private static final long S = 1_000_000L;

    @Test
    void periodicTrafficWithRetriesAdrFairUseAndDepletionKeepsItsTrace() {
        Trace trace = new Trace();
        NetworkSettings.Builder b = NetworkSettings.builder();
        b.gatewaySensitivity = SensitivityTable.GATEWAY_SX1301; // the table the hashes were recorded with
        b.radiusM = 1_200.0;
        b.gateways = 2;
        b.sfPolicy = SfPolicy.ADR;
        b.confirmed = true;
        b.batteryCapacityJ = 10.0;
        LorawanNetworkReport adr = traffic(trace, new LorawanNetworkConfig(120, 30.0, 20, 3.0, 11,
                TrafficArrival.POISSON, b.build()));
        b = NetworkSettings.builder();
        b.gatewaySensitivity = SensitivityTable.GATEWAY_SX1301;
        b.radiusM = 2_500.0;
        b.fairUse = true;
        b.fairUseUplinkAirtimeUsPerDay = 1_200_000L;
        LorawanNetworkReport fairUse = traffic(trace, new LorawanNetworkConfig(80, 300.0, 20, 3.0, 12,
                TrafficArrival.PERIODIC, b.build()));

        // the runs exercise what the fingerprint is for
        assertTrue(adr.devicesDepleted() > 0 && adr.retransmissions() > 0 && adr.packetsDroppedBusy() > 0,
                adr.format());
        assertTrue(trace.count("dr ") > 0, "ADR steps");
        assertTrue(trace.count("refused FAIR_USE") > 0 && fairUse.packetsUnsentAtEnd() > 0, fairUse.format());
        assertEquals("08751725cc9c706ad94cfa75c1e1539a851d535157d0f9bf25f8585dfebc5eee", trace.sha256(),
                "trace of " + trace.lines + " lines");
    }

    private static LorawanNetworkReport traffic(Trace trace, LorawanNetworkConfig config) {
        LorawanNetworkReport r = LorawanNetworkSimulation.run(config, List.of(trace));
        trace.line(r.devices(), r.gateways(), r.simulatedUs(), r.packetsOffered(), r.packetsDroppedBusy(),
                r.packetsUnsentAtEnd(), r.framesSent(), r.framesReceived(), r.lostCollision(),
                r.lostBelowSensitivity(), r.lostNoDemodulator(), r.lostGatewayTransmitting(),
                r.lostBatteryDepleted(), r.framesRefused(), r.retransmissions(), r.downlinks(),
                bits(r.packetDeliveryRatio()), bits(r.energyPerDeviceMeanJ()), bits(r.energyPerDeviceMinJ()),
                bits(r.energyPerDeviceMaxJ()), bits(r.txEnergyMeanJ()), bits(r.rxEnergyMeanJ()),
                bits(r.sleepEnergyMeanJ()), bits(r.mcuEnergyMeanJ()), bits(r.dutyCycleWaitMeanUs()),
                r.devicesDepleted(), r.firstDepletionUs(), r.framesPerDataRate(), r.events());
        return r;
    }

    @Test
    void messagesDownloadsMulticastAbortAndCloseKeepTheirTrace() {
        Simulation model = new Simulation("fingerprint", 23, 0);
        NetworkSettings.Builder b = Nets.bor(at(60), at(150), at(260), at(380), new Position(-200, 150),
                new Position(100, -520),
                at(-800));
        b.shadowingSigmaDb = 5.0;
        b.fragmentLossPolicy = FragmentLossPolicy.RESEND_MISSING;
        b.maxMessagePasses = 2;
        b.multicastDataRate = 3;
        b.batteryCapacityJ = 9.0;
        Trace trace = new Trace();
        LorawanNetwork net = new LorawanNetwork(model, b.build(), b.devicePositions.size());
        net.addListener(trace);
        for (int i : new int[] {0, 1, 2, 3, 6}) {
            LorawanDevice d = net.device(i);
            int tag = i;
            model.scheduler().schedule(i * 7 * S, 0, () -> d.send(new byte[400 + 150 * tag], tag,
                    () -> trace.line("delivered", tag, model.nowUs())));
            model.scheduler().schedule(i * 11 * S, 0, () -> d.setComputing(model.nowUs(), true));
            model.scheduler().schedule(i * 11 * S + 40 * S, 0, () -> d.setComputing(model.nowUs(), false));
        }
        LorawanDevice aborting = net.device(3);
        model.scheduler().schedule(200 * S, 0, () -> {
            trace.line("abort", aborting.isSending(), aborting.isBusy());
            aborting.abort();
        });
        LorawanDevice downloading = net.device(4);
        model.scheduler().schedule(5 * S, 0, () -> downloading.download(new byte[700], 40,
                () -> trace.line("downloaded", model.nowUs())));
        LorawanDevice far = net.device(5);
        model.scheduler().schedule(9 * S, 0, () -> far.download(new byte[300], 41,
                () -> trace.line("downloaded far", model.nowUs())));
        model.scheduler().schedule(3_000 * S, 0, () -> net.multicast(new byte[900], 50,
                () -> trace.line("multicast sent", model.nowUs())));
        for (int k = 0; k < 40; k++) {
            long atUs = 3_000 * S + k * 37 * S;
            for (LorawanDevice d : List.of(net.device(0), net.device(1), net.device(2))) {
                model.scheduler().schedule(atUs, 0, () -> trace.line("offer", d.index(), d.offerPacket(30)));
            }
        }
        model.scheduler().runUntil(4_000 * S);
        trace.line("close", net.close());
        model.scheduler().run();
        long endUs = Math.max(model.nowUs(), 4_000 * S);
        net.finish(endUs);

        for (LorawanDevice d : net.devices()) {
            DeviceEnergy e = d.energy(endUs);
            trace.line("device", d.index(), d.dataRateIndex(), d.framesSent(), d.framesDelivered(),
                    d.dutyCycleWaitUs(), d.fairUseWaitUs(), d.isDead(), d.depletedAtUs(), d.isBusy(), d.isSending(),
                    d.multicastFramesReceived(), d.lastMulticastComplete(), bits(e.sleepJ()), bits(e.standbyJ()),
                    bits(e.txJ()), bits(e.rxJ()), bits(e.listenJ()), bits(e.mcuJ()), e.txTimeUs(), e.rxTimeUs());
        }
        NetworkStats s = net.stats();
        trace.line("stats", s.framesSent(), s.framesDelivered(), s.lostBelowSensitivity(), s.lostCollision(),
                s.lostNoDemodulator(), s.lostGatewayTransmitting(), s.lostBatteryDepleted(),
                s.uniqueFramesDelivered(), s.packetsOffered(), s.retransmissions(), s.confirmedGiveUps(),
                s.downlinksRx1(), s.downlinksRx2(), s.downlinksNotReceived(), s.downlinkWindowsMissed(),
                s.downlinksFailed(), s.downlinksDeniedFairUse(), s.multicastFrames(), s.dataRateChanges(),
                s.messagesDelivered(), s.messagesLost(), s.downloadsCompleted(), s.downloadsFailed(),
                s.devicesDepleted(), s.uplinkAirtimeUs(), model.scheduler().eventsProcessed());
        for (RefusalReason reason : RefusalReason.values()) {
            trace.line("refusals", reason, s.refused(reason));
        }
        assertTrue(s.messagesDelivered() > 0 && s.messagesLost() > 0 && s.downloadsCompleted() > 0
                && s.multicastFrames() > 0 && s.devicesDepleted() > 0,
                "delivered and lost messages, a download, a multicast, empty batteries");
        assertEquals("96b7e6694d9aec3695270bd9f3e6c3c37537b410015614674f5b7c9e4b971b2f", trace.sha256(),
                "trace of " + trace.lines + " lines");
    }

    private static String bits(double value) {
        return Long.toHexString(Double.doubleToRawLongBits(value));
    }

    /** Writes every callback as one line and hashes the lines. */
    private static final class Trace implements NetworkListener {
        private final StringBuilder text = new StringBuilder();
        int lines;

        void line(Object... fields) {
            for (int i = 0; i < fields.length; i++) {
                text.append(i == 0 ? "" : " ").append(fields[i]);
            }
            text.append('\n');
            lines++;
        }

        int count(String prefix) {
            int n = 0;
            for (String l : text.toString().split("\n")) {
                n += l.startsWith(prefix) ? 1 : 0;
            }
            return n;
        }

        String sha256() {
            try {

                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onUplink(LorawanDevice device, long startUs, long endUs, int dataRate, int channelIndex,
                             int phyPayloadBytes, int attempt, FrameOutcome outcome) {
            line("up", device.index(), startUs, endUs, dataRate, channelIndex, phyPayloadBytes, attempt, outcome);
        }

        @Override
        public void onDownlink(LorawanDevice device, long startUs, long endUs, int window, int dataRate,
                               int phyPayloadBytes, boolean received) {
            line("down", device.index(), startUs, endUs, window, dataRate, phyPayloadBytes, received);
        }

        @Override
        public void onRefused(LorawanDevice device, long nowUs, RefusalReason reason) {
            line("refused", reason, device.index(), nowUs);
        }

        @Override
        public void onDataRateChanged(LorawanDevice device, long nowUs, int fromDataRate, int toDataRate) {
            line("dr", device.index(), nowUs, fromDataRate, toDataRate);
        }

        @Override
        public void onBatteryDepleted(LorawanDevice device, long depletedAtUs) {
            line("depleted", device.index(), depletedAtUs);
        }

        @Override
        public void onMessageEnded(LorawanDevice device, int messageTag, long nowUs, boolean delivered,
                                   int fragmentsMissing) {
            line("message", device.index(), messageTag, nowUs, delivered, fragmentsMissing);
        }
    }
}
