package org.fedwan.channel.energy;

import java.util.Objects;

/**
 * The radio state machine of one device with its energy bookkeeping: sleep, standby, TX at the
 * profile's power, RX; plus the MCU, active whenever the radio is not asleep or the application
 * keeps it busy, asleep otherwise. Energy is {@code E = V * sum(I * t)} (lpwan-facts A5) at the
 * radio's supply voltage, per state.
 *
 * <p>State that takes the current time as an argument: {@link #enter(long, RadioState)} closes
 * the interval spent in the previous state; {@link #advance(long)} closes it without a change
 * (e.g. at the end of a run). Each closed interval drains the optional {@link Battery}, which
 * finds the moment it empties inside the interval. Keeps totals, not history; mutable, not
 * thread-safe.
 */
public final class EnergyMeter {

    private static final double SECONDS_PER_MICROSECOND = 1e-6;
    private static final RadioState[] STATES = RadioState.values();

    private final RadioProfile radio;
    private final McuProfile mcu;
    private final Battery battery;
    private final long[] radioTimeUs = new long[STATES.length];
    private long mcuActiveTimeUs;
    private long mcuSleepTimeUs;
    private RadioState state = RadioState.SLEEP;
    private boolean mcuBusy;
    private long sinceUs;

    /**
     * Starts in {@link RadioState#SLEEP} at {@code startUs}.
     *
     * @param radio   radio profile (voltage and currents)
     * @param mcu     MCU profile
     * @param battery battery drained by every interval, or null for none
     * @param startUs start time, µs
     */
    public EnergyMeter(RadioProfile radio, McuProfile mcu, Battery battery, long startUs) {
        this.radio = Objects.requireNonNull(radio, "radio is null");
        this.mcu = Objects.requireNonNull(mcu, "mcu is null");
        this.battery = battery;
        this.sinceUs = startUs;
    }

    /** @return the current radio state */
    public RadioState state() {
        return state;
    }

    /** @return the radio profile */
    public RadioProfile radio() {
        return radio;
    }

    /** @return the battery, or null */
    public Battery battery() {
        return battery;
    }

    /**
     * Closes the interval in the current state and switches to {@code next}.
     *
     * @param nowUs current time, µs, not before the last call
     * @param next  the new radio state
     */
    public void enter(long nowUs, RadioState next) {
        advance(nowUs);
        state = Objects.requireNonNull(next, "next is null");
    }

    /**
     * Marks the MCU busy (e.g. local training) or idle from now on.
     *
     * @param nowUs current time, µs
     * @param busy  whether the application keeps the MCU active
     */
    public void setMcuBusy(long nowUs, boolean busy) {
        advance(nowUs);
        mcuBusy = busy;
    }

    /**
     * Closes the interval since the last call without changing state.
     *
     * @param nowUs current time, µs, not before the last call
     */
    public void advance(long nowUs) {
        long durationUs = nowUs - sinceUs;
        if (durationUs < 0) {
            throw new IllegalArgumentException("nowUs = " + nowUs + " is before the meter's last update at "
                    + sinceUs + " us");
        }
        if (durationUs == 0) {
            return;
        }
        radioTimeUs[state.ordinal()] += durationUs;
        boolean mcuActive = mcuActive();
        if (mcuActive) {
            mcuActiveTimeUs += durationUs;
        } else {
            mcuSleepTimeUs += durationUs;
        }
        if (battery != null) {
            double currentA = radio.currentA(state) + (mcuActive ? mcu.activeCurrentA() : mcu.sleepCurrentA());
            battery.drain(nowUs, radio.supplyVoltageV() * currentA * durationUs * SECONDS_PER_MICROSECOND);
        }
        sinceUs = nowUs;
    }

    /** @return the time of the last update, µs */
    public long updatedAtUs() {
        return sinceUs;
    }

    /**
     * @param s a radio state
     * @return time spent in it up to the last update, µs
     */
    public long radioTimeUs(RadioState s) {
        return radioTimeUs[s.ordinal()];
    }

    /**
     * @param s a radio state
     * @return radio energy spent in it up to the last update, J
     */
    public double radioEnergyJ(RadioState s) {
        return Energy.joules(radio, s, radioTimeUs[s.ordinal()]);
    }

    /** @return radio energy over all states, J */
    public double radioEnergyJ() {
        double sum = 0.0;
        for (RadioState s : STATES) {
            sum += radioEnergyJ(s);
        }
        return sum;
    }

    /** @return MCU active time up to the last update, µs */
    public long mcuActiveTimeUs() {
        return mcuActiveTimeUs;
    }

    /** @return MCU energy (active plus asleep), J */
    public double mcuEnergyJ() {
        return Energy.joules(radio.supplyVoltageV(), mcu.activeCurrentA(), mcuActiveTimeUs)
                + Energy.joules(radio.supplyVoltageV(), mcu.sleepCurrentA(), mcuSleepTimeUs);
    }

    /** @return radio plus MCU energy up to the last update, J */
    public double totalEnergyJ() {
        return radioEnergyJ() + mcuEnergyJ();
    }

    private boolean mcuActive() {
        return mcuBusy || state != RadioState.SLEEP;
    }
}
