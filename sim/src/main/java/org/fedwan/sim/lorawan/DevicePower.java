package org.fedwan.sim.lorawan;

import org.fedwan.channel.energy.Battery;
import org.fedwan.channel.energy.EnergyMeter;
import org.fedwan.channel.energy.RadioState;

/**
 * The power side of one {@link LorawanDevice}: the state of its radio (TX while a frame is on the
 * air, RX while a receive window is open or during class C listening, else asleep), the
 * {@link EnergyMeter} that charges each state and the MCU, and the battery. When the battery
 * empties, outside a transmission, the device stops ({@link LorawanDevice#die}).
 */
final class DevicePower {

    private final LorawanDevice device;
    private final EnergyMeter meter;
    private final Battery battery;

    private boolean dead;
    private long depletedAtUs = Long.MAX_VALUE;
    private boolean transmitting;
    private boolean rxWindowOpen;
    private boolean classCListening;

    /**
     * @param device   the device
     * @param settings battery capacity (infinite: no battery), radio and MCU profiles
     * @param nowUs    start of the first energy interval, µs
     */
    DevicePower(LorawanDevice device, NetworkSettings settings, long nowUs) {
        this.device = device;
        this.battery = Double.isInfinite(settings.batteryCapacityJ()) ? null
                : new Battery(settings.batteryCapacityJ(), nowUs);
        this.meter = new EnergyMeter(settings.radio(), settings.mcu(), battery, nowUs);
    }

    /** @return true once the battery is empty */
    boolean isDead() {
        return dead;
    }

    /** @return when the battery emptied, µs, or {@link Long#MAX_VALUE} */
    long depletedAtUs() {
        return depletedAtUs;
    }

    /** @return true while a frame is on the air */
    boolean isTransmitting() {
        return transmitting;
    }

    /** @return true while the radio listens for a class C multicast (even if the device died meanwhile) */
    boolean isListening() {
        return classCListening;
    }

    /** Energy per state up to {@code nowUs} (the meter is advanced to then). */
    DeviceEnergy energy(long nowUs) {
        advanceMeter(nowUs);
        return DeviceEnergy.of(meter, depletedAtUs);
    }

    /** Marks the MCU busy or idle from {@code nowUs} on. */
    void setComputing(long nowUs, boolean busy) {
        if (dead) {
            return;
        }
        meter.setMcuBusy(nowUs, busy);
        checkBattery();
    }

    /**
     * Drains {@code energyJ} spent outside the meter's states (local training, charged per MFLOP)
     * from the battery at {@code nowUs}; the device stops if that empties it.
     */
    void drain(long nowUs, double energyJ) {
        if (dead || battery == null) {
            return;
        }
        advanceMeter(nowUs);
        battery.drain(nowUs, energyJ);
        checkBattery();
    }

    /** The meter, for reading energies by state up to its last update. */
    EnergyMeter meter() {
        return meter;
    }

    /** A frame goes on the air now. */
    void startTransmitting(long nowUs) {
        transmitting = true;
        updateRadio(nowUs);
    }

    /** The frame left the air; the meter is charged by {@link #transmissionEmptiedBattery}. */
    void stopTransmitting() {
        transmitting = false;
    }

    /**
     * Charges the transmission that just ended (the radio goes to sleep).
     *
     * @return true if the battery emptied during it
     */
    boolean transmissionEmptiedBattery(long nowUs) {
        if (battery != null && !dead) {
            meter.enter(nowUs, RadioState.SLEEP);
            return battery.isDepleted();
        }
        return false;
    }

    /** A receive window opens or closes now. */
    void setRxWindowOpen(long nowUs, boolean open) {
        rxWindowOpen = open;
        updateRadio(nowUs);
    }

    /** Class C listening starts or stops now. */
    void setListening(long nowUs, boolean listening) {
        classCListening = listening;
        updateRadio(nowUs);
    }

    /** Puts the meter in the state the radio flags say, from {@code nowUs} on. */
    void updateRadio(long nowUs) {
        if (dead) {
            return;
        }
        RadioState state = transmitting ? RadioState.TX
                : rxWindowOpen ? RadioState.RX : classCListening ? RadioState.LISTEN : RadioState.SLEEP;
        if (state != meter.state()) {
            meter.enter(nowUs, state);
            checkBattery();
        }
    }

    /** Charges the current state up to {@code nowUs}. */
    void advanceMeter(long nowUs) {
        if (!dead && nowUs >= meter.updatedAtUs()) {
            meter.advance(nowUs);
            checkBattery();
        }
    }

    /** Stops the device if the battery is empty and no frame is on the air. */
    void checkBattery() {
        if (battery != null && battery.isDepleted() && !dead && !transmitting) {
            device.die(battery.depletedAtUs());
        }
    }

    /** The battery emptied at {@code atUs}: the device is dead from then on. */
    void markDepleted(long atUs) {
        dead = true;
        depletedAtUs = atUs;
    }

    /** A dead device's receivers are off (the meter, stopped with the battery, is not touched). */
    void receiversOff() {
        rxWindowOpen = false;
        classCListening = false;
    }
}
