package org.fedwan.sim.lorawan;

import java.util.random.RandomGenerator;
import org.fedwan.channel.energy.Energy;
import org.fedwan.channel.energy.EnergyMeter;
import org.fedwan.channel.energy.RadioProfile;
import org.fedwan.channel.energy.RadioState;
import org.fedwan.channel.lorawan.DataRate;
import org.fedwan.channel.lorawan.Fragmentation;
import org.fedwan.channel.lorawan.LorawanFrame;
import org.fedwan.channel.lorawan.RetransmissionPolicy;
import org.fedwan.channel.propagation.Position;
import org.fedwan.sim.kernel.Entity;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.Simulation;

/**
 * A class A LoRaWAN end device (with class C listening during multicast sessions).
 *
 * <p>Each uplink attempt is a MAC cycle of four reused events: {@code tx-start} (after the
 * sub-band's duty cycle and the fair-use budget allow it, on a channel drawn among those free
 * first), {@code tx-end}, and the two receive windows ({@code rx-open}/{@code rx-close} for RX1,
 * then RX2 unless RX1 received a frame). After the cycle the {@link RetransmissionPolicy}
 * decides: done, or the same frame again (NbTrans repetitions, confirmed retries after
 * RETRANSMIT_TIMEOUT). Every attempt is charged to the duty cycle. The radio state (sleep, TX,
 * RX) drives an {@link EnergyMeter} and the battery; an empty battery stops the device and is
 * reported with its time.
 *
 * <p>Work comes as jobs, one at a time: a periodic packet ({@link #offerPacket}), a fragmented
 * message ({@link #send}), or a class A unicast download ({@link #download}), which polls with
 * empty uplinks while the server has fragments for it.
 *
 * <p>This class is the device's identity, data rate and public face; its parts are package-private:
 * {@link MacCycle} (attempts and their events), {@link DeviceJobs} (the work queue),
 * {@link DeviceReceiver} (receive windows, downloads, class C), {@link DeviceAdr} (device-side
 * ADR) and {@link DevicePower} (radio state, energy, battery).
 */
public final class LorawanDevice extends Entity {

    private final LorawanNetwork net;
    private final NetworkSettings settings;
    private final int index;
    private final Position position;
    final Transmission tx;
    Event<LorawanDevice> downlinkAttempt;
    int downlinkWindow;

    private int dataRate;

    private final DevicePower power;
    private final MacCycle mac;
    private final DeviceReceiver receiver;
    private final DeviceAdr adr;
    private final DeviceJobs jobs;

    LorawanDevice(LorawanNetwork net, int index, Position position, int initialDataRate) {
        super(net.simulation(), "dev-" + (net.firstDeviceId() + index), net.firstDeviceId() + index);
        this.net = net;
        this.settings = net.settings();
        this.index = index;
        this.position = position;
        this.dataRate = initialDataRate;
        Simulation model = net.simulation();
        this.power = new DevicePower(this, settings, model.nowUs());
        this.mac = new MacCycle(this, net, model);
        this.receiver = new DeviceReceiver(this, net, model.streams().of(id(), "downlink-shadowing"));
        this.adr = new DeviceAdr(this, net);
        this.jobs = new DeviceJobs(this, net);
        this.tx = new Transmission(this, net.gatewayCount());
    }

    // ------------------------------------------------------------------ public API

    /** @return the device's index in its network (also its entity id) */
    public int index() {
        return index;
    }

    /** @return where the device stands */
    public Position position() {
        return position;
    }

    /** @return the current uplink data rate */
    public DataRate dataRate() {
        return settings.region().dataRate(dataRate);
    }

    /** @return the current uplink data rate index */
    public int dataRateIndex() {
        return dataRate;
    }

    /** @return the radio profile */
    public RadioProfile radio() {
        return settings.radio();
    }

    /** Largest FRMPayload at the current data rate with empty FOpts. */
    public int maxFrmPayloadBytes() {
        return LorawanFrame.maxFrmPayloadBytes(dataRate(), 0);
    }

    /** TX energy of a frame of {@code phyPayloadBytes} at the current data rate: V x I_tx x time on air. */
    public double txEnergyJ(int phyPayloadBytes) {
        return Energy.joules(settings.radio(), RadioState.TX, net.uplinkAirtimeUs(dataRate, phyPayloadBytes));
    }

    /** @return total time this device waited for its duty cycle so far, µs */
    public long dutyCycleWaitUs() {
        return mac.dutyCycleWaitUs();
    }

    /** @return total time this device waited for its fair-use budget so far, µs */
    public long fairUseWaitUs() {
        return mac.fairUseWaitUs();
    }

    /** @return uplink attempts put on the air */
    public long framesSent() {
        return mac.framesSent();
    }

    /** @return uplink attempts delivered to the network server */
    public long framesDelivered() {
        return mac.framesDelivered();
    }

    /** @return true once the battery is empty */
    public boolean isDead() {
        return power.isDead();
    }

    /** @return when the battery emptied, µs, or {@link Long#MAX_VALUE} */
    public long depletedAtUs() {
        return power.depletedAtUs();
    }

    /**
     * Whether an upload is under way: a frame on the air counts, even after {@link #abort()};
     * a message the server already holds completely does not.
     */
    public boolean isSending() {
        return jobs.isSending();
    }

    /** @return true while the device runs a job or has one waiting */
    public boolean isBusy() {
        return jobs.isBusy();
    }

    /**
     * Energy per state up to {@code nowUs} (the meter is advanced to then).
     *
     * @param nowUs current time, µs
     * @return a snapshot
     */
    public DeviceEnergy energy(long nowUs) {
        return power.energy(nowUs);
    }

    /**
     * Drains {@code energyJ} spent outside the radio and MCU states (local training, charged per
     * MFLOP) from the battery now; the device stops if that empties it.
     *
     * @param nowUs   current time, µs
     * @param energyJ energy, J, at least 0
     */
    public void drainBattery(long nowUs, double energyJ) {
        power.drain(nowUs, energyJ);
    }

    /**
     * Marks the MCU busy (an application computing) or idle from now on; charged at the MCU's active current.
     *
     * @param nowUs current time, µs
     * @param busy  whether the application keeps the MCU active
     */
    public void setComputing(long nowUs, boolean busy) {
        power.setComputing(nowUs, busy);
    }

    /**
     * Offers one periodic packet of {@code frmPayloadBytes}: it is sent if the device is idle,
     * dropped (and reported) if it is busy or dead.
     *
     * @param frmPayloadBytes application payload in bytes, at least 0
     * @return true if the packet was accepted
     */
    public boolean offerPacket(int frmPayloadBytes) {
        return jobs.offerPacket(frmPayloadBytes);
    }

    /**
     * Starts uploading {@code message} as fragments (3-byte header each, {@link Fragmentation})
     * sized for the current data rate, now or as soon as the current MAC cycle and the duty cycle
     * allow. {@code onDelivered} runs when the network server holds the whole message, at the end
     * of the frame that completed it; if the message is lost it never runs (see
     * {@link NetworkListener#onMessageEnded}). Under {@link FragmentRecovery#FEC} coded fragments follow
     * the message's; under {@link FragmentRecovery#ARQ} the device resends what the server's feedback
     * names ({@link DeviceJobs}).
     *
     * @param message     the bytes to send
     * @param messageTag  tag written into every fragment, 0..255
     * @param onDelivered run once on delivery
     * @throws IllegalStateException if an upload is still under way
     */
    public void send(byte[] message, int messageTag, Runnable onDelivered) {
        jobs.send(message, messageTag, onDelivered);
    }

    /**
     * Receives {@code message} from the network server by class A unicast: the device sends
     * empty uplinks and the server answers each with the next fragment in RX1 (or RX2), as the
     * gateway's duty cycle allows; a fragment is acknowledged by the next uplink. Fragments are
     * sized for the RX1 data rate. {@code onReceived} runs when the device holds the whole
     * message; after {@link NetworkSettings#maxEmptyPolls()} polls in a row without a downlink the
     * download fails (counted in {@link NetworkStats#downloadsFailed()}).
     *
     * @param message    the bytes the server sends
     * @param messageTag tag of the fragments, 0..255
     * @param onReceived run once when the device holds the message
     */
    public void download(byte[] message, int messageTag, Runnable onReceived) {
        jobs.download(message, messageTag, onReceived);
    }

    /**
     * Stops an upload or download: no further frame starts. A frame already on the air finishes
     * (a radio cannot take back a transmission) and is still reported; its receive windows still
     * open. The callback of the stopped job never runs.
     */
    public void abort() {
        jobs.abort();
    }

    /**
     * End of a run's generation window: no new attempt starts from now on; a frame on the air and
     * its receive windows finish.
     *
     * @return packets or messages that never went on the air (waiting for a duty cycle, the
     *         fair-use budget, or queued behind the current job)
     */
    int close() {
        return jobs.close();
    }

    /** @return class C multicast frames received in the last (or current) session */
    public int multicastFramesReceived() {
        return receiver.multicastFramesReceived();
    }

    /** @return true when the device received every frame of the last multicast session */
    public boolean lastMulticastComplete() {
        return receiver.lastMulticastComplete();
    }

    // ------------------------------------------------------------------ the parts

    DevicePower power() {
        return power;
    }

    MacCycle mac() {
        return mac;
    }

    DeviceReceiver receiver() {
        return receiver;
    }

    DeviceAdr adr() {
        return adr;
    }

    DeviceJobs jobs() {
        return jobs;
    }

    /** Reports a packet or frame that does not go on the air. */
    void refuse(long now, RefusalReason reason) {
        net.stats().countRefusal(reason);
        for (NetworkListener l : net.listeners()) {
            l.onRefused(this, now, reason);
        }
    }

    /** Sets the uplink data rate; a change is counted and reported. */
    void setDataRate(long now, int newDataRate) {
        if (newDataRate == dataRate) {
            return;
        }
        int old = dataRate;
        dataRate = newDataRate;
        net.stats().dataRateChanges++;
        for (NetworkListener l : net.listeners()) {
            l.onDataRateChanged(this, now, old, newDataRate);
        }
    }

    /** The battery emptied at {@code atUs}: everything stops, the job in progress is lost. */
    void die(long atUs) {
        power.markDepleted(atUs);
        if (mac.firstAttemptWaiting()) {
            // the frame waited for its duty cycle and never went out
            refuse(atUs, RefusalReason.DEAD);
        }
        mac.stop();
        if (downlinkAttempt != null) {
            downlinkAttempt.cancel();
        }
        power.receiversOff();
        jobs.depleted();
        net.stats().devicesDepleted++;
        for (NetworkListener l : net.listeners()) {
            l.onBatteryDepleted(this, atUs);
        }
    }

    // ------------------------------------------------------------------ hooks for the network

    /** The server's downlink for window {@code w} of the current cycle (set before the window opens). */
    void downlinkScheduled(int w, boolean received, long airtime, boolean ack, int adrDataRate, byte[] data,
                           DownlinkMedium.Frame frame) {
        receiver.scheduled(w, received, airtime, ack, adrDataRate, data, frame);
    }

    /** Called by the server at the end of the frame that completed the message. */
    void messageDelivered(long now) {
        jobs.messageDelivered(now);
    }

    void startListening(long now, int expectedFrames) {
        receiver.startListening(now, expectedFrames);
    }

    void stopListening(long now) {
        receiver.stopListening(now);
    }

    boolean listening() {
        return receiver.listening();
    }

    /** @return true if the device's own transmission overlapped {@code [startUs, endUs)} */
    boolean transmittedDuring(long startUs, long endUs) {
        return mac.transmittedDuring(startUs, endUs);
    }

    void multicastFrameReceived() {
        receiver.multicastFrameReceived();
    }

    long uplinkEndUs() {
        return mac.uplinkEndUs();
    }

    int uplinkDataRate() {
        return tx.dataRate;
    }

    int uplinkChannelSlot() {
        return tx.channelSlot;
    }

    RandomGenerator downlinkRng() {
        return receiver.downlinkRng();
    }

    /** End of the run: close the energy interval at {@code now}. */
    void finish(long now) {
        power.advanceMeter(now);
    }
}
