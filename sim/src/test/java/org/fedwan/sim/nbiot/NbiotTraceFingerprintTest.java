package org.fedwan.sim.nbiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.fedwan.channel.nbiot.NbiotLinkConfig;
import org.fedwan.channel.nbiot.PowerSavingConfig;
import org.fedwan.channel.nbiot.PowerState;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.nbiot.traffic.NbiotNetworkConfig;
import org.fedwan.sim.nbiot.traffic.NbiotNetworkReport;
import org.fedwan.sim.nbiot.traffic.NbiotNetworkSimulation;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints of whole engine traces: every listener callback with all its arguments (energies
 * as exact bits) and each device's totals, hashed with SHA-256. The runs go through every path of
 * a device: wake-up, preamble collisions with backoff and random access given up, uplink blocks
 * on a shared carrier, the inactivity timer and release assistance, idle, PSM, periodic TAU,
 * paging for unicast downlinks, a broadcast, an aborted message and batteries that empty.
 *
 * <p>The hashes were recorded on commit e56e757, before {@link NbiotDevice} was split into its
 * parts; any change of event order, random draw or arithmetic changes them. A deliberate change of
 * behaviour records the new hashes (printed by the failure) in a commit that says why.
 */
class NbiotTraceFingerprintTest {

    private static final long S = 1_000_000L;

    @Test
    void crowdedCellWithCollisionsTauAndDepletionKeepsItsTrace() {
        Trace trace = new Trace();
        NbiotNetworkConfig.Builder b = NbiotNetworkConfig.builder();
        b.seed = 5;
        b.devices = 300;
        b.periodS = 60.0;
        b.payloadBytes = 100;
        b.durationH = 1.0;
        b.couplingLossDb = 158.0;
        b.couplingLossSpreadDb = 8.0;
        b.t3412S = 1_200.0;
        b.batteryWh = 0.01;
        b.maxPreambleAttempts = 3;
        network(trace, b.build());
        b = NbiotNetworkConfig.builder();
        b.seed = 6;
        b.devices = 60;
        b.periodS = 600.0;
        b.durationH = 3.0;
        b.releaseAssistance = true;
        b.edrxCycleS = 20.48;
        b.psm = false;
        network(trace, b.build());

        assertTrue(trace.count("failure BATTERY_DEPLETED") > 0 && trace.count("failure RANDOM_ACCESS_FAILED") > 0
                && trace.count("ra 1 false") > 0, "depletion, collisions and random access given up");
        assertEquals("9020665826c54881630b0c3e7733009bc09c657603a5c92a2348d612c9a97065", trace.sha256(),
                "trace of " + trace.lines + " lines");
    }

    private static void network(Trace trace, NbiotNetworkConfig config) {
        NbiotNetworkReport r = NbiotNetworkSimulation.run(config, trace).withoutWallTime();
        trace.line(r.devices(), r.devicesCe0(), r.devicesCe1(), r.devicesCe2(), r.devicesOutOfCoverage(),
                r.reportsGenerated(), r.reportsDelivered(), r.reportsFailed(), r.reportsOutOfCoverage(),
                r.reportsSkippedBusy(), r.reportsInFlight(), bits(r.deliveryRatio()), bits(r.latencyP50S()),
                bits(r.latencyP90S()), bits(r.latencyP99S()), bits(r.latencyMeanS()), bits(r.latencyMaxS()),
                bits(r.energyPerDeviceMeanJ()), bits(r.energyPerDeviceMinJ()), bits(r.energyPerDeviceMaxJ()),
                bits(r.energyPerReportJ()), bits(r.lifetimeYears()), r.randomAccessAttempts(),
                r.preambleCollisions(), bits(r.uplinkUtilisation()), r.devicesDepleted(), bits(r.simulatedS()),
                r.eventsProcessed());
    }

    @Test
    void downlinksBroadcastAbortAndBatteryKeepTheirTrace() {
        Simulation model = new Simulation("fingerprint", 9, 0);
        NbiotCell cell = new NbiotCell(model, NbiotLinkConfig.DEFAULT);
        Trace trace = new Trace();
        PowerSavingConfig ps = PowerSavingConfig.DEFAULT.withPsm(true, 40 * S, 900 * S);
        NbiotDeviceSettings settings = NbiotDeviceSettings.DEFAULT.withPowerSaving(ps);
        double[] lossesDb = {130.0, 142.0, 151.0, 158.0, 163.0, 171.0};
        List<NbiotDevice> devices = new ArrayList<>();
        for (int i = 0; i < lossesDb.length; i++) {
            NbiotDeviceSettings s = i == 4 ? settings.withBatteryJ(3.0)
                    : i == 2 ? settings.withPowerSaving(ps.withRelease(0, true)) : settings;
            devices.add(new NbiotDevice(model, i, cell, lossesDb[i], s, trace));
        }
        for (NbiotDevice d : devices) {
            int tag = (int) d.id();
            model.scheduler().schedule(tag * 3 * S, 0, () -> d.send(new byte[500 + 400 * tag], tag,
                    () -> trace.line("sent", tag, model.nowUs())));
            model.scheduler().schedule(20 * S + tag * 13 * S, 0, () -> cell.unicast(d, 200 + 100L * tag,
                    () -> trace.line("received", tag, model.nowUs())));
            model.scheduler().schedule(700 * S + tag * 5 * S, 0, () -> {
                if (!d.isSending()) {
                    d.send(new byte[3_000], tag + 10, () -> trace.line("sent", tag + 10, model.nowUs()));
                }
            });
        }
        NbiotDevice aborting = devices.get(3);
        model.scheduler().schedule(705 * S + 20 * S, 0, () -> {
            trace.line("abort", aborting.isSending());
            aborting.abort();
        });
        model.scheduler().schedule(710 * S, 0, () -> cell.broadcast(devices, 2_000,
                () -> trace.line("broadcast done", model.nowUs())));
        model.scheduler().runUntil(2_400 * S);
        for (NbiotDevice d : devices) {
            d.accountEnergyUntil(2_400 * S);
            trace.line("device", d.id(), d.level(), d.state(), d.powerState(), bits(d.energyJ()),
                    d.messagesDelivered(), d.uplinkBits(), d.isSending(), d.lastPreambleCollided());
            for (PowerState s : PowerState.values()) {
                trace.line("energy", d.id(), s, bits(d.energyJ(s)));
            }
        }
        trace.line("cell", cell.reservedLaneUs(), cell.downlinkBusyUs(), cell.preambles(), cell.collidedPreambles(),
                model.scheduler().eventsProcessed());

        assertTrue(trace.count("failure BATTERY_DEPLETED") > 0 && trace.count("failure OUT_OF_COVERAGE") > 0
                && trace.count("downlink") > 0 && trace.count("broadcast done") > 0, "the paths this trace is for");
        assertEquals("f38a2f9f6278277dc6b10174fb3e6596bf4355d9251098642d601ccf1b903cc9", trace.sha256(),
                "trace of " + trace.lines + " lines");
    }

    private static String bits(double value) {
        return Long.toHexString(Double.doubleToRawLongBits(value));
    }

    /** Writes every callback as one line and hashes the lines. */
    private static final class Trace implements NbiotListener {
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
        public void onEnergy(NbiotDevice device, PowerState state, long startUs, long endUs, double energyJ) {
            line("energy", device.id(), state, startUs, endUs, bits(energyJ));
        }

        @Override
        public void onUplinkBlock(NbiotDevice device, int tbsBits, long startUs, long endUs) {
            line("block", device.id(), tbsBits, startUs, endUs);
        }

        @Override
        public void onRandomAccess(NbiotDevice device, int attempt, boolean success, long atUs) {
            line("ra", attempt, success, device.id(), atUs);
        }

        @Override
        public void onMessageDelivered(NbiotDevice device, int messageTag, int messageBytes, long requestedUs,
                                       long deliveredUs) {
            line("delivered", device.id(), messageTag, messageBytes, requestedUs, deliveredUs);
        }

        @Override
        public void onDownlinkDelivered(NbiotDevice device, long messageBytes, long requestedUs, long deliveredUs,
                                        boolean broadcast) {
            line("downlink", device.id(), messageBytes, requestedUs, deliveredUs, broadcast);
        }

        @Override
        public void onFailure(NbiotDevice device, NbiotFailure failure, long atUs) {
            line("failure", failure, device.id(), atUs);
        }

        @Override
        public void onStateChange(NbiotDevice device, NbiotDeviceState from, NbiotDeviceState to, long atUs) {
            line("state", device.id(), from, to, atUs);
        }
    }
}
