package org.fedwan.sim.lorawan.traffic;

import java.util.ArrayList;
import java.util.List;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.lorawan.DeviceEnergy;
import org.fedwan.sim.lorawan.LorawanDevice;
import org.fedwan.sim.lorawan.LorawanNetwork;
import org.fedwan.sim.lorawan.NetworkListener;
import org.fedwan.sim.lorawan.NetworkStats;
import org.fedwan.sim.lorawan.RefusalReason;

/**
 * Runs a LoRaWAN network alone with periodic traffic and no learning ({@code ./fedwan
 * lorawan-net}). It builds the same {@link LorawanNetwork} (devices, gateways, medium, server)
 * the FL co-simulation builds, adds one packet source per device, runs the scheduler to the end
 * of the generation window, closes the network (frames on the air and their receive windows
 * finish, nothing new starts) and sums the result up.
 */
public final class LorawanNetworkSimulation {

    private LorawanNetworkSimulation() {
    }

    /**
     * @param config the run's configuration
     * @return the summary
     */
    public static LorawanNetworkReport run(LorawanNetworkConfig config) {
        return run(config, List.of());
    }

    /**
     * @param config    the run's configuration
     * @param listeners observers of every frame and MAC event (may be empty)
     * @return the summary
     */
    public static LorawanNetworkReport run(LorawanNetworkConfig config, List<NetworkListener> listeners) {
        long wallStartNs = System.nanoTime();
        Simulation model = new Simulation("lorawan-net", config.seed(), 0);
        LorawanNetwork network = new LorawanNetwork(model, config.network(), config.devices());
        listeners.forEach(network::addListener);
        List<PeriodicTraffic> sources = new ArrayList<>(config.devices());
        for (LorawanDevice d : network.devices()) {
            PeriodicTraffic source = new PeriodicTraffic(model, d, config);
            sources.add(source);
            source.start();
        }
        model.scheduler().runUntil(config.durationUs());
        long unsent = network.close();
        model.scheduler().run();
        long endUs = Math.max(model.nowUs(), config.durationUs());
        network.finish(endUs);

        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double tx = 0;
        double rx = 0;
        double sleep = 0;
        double mcu = 0;
        double wait = 0;
        long firstDepletion = Long.MAX_VALUE;
        for (LorawanDevice d : network.devices()) {
            DeviceEnergy e = d.energy(endUs);
            double total = e.totalJ();
            sum += total;
            min = Math.min(min, total);
            max = Math.max(max, total);
            tx += e.txJ();
            rx += e.rxJ() + e.listenJ();
            sleep += e.sleepJ();
            mcu += e.mcuJ();
            wait += d.dutyCycleWaitUs();
            firstDepletion = Math.min(firstDepletion, d.depletedAtUs());
        }
        int n = config.devices();
        NetworkStats s = network.stats();
        List<Long> perDr = new ArrayList<>();
        for (int dr = 0; dr < config.network().region().dataRates().size(); dr++) {
            perDr.add(s.framesAtDataRate(dr));
        }
        long refused = s.refused(RefusalReason.PAYLOAD_TOO_LONG) + s.refused(RefusalReason.DWELL_TIME)
                + s.refused(RefusalReason.FAIR_USE) + s.refused(RefusalReason.DEAD);
        double wallMs = (System.nanoTime() - wallStartNs) / 1e6;
        return new LorawanNetworkReport(n, network.gatewayCount(), endUs, s.packetsOffered(),
                s.refused(RefusalReason.BUSY), unsent, s.framesSent(), s.framesDelivered(), s.lostCollision(),
                s.lostBelowSensitivity(), s.lostNoDemodulator(), s.lostGatewayTransmitting(), s.lostBatteryDepleted(),
                refused, s.retransmissions(), s.downlinksRx1() + s.downlinksRx2(), s.packetDeliveryRatio(), sum / n,
                min,
                max, tx / n, rx / n, sleep / n, mcu / n, wait / n, s.devicesDepleted(),
                firstDepletion == Long.MAX_VALUE ? -1L : firstDepletion, perDr, model.scheduler().eventsProcessed(),
                wallMs);
    }
}
