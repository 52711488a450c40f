package org.fedwan.results;

/**
 * Energy a device spent in one state over an interval: a row of {@code energy.csv}. Training
 * energy is one row per client and round ({@link EnergyState#COMPUTE}); radios that report their
 * power states interval by interval (NB-IoT) give one row per interval.
 *
 * @param round   FL round the interval belongs to (1-based)
 * @param device  device id, e.g. {@code dev-3}
 * @param state   the state
 * @param startUs start of the interval, engine time in µs
 * @param endUs   end of the interval, engine time in µs
 * @param energyJ energy spent, J
 */
public record EnergyRecord(int round, String device, EnergyState state, long startUs, long endUs, double energyJ) {
}
