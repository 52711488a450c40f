package org.fedwan.channel.lorawan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Transmit ledger of one sub-band under a duty-cycle limit, in the off-time form of
 * LoRaMac-node (2016): after a frame of airtime {@code ToA} the sub-band is closed for
 * {@code Toff = ToA/dc - ToA} ({@code TimeOff = ToA*DCycle - ToA} with {@code DCycle = 1/dc};
 * lpwan-facts A3). Current LoRaMac-node uses time credits over a 3600 s window instead; the
 * long-run airtime share is {@code dc} in both.
 *
 * <p>Keep one ledger per sub-band: in EU868 the three default channels share the
 * 868.0-868.6 MHz sub-band and hence one budget. The ledger never reads a clock: callers pass
 * the current time. Even an {@link #unlimited()} ledger refuses overlapping transmissions, as
 * one radio sends one frame at a time.
 *
 * <p>Mutable and not thread-safe; it keeps a running total instead of a history, and the off time
 * of the last airtime it recorded (a device sends frames of few distinct airtimes, and
 * {@link #offTimeUs(long, double)} works in {@link BigDecimal}), so a repeated airtime costs no
 * decimal arithmetic and gives the same off time.
 */
public final class DutyCycleLedger {

    private final double dutyCycle;
    private long nextAllowedTxUs = Long.MIN_VALUE;
    private long totalAirtimeUs;
    private long transmissionCount;
    /** The airtime of the last off time computed, µs ({@code -1}: none yet). */
    private long memoAirtimeUs = -1;
    /** {@code offTimeUs(memoAirtimeUs, dutyCycle)}, µs. */
    private long memoOffTimeUs;

    /**
     * @param dutyCycle allowed fraction of airtime, in (0, 1] (0.01 for 1 %)
     * @throws IllegalArgumentException naming the value and the allowed range
     */
    public DutyCycleLedger(double dutyCycle) {
        requireDutyCycle(dutyCycle);
        this.dutyCycle = dutyCycle;
    }

    /** @return a ledger with duty cycle 1: no off time, only no overlap */
    public static DutyCycleLedger unlimited() {
        return new DutyCycleLedger(1.0);
    }

    /**
     * Off time after a frame: {@code ToA/dc - ToA} (LoRaMac-node 2016
     * {@code TimeOff = ToA*DCycle - ToA}; lpwan-facts A3), rounded up to a whole microsecond.
     *
     * <p>Computed in decimal on the shortest decimal form of {@code dutyCycle}
     * ({@link BigDecimal#valueOf(double)}), so 1 % gives exactly {@code 99 * ToA} with no
     * binary-rounding microsecond.
     *
     * @param airtimeUs time on air in microseconds, at least 0
     * @param dutyCycle duty cycle in (0, 1]
     * @return off time in microseconds
     */
    public static long offTimeUs(long airtimeUs, double dutyCycle) {
        requireDutyCycle(dutyCycle);
        if (airtimeUs < 0) {
            throw new IllegalArgumentException("airtimeUs = " + airtimeUs + " is not allowed; allowed: >= 0");
        }
        BigDecimal dc = BigDecimal.valueOf(dutyCycle);
        BigDecimal airtime = BigDecimal.valueOf(airtimeUs);
        return airtime.multiply(BigDecimal.ONE.subtract(dc))
                .divide(dc, 0, RoundingMode.CEILING)
                .longValueExact();
    }

    /** @return the duty cycle of this sub-band, in (0, 1] */
    public double dutyCycle() {
        return dutyCycle;
    }

    /**
     * @param nowUs current time in microseconds
     * @return the earliest time at or after {@code nowUs} at which a transmission may start
     */
    public long nextAllowedTxUs(long nowUs) {
        return Math.max(nowUs, nextAllowedTxUs);
    }

    /**
     * Records a transmission and closes the sub-band until
     * {@code startUs + airtimeUs + offTimeUs(airtimeUs, dutyCycle)}.
     *
     * @param startUs   start of the transmission in microseconds
     * @param airtimeUs time on air in microseconds, greater than 0
     * @throws IllegalStateException    if the sub-band is still closed at {@code startUs}
     * @throws IllegalArgumentException if {@code airtimeUs <= 0}
     */
    public void recordTransmission(long startUs, long airtimeUs) {
        if (airtimeUs <= 0) {
            throw new IllegalArgumentException("airtimeUs = " + airtimeUs + " is not allowed; allowed: > 0");
        }
        if (startUs < nextAllowedTxUs) {
            throw new IllegalStateException("transmission at startUs = " + startUs
                    + " is not allowed; the sub-band (duty cycle " + dutyCycle + ") is closed until "
                    + nextAllowedTxUs + " us");
        }
        if (airtimeUs != memoAirtimeUs) {
            memoOffTimeUs = offTimeUs(airtimeUs, dutyCycle);
            memoAirtimeUs = airtimeUs;
        }
        nextAllowedTxUs = Math.addExact(Math.addExact(startUs, airtimeUs), memoOffTimeUs);
        totalAirtimeUs = Math.addExact(totalAirtimeUs, airtimeUs);
        transmissionCount++;
    }

    /** @return the sum of the airtimes recorded so far, in microseconds */
    public long totalAirtimeUs() {
        return totalAirtimeUs;
    }

    /** @return the number of transmissions recorded so far */
    public long transmissionCount() {
        return transmissionCount;
    }

    private static void requireDutyCycle(double dutyCycle) {
        if (!(dutyCycle > 0.0 && dutyCycle <= 1.0)) {
            throw new IllegalArgumentException("dutyCycle = " + dutyCycle + " is not allowed; allowed: (0, 1]");
        }
    }

    @Override
    public String toString() {
        return "DutyCycleLedger[dutyCycle=" + dutyCycle + ", transmissionCount=" + transmissionCount
                + ", totalAirtimeUs=" + totalAirtimeUs + "]";
    }
}
