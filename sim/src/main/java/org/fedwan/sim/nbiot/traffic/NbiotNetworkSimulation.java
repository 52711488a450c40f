package org.fedwan.sim.nbiot.traffic;

import java.util.Arrays;
import java.util.Objects;
import org.fedwan.channel.nbiot.NbiotEnergy;
import org.fedwan.channel.nbiot.PowerState;
import org.fedwan.channel.nbiot.UplinkTones;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.nbiot.NbiotCell;
import org.fedwan.sim.nbiot.NbiotDevice;
import org.fedwan.sim.nbiot.NbiotDeviceSettings;
import org.fedwan.sim.nbiot.NbiotDeviceState;
import org.fedwan.sim.nbiot.NbiotFailure;
import org.fedwan.sim.nbiot.NbiotListener;

/**
 * The network-only NB-IoT model behind {@code nbiot-net}, the counterpart of {@code lorawan-net}:
 * one cell, N devices each sending a report every period (first at a random phase drawn from the
 * device's "traffic" stream), everything else as in the FL co-simulation (shared carrier, random
 * access with collisions, PSM/idle timers, per-state energy, batteries). Reports, deliveries,
 * latency percentiles and energy per device are summarised in an {@link NbiotNetworkReport}; the
 * run keeps the latency of each delivered report (8 bytes each) to compute exact percentiles and
 * nothing else per report.
 */
public final class NbiotNetworkSimulation extends Simulation {

    private static final Runnable NOTHING = () -> { };

    private final NbiotNetworkConfig config;
    private final NbiotCell cell;
    private final NbiotDevice[] devices;
    private final byte[] payload;
    private final long periodUs;
    private final long endUs;

    private long generated;
    private long delivered;
    private long skippedBusy;
    private long outOfCoverage;
    private long randomAccessAttempts;
    private long blockErrors;
    private long[] latenciesUs = new long[1024];
    private int latencyCount;

    private NbiotNetworkSimulation(NbiotNetworkConfig config, NbiotListener extra) {
        super(config.name(), config.seed(), config.replication());
        this.config = config;
        this.cell = new NbiotCell(this, config.linkConfig());
        this.payload = new byte[config.payloadBytes()];
        this.periodUs = config.periodUs();
        this.endUs = config.durationUs();
        NbiotListener listener = new Stats(Objects.requireNonNull(extra, "listener is null"));
        NbiotDeviceSettings settings = config.deviceSettings();
        this.devices = new NbiotDevice[config.devices()];
        for (int i = 0; i < devices.length; i++) {
            double loss = config.couplingLossDb();
            if (config.couplingLossSpreadDb() > 0) {
                loss += config.couplingLossSpreadDb() * (2.0 * streams().of(i, "coupling-loss").nextDouble() - 1.0);
            }
            devices[i] = new NbiotDevice(this, i, cell, loss, settings, listener);
            long firstUs = streams().of(i, "traffic").nextLong(periodUs);
            if (firstUs < endUs) {
                new ReportTimer(this).scheduleAt(devices[i], firstUs);
            }
        }
    }

    /**
     * Runs the network-only model.
     *
     * @param config the run's configuration
     * @return the summary
     */
    public static NbiotNetworkReport run(NbiotNetworkConfig config) {
        return run(config, NbiotListener.NONE);
    }

    /**
     * Runs the network-only model with an extra listener (traces, energy over time).
     *
     * @param config   the run's configuration
     * @param listener receives every device event as well
     * @return the summary
     */
    public static NbiotNetworkReport run(NbiotNetworkConfig config, NbiotListener listener) {
        long wallStartNs = System.nanoTime();
        NbiotNetworkSimulation sim = new NbiotNetworkSimulation(config, listener);
        sim.scheduler().runUntil(sim.endUs);
        for (NbiotDevice d : sim.devices) {
            d.accountEnergyUntil(sim.endUs);
        }
        return sim.report((System.nanoTime() - wallStartNs) * 1e-9);
    }

    private NbiotNetworkReport report(double wallTimeS) {
        int[] perLevel = new int[3];
        int out = 0;
        int depleted = 0;
        long inFlight = 0;
        double sum = 0.0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (NbiotDevice d : devices) {
            if (d.level() == null) {
                out++;
            } else {
                perLevel[d.level().ordinal()]++;
            }
            if (d.state() == NbiotDeviceState.DEAD) {
                depleted++;
            }
            if (d.isSending()) {
                inFlight++;
            }
            double e = d.energyJ();
            sum += e;
            min = Math.min(min, e);
            max = Math.max(max, e);
        }
        double meanJ = sum / devices.length;
        long failed = generated - delivered - skippedBusy - outOfCoverage - inFlight;
        long[] sorted = Arrays.copyOf(latenciesUs, latencyCount);
        Arrays.sort(sorted);
        double latencySum = 0.0;
        for (long l : sorted) {
            latencySum += l;
        }
        double simulatedS = endUs * 1e-6;
        double meanPowerW = meanJ / simulatedS;
        double lifetimeYears = config.batteryWh() * 3600.0 / meanPowerW / NbiotEnergy.SECONDS_PER_YEAR;
        return new NbiotNetworkReport(devices.length, perLevel[0], perLevel[1], perLevel[2], out, generated, delivered,
                failed, outOfCoverage, skippedBusy, inFlight,
                generated == 0 ? Double.NaN : (double) delivered / generated,
                percentileS(sorted, 50), percentileS(sorted, 90), percentileS(sorted, 99),
                sorted.length == 0 ? Double.NaN : latencySum / sorted.length * 1e-6,
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] * 1e-6,
                meanJ, min, max, delivered == 0 ? Double.NaN : sum / delivered, lifetimeYears,
                randomAccessAttempts, cell.collidedPreambles(), blockErrors,
                cell.reservedLaneUs() / ((double) UplinkTones.CARRIER_LANES * endUs), depleted, simulatedS, wallTimeS,
                scheduler().eventsProcessed());
    }

    /** Nearest-rank percentile of sorted values, in seconds; NaN for none. */
    static double percentileS(long[] sortedUs, double p) {
        if (sortedUs.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedUs.length);
        return sortedUs[Math.max(0, rank - 1)] * 1e-6;
    }

    private void recordLatency(long latencyUs) {
        if (latencyCount == latenciesUs.length) {
            latenciesUs = Arrays.copyOf(latenciesUs, latenciesUs.length * 2);
        }
        latenciesUs[latencyCount++] = latencyUs;
    }

    /** Generates one device's reports, one event object per device, rescheduled every period. */
    private final class ReportTimer extends Event<NbiotDevice> {
        ReportTimer(Simulation model) {
            super(model, "nbiot-report");
        }

        @Override
        protected void eventRoutine(NbiotDevice who) {
            generated++;
            if (who.isSending()) {
                skippedBusy++;
            } else {
                who.send(payload, 0, NOTHING);
            }
            long nextUs = simulation().nowUs() + periodUs;
            if (nextUs < endUs) {
                schedule(who, periodUs);
            }
        }
    }

    /** Counts what the report needs and passes everything on. */
    private final class Stats implements NbiotListener {
        private final NbiotListener next;

        Stats(NbiotListener next) {
            this.next = next;
        }

        @Override
        public void onEnergy(NbiotDevice device, PowerState state, long startUs, long endUs, double energyJ) {
            next.onEnergy(device, state, startUs, endUs, energyJ);
        }

        @Override
        public void onUplinkBlock(NbiotDevice device, int tbsBits, long startUs, long endUs) {
            next.onUplinkBlock(device, tbsBits, startUs, endUs);
        }

        @Override
        public void onBlockError(NbiotDevice device, boolean uplink, int tbsBits, long startUs, long endUs) {
            blockErrors++;
            next.onBlockError(device, uplink, tbsBits, startUs, endUs);
        }

        @Override
        public void onRandomAccess(NbiotDevice device, int attempt, boolean success, long atUs) {
            randomAccessAttempts++;
            next.onRandomAccess(device, attempt, success, atUs);
        }

        @Override
        public void onMessageDelivered(NbiotDevice device, int messageTag, int messageBytes, long requestedUs,
                long deliveredUs) {
            delivered++;
            recordLatency(deliveredUs - requestedUs);
            next.onMessageDelivered(device, messageTag, messageBytes, requestedUs, deliveredUs);
        }

        @Override
        public void onDownlinkDelivered(NbiotDevice device, long messageBytes, long requestedUs, long deliveredUs,
                boolean broadcast) {
            next.onDownlinkDelivered(device, messageBytes, requestedUs, deliveredUs, broadcast);
        }

        @Override
        public void onFailure(NbiotDevice device, NbiotFailure failure, long atUs) {
            if (failure == NbiotFailure.OUT_OF_COVERAGE) {
                outOfCoverage++;
            }
            next.onFailure(device, failure, atUs);
        }

        @Override
        public void onStateChange(NbiotDevice device, NbiotDeviceState from, NbiotDeviceState to, long atUs) {
            next.onStateChange(device, from, to, atUs);
        }
    }
}
