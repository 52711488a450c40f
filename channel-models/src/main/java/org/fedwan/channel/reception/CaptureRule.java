package org.fedwan.channel.reception;

/**
 * Parameters of the LoRaSim collision rule (Bor et al., MSWiM 2016; LoRaSim
 * {@code powerCollision}, {@code timingCollision}; lpwan-facts A7):
 *
 * <ul>
 *   <li>{@code captureThresholdDb}: of two overlapping frames on the same channel and spreading
 *       factor, one at least this much stronger survives and the other is lost; within the
 *       threshold both are lost. LoRaSim: 6 dB;</li>
 *   <li>{@code preambleRescueSymbols}: if the later frame's first {@code N} preamble symbols are
 *       the only part that overlaps the earlier frame (the earlier frame ends before the later
 *       one's critical section starts), neither is lost. LoRaSim: {@code Npream - 5 = 3} of 8
 *       preamble symbols. FLoRa uses the preamble minus its last 6 symbols (2 of 8).</li>
 * </ul>
 *
 * @param captureThresholdDb    power difference needed to capture, in dB, at least 0
 * @param preambleRescueSymbols preamble symbols of the later frame that may overlap harmlessly, at least 0
 */
public record CaptureRule(double captureThresholdDb, int preambleRescueSymbols) {

    /** LoRaSim: 6 dB, 3 preamble symbols. The default. */
    public static final CaptureRule LORASIM = new CaptureRule(6.0, 3);

    /** Validates both fields. */
    public CaptureRule {
        if (!(captureThresholdDb >= 0.0) || !Double.isFinite(captureThresholdDb)) {
            throw new IllegalArgumentException("captureThresholdDb = " + captureThresholdDb
                    + " is not allowed; allowed: finite and >= 0");
        }
        if (preambleRescueSymbols < 0) {
            throw new IllegalArgumentException("preambleRescueSymbols = " + preambleRescueSymbols
                    + " is not allowed; allowed: >= 0");
        }
    }
}
