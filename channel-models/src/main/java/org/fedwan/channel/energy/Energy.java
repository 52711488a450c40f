package org.fedwan.channel.energy;

/**
 * Electrical energy {@code E = V * I * t} (lpwan-facts A5: {@code E = V * sum(I * t)} over the
 * radio states, as FLoRa and ns-3 {@code lorawan} compute it).
 */
public final class Energy {

    private static final double SECONDS_PER_MICROSECOND = 1e-6;

    private Energy() {
    }

    /**
     * @param voltageV   supply voltage in volts, finite and at least 0
     * @param currentA   current in amperes, finite and at least 0
     * @param durationUs duration in microseconds, at least 0
     * @return energy in joules
     */
    public static double joules(double voltageV, double currentA, long durationUs) {
        if (!(voltageV >= 0.0 && Double.isFinite(voltageV))) {
            throw new IllegalArgumentException("voltageV = " + voltageV + " is not allowed; allowed: finite and >= 0");
        }
        if (!(currentA >= 0.0 && Double.isFinite(currentA))) {
            throw new IllegalArgumentException("currentA = " + currentA + " is not allowed; allowed: finite and >= 0");
        }
        if (durationUs < 0) {
            throw new IllegalArgumentException("durationUs = " + durationUs + " is not allowed; allowed: >= 0");
        }
        return voltageV * currentA * (durationUs * SECONDS_PER_MICROSECOND);
    }

    /**
     * @param radio      radio profile (supply voltage and per-state current)
     * @param state      radio state
     * @param durationUs time spent in the state in microseconds, at least 0
     * @return energy in joules
     */
    public static double joules(RadioProfile radio, RadioState state, long durationUs) {
        return joules(radio.supplyVoltageV(), radio.currentA(state), durationUs);
    }
}
