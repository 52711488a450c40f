package org.fedwan.results;

/**
 * Energy a device spent in one state of the ledger during one round: a row of
 * {@code energy.csv}. The rows of a run add up to every joule of every device.
 *
 * @param round      FL round the energy belongs to (1-based)
 * @param device     device id, e.g. {@code dev-3}
 * @param state      the state
 * @param startUs    start of the interval it was spent over (the round's start, or when training started), µs
 * @param endUs      end of that interval, µs
 * @param energyJ    energy spent, J
 * @param txPowerDbm the transmit power, for {@link EnergyState#TX} rows; NaN otherwise
 */
public record EnergyRecord(int round, String device, EnergyState state, long startUs, long endUs, double energyJ,
        double txPowerDbm) {
}
