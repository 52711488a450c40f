package org.fedwan.sim.nbiot.traffic;

import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.fedwan.channel.nbiot.NbiotPowerProfile;
import org.fedwan.results.LossCause;
import org.fedwan.sim.background.BackgroundSection;
import org.fedwan.sim.background.TrafficArrival;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.link.BackgroundReport;
import org.fedwan.sim.nbiot.NbiotCell;
import org.fedwan.sim.nbiot.NbiotDevice;
import org.fedwan.sim.nbiot.NbiotDeviceSettings;
import org.fedwan.sim.nbiot.NbiotFailure;
import org.fedwan.sim.nbiot.NbiotListener;

/**
 * The background sensors of an FL run on one NB-IoT cell (scenario keys of
 * {@link BackgroundSection}): extra UEs of the same {@link NbiotCell}, so they share its NPRACH and
 * NPUSCH with the clients. Each sends its payload every period, as in {@code nbiot-net}: the
 * first report at a uniform random phase (or after one exponential gap under {@code poisson}), a
 * report skipped while the previous one is still being sent, PSM between reports with
 * {@code nbiot-net}'s default timers (T3324 60 s, T3412 54 min, inactivity timer 20 s). They do
 * not receive the model broadcast. Their packets, failures and energy are counted here, apart
 * from the clients' ledger.
 */
public final class NbiotBackground implements NbiotListener {

    private final NbiotDevice[] sensors;
    private final byte[] payload;
    private final TrafficArrival arrival;
    private final long periodUs;
    private final Map<LossCause, Long> lost = new EnumMap<>(LossCause.class);
    private long offered;
    private long delivered;

    /**
     * Creates the sensors and starts their traffic now.
     *
     * @param simulation     the run
     * @param cell           the clients' cell
     * @param firstId        entity id of sensor 0 ({@link BackgroundSection#firstSensorId})
     * @param couplingLossDb coupling loss of every sensor, dB (the clients')
     * @param profile        module power profile (the clients')
     * @param batteryJ       battery of every sensor, J (infinite: none)
     * @param section        how many sensors, their period, payload and arrival
     */
    public NbiotBackground(Simulation simulation, NbiotCell cell, int firstId, double couplingLossDb,
            NbiotPowerProfile profile, double batteryJ, BackgroundSection section) {
        this.payload = new byte[section.backgroundPayload()];
        this.arrival = section.backgroundArrival();
        this.periodUs = section.periodUs();
        NbiotDeviceSettings settings = NbiotNetworkConfig.builder().build().deviceSettings().withProfile(profile)
                .withBatteryJ(batteryJ);
        this.sensors = new NbiotDevice[section.backgroundDevices()];
        for (int j = 0; j < sensors.length; j++) {
            sensors[j] = new NbiotDevice(simulation, firstId + j, cell, couplingLossDb, settings, this);
            new Report(simulation, sensors[j]).start();
        }
    }

    /** @return the number of sensors */
    public int devices() {
        return sensors.length;
    }

    @Override
    public void onMessageDelivered(NbiotDevice device, int messageTag, int messageBytes, long requestedUs,
            long deliveredUs) {
        delivered++;
    }

    @Override
    public void onFailure(NbiotDevice device, NbiotFailure failure, long atUs) {
        LossCause cause = failure.lossCause();
        if (cause != null) {
            lost.merge(cause, 1L, Long::sum);
        }
    }

    /**
     * @param nowUs the end of the run, µs (the sensors' energy is accounted up to then)
     * @return the sensors' packets, losses and energy so far
     */
    public BackgroundReport report(long nowUs) {
        double energyJ = 0;
        for (NbiotDevice d : sensors) {
            d.accountEnergyUntil(nowUs);
            energyJ += d.energyJ();
        }
        return new BackgroundReport(sensors.length, offered, delivered, energyJ, lost);
    }

    /** One sensor's reports: one reused event, drawing from the sensor's {@code "nbiot-traffic"} stream. */
    private final class Report extends Event<NbiotDevice> {
        private final NbiotDevice sensor;
        private final RandomGenerator rng;

        Report(Simulation simulation, NbiotDevice sensor) {
            super(simulation, "nbiot-background-report");
            this.sensor = sensor;
            this.rng = simulation.streams().of(sensor.id(), "nbiot-traffic");
        }

        void start() {
            schedule(sensor, arrival.firstGapUs(rng, periodUs));
        }

        @Override
        protected void eventRoutine(NbiotDevice who) {
            offered++;
            if (!who.isSending()) {
                who.send(payload, 0, () -> { });
            }
            schedule(who, arrival.nextGapUs(rng, periodUs));
        }
    }
}
