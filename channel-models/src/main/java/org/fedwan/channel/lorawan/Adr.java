package org.fedwan.channel.lorawan;
import java.util.Objects;

/**
 * A simple network-side adaptive data rate, the margin-based algorithm Semtech recommends for
 * network servers and ns-3 {@code lorawan} implements in {@code AdrComponent::AdrImplementation}:
 * <pre>
 * margin = SNR - SNR_required(DR) - installationMargin
 * steps  = floor(margin / stepDb)
 * while steps > 0 and DR < maxDR:            DR++,  steps--
 * while steps > 0 and P > Pmin (power ctrl): P -= 2, steps--
 * while steps < 0 and P < Pmax (power ctrl): P += 2, steps++
 * </pre>
 * The data rate is never lowered by the server: the device does that itself when no downlink
 * arrives for {@code ADR_ACK_LIMIT + ADR_ACK_DELAY} uplinks ({@link #deviceShouldStepDown},
 * LoRaWAN 1.0.3 section 4.3.1.1).
 *
 * <p>The SNR is combined over the last {@code historyLength} uplinks. Defaults of
 * {@link Settings#DEFAULT}: maximum over 20 uplinks and a 10 dB installation margin, the
 * Semtech/ChirpStack choice [U: ChirpStack default, not checked against its source]; ns-3 averages
 * the last 4 uplinks with no margin ({@link Settings#NS3}).
 */
public final class Adr {

    private Adr() {
    }

    /** How the SNR history is combined. */
    public enum Combining {
        /** Largest SNR of the history (Semtech). */
        MAX,
        /** Mean SNR of the history (ns-3 default). */
        AVERAGE,
        /** Smallest SNR of the history. */
        MIN
    }

    /**
     * @param historyLength        uplinks the server needs and combines, at least 1
     * @param combining            how the history is combined
     * @param installationMarginDb safety margin in dB, at least 0
     * @param stepDb               SNR per step in dB, greater than 0 (3 dB)
     * @param powerControl         whether leftover steps change TX power (2 dB per step)
     */
    public record Settings(int historyLength, Combining combining, double installationMarginDb, double stepDb,
                           boolean powerControl) {

        /** Max SNR over 20 uplinks, 10 dB margin, 3 dB steps, data rate only. */
        public static final Settings DEFAULT = new Settings(20, Combining.MAX, 10.0, 3.0, false);
        /** ns-3 {@code AdrComponent}: average of 4 uplinks, no margin, 3 dB steps. */
        public static final Settings NS3 = new Settings(4, Combining.AVERAGE, 0.0, 3.0, false);

        /** Validates every field. */
        public Settings {
            if (historyLength < 1) {
                throw new IllegalArgumentException("historyLength = " + historyLength
                        + " is not allowed; allowed: >= 1");
            }
            Objects.requireNonNull(combining, "combining is null; allowed: MAX, AVERAGE, MIN");
            if (!(installationMarginDb >= 0.0) || !Double.isFinite(installationMarginDb)) {
                throw new IllegalArgumentException("installationMarginDb = " + installationMarginDb
                        + " is not allowed; allowed: finite and >= 0");
            }
            if (!(stepDb > 0.0) || !Double.isFinite(stepDb)) {
                throw new IllegalArgumentException("stepDb = " + stepDb + " is not allowed; allowed: finite and > 0");
            }
        }
    }

    /** TX power change per ADR step, dB (Regional Parameters TXPower steps). */
    public static final double POWER_STEP_DB = 2.0;

    /**
     * @param dataRateIndex new data rate
     * @param txPowerDbm    new TX power
     */
    public record Decision(int dataRateIndex, double txPowerDbm) {
    }

    /**
     * @param snrHistoryDb  SNRs of the recent uplinks in dB, at least one
     * @param count         how many of the array's first entries are valid
     * @param combining     how to combine them
     * @return the combined SNR in dB
     */
    public static double combine(double[] snrHistoryDb, int count, Combining combining) {
        if (count < 1 || count > snrHistoryDb.length) {
            throw new IllegalArgumentException("count = " + count + " is not allowed; allowed: 1.."
                    + snrHistoryDb.length);
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double sum = 0.0;
        for (int i = 0; i < count; i++) {
            double v = snrHistoryDb[i];
            max = Math.max(max, v);
            min = Math.min(min, v);
            sum += v;
        }
        return switch (combining) {
            case MAX -> max;
            case MIN -> min;
            case AVERAGE -> sum / count;
        };
    }

    /**
     * @param snrDb                combined SNR in dB
     * @param requiredSnrDb        demodulation floor of the current data rate in dB
     * @param currentDataRateIndex current data rate
     * @param maxDataRateIndex     fastest data rate allowed
     * @param txPowerDbm           current TX power
     * @param minTxPowerDbm        lowest TX power (used with power control)
     * @param maxTxPowerDbm        highest TX power (used with power control)
     * @param settings             margin, step and power control
     * @return the new data rate and TX power
     */
    public static Decision recommend(double snrDb, double requiredSnrDb, int currentDataRateIndex,
                                     int maxDataRateIndex, double txPowerDbm, double minTxPowerDbm,
                                     double maxTxPowerDbm, Settings settings) {
        double marginDb = snrDb - requiredSnrDb - settings.installationMarginDb();
        int steps = (int) Math.floor(marginDb / settings.stepDb());
        int dr = currentDataRateIndex;
        double power = txPowerDbm;
        while (steps > 0 && dr < maxDataRateIndex) {
            dr++;
            steps--;
        }
        if (settings.powerControl()) {
            while (steps > 0 && power - POWER_STEP_DB >= minTxPowerDbm) {
                power -= POWER_STEP_DB;
                steps--;
            }
            while (steps < 0 && power + POWER_STEP_DB <= maxTxPowerDbm) {
                power += POWER_STEP_DB;
                steps++;
            }
        }
        return new Decision(dr, power);
    }

    /**
     * @param adrAckCount uplinks since the last downlink (ADR_ACK_CNT)
     * @param limit       ADR_ACK_LIMIT
     * @return true when the device sets the ADRACKReq bit
     */
    public static boolean deviceRequestsAck(int adrAckCount, int limit) {
        return adrAckCount >= limit;
    }

    /**
     * The device lowers its data rate by one step when ADR_ACK_CNT reaches
     * {@code limit + delay}, and again every {@code delay} uplinks after that (LoRaWAN 1.0.3
     * section 4.3.1.1; TX power is already at its default here, as FedWAN's devices keep theirs).
     *
     * @param adrAckCount uplinks since the last downlink, counting the one about to be sent
     * @param limit       ADR_ACK_LIMIT
     * @param delay       ADR_ACK_DELAY, at least 1
     * @return true when the device steps its data rate down before this uplink
     */
    public static boolean deviceShouldStepDown(int adrAckCount, int limit, int delay) {
        if (delay < 1) {
            throw new IllegalArgumentException("delay = " + delay + " is not allowed; allowed: >= 1");
        }
        return adrAckCount >= limit + delay && (adrAckCount - limit) % delay == 0;
    }
}
