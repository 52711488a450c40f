package org.fedwan.channel.lorawan;

import java.util.Objects;

/**
 * A regulatory sub-band with its duty cycle. All transmissions of one radio inside a sub-band
 * share one {@link DutyCycleLedger}: in EU868 the three default channels 868.1/868.3/868.5 MHz
 * lie in 868.0-868.6 MHz and share its 1 % budget (lpwan-facts A3).
 *
 * <p>The frequency range is inclusive at both ends; where two sub-bands touch (EU868 at
 * 868.0 MHz) the region looks them up in list order, so the earlier one wins, as LoRaMac-node
 * {@code RegionEU868.c VerifyRfFreq} does.
 *
 * @param name            name for messages, e.g. "868.0-868.6 MHz"
 * @param minFrequencyHz  lowest frequency, inclusive
 * @param maxFrequencyHz  highest frequency, inclusive
 * @param dutyCycle       allowed airtime fraction in (0, 1]; 1 means no duty-cycle limit
 */
public record SubBand(String name, long minFrequencyHz, long maxFrequencyHz, double dutyCycle) {

    /** Validates every field. */
    public SubBand {
        Objects.requireNonNull(name, "name is null");
        if (minFrequencyHz < 0 || maxFrequencyHz < minFrequencyHz) {
            throw new IllegalArgumentException("sub-band " + name + ": frequency range " + minFrequencyHz + ".."
                    + maxFrequencyHz + " Hz is not allowed; allowed: 0 <= min <= max");
        }
        if (!(dutyCycle > 0.0 && dutyCycle <= 1.0)) {
            throw new IllegalArgumentException("sub-band " + name + ": dutyCycle = " + dutyCycle
                    + " is not allowed; allowed: (0, 1] (1 = no limit)");
        }
    }

    /**
     * @param frequencyHz a carrier frequency
     * @return true when it lies in this sub-band
     */
    public boolean contains(long frequencyHz) {
        return frequencyHz >= minFrequencyHz && frequencyHz <= maxFrequencyHz;
    }

    /** @return true when the sub-band limits airtime (duty cycle below 1) */
    public boolean limited() {
        return dutyCycle < 1.0;
    }

    /** @return a fresh ledger for one radio in this sub-band */
    public DutyCycleLedger newLedger() {
        return new DutyCycleLedger(dutyCycle);
    }
}
