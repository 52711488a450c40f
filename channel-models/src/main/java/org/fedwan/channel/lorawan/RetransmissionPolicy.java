package org.fedwan.channel.lorawan;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a class A device does after one uplink attempt and its receive windows: stop, or send
 * the same frame again, and after how long (LoRaWAN 1.0.3 sections 4.3.1.1 and 18.4;
 * lpwan-facts A4).
 *
 * <ul>
 *   <li>Unconfirmed uplinks are sent {@code nbTrans} times (NbTrans 1..15, default 1, set by
 *       LinkADRReq), each repetition right after the previous one's RX2, unless a downlink
 *       arrives first;</li>
 *   <li>confirmed uplinks are resent until an ACK arrives or {@code maxConfirmedAttempts}
 *       attempts were made (legacy LoRaMac-node v4 {@code MAX_ACK_RETRIES} = 8; LoRaWAN 1.0.4
 *       uses NbTrans instead), each retry after RETRANSMIT_TIMEOUT, drawn uniformly in
 *       {@code [retransmitTimeoutMinUs, retransmitTimeoutMaxUs]} (2 +/- 1 s).</li>
 * </ul>
 * Every attempt is a full transmission and is charged to the device's duty cycle by the caller.
 *
 * @param nbTrans                 transmissions of each unconfirmed uplink, 1..15
 * @param maxConfirmedAttempts    largest number of attempts of a confirmed uplink, at least 1
 * @param retransmitTimeoutMinUs  lower bound of RETRANSMIT_TIMEOUT, µs
 * @param retransmitTimeoutMaxUs  upper bound of RETRANSMIT_TIMEOUT, µs
 */
public record RetransmissionPolicy(int nbTrans, int maxConfirmedAttempts, long retransmitTimeoutMinUs,
                                   long retransmitTimeoutMaxUs) {

    /** NbTrans 1, 8 confirmed attempts, RETRANSMIT_TIMEOUT 1..3 s. */
    public static final RetransmissionPolicy DEFAULT = new RetransmissionPolicy(1, 8,
            ReceiveWindows.RETRANSMIT_TIMEOUT_MIN_US, ReceiveWindows.RETRANSMIT_TIMEOUT_MAX_US);

    /** Largest NbTrans (4-bit field of LinkADRReq). */
    public static final int MAX_NB_TRANS = 15;

    /** Decision after one attempt. */
    public enum Next {
        /** The uplink is finished: acknowledged, or an unconfirmed uplink sent NbTrans times. */
        DONE,
        /** Send the same frame again after {@link #retransmitDelayUs}. */
        RETRANSMIT,
        /** A confirmed uplink used all its attempts without an ACK. */
        GIVE_UP
    }

    /** Validates every field. */
    public RetransmissionPolicy {
        if (nbTrans < 1 || nbTrans > MAX_NB_TRANS) {
            throw new IllegalArgumentException("nbTrans = " + nbTrans + " is not allowed; allowed: 1.." + MAX_NB_TRANS);
        }
        if (maxConfirmedAttempts < 1) {
            throw new IllegalArgumentException("maxConfirmedAttempts = " + maxConfirmedAttempts
                    + " is not allowed; allowed: >= 1");
        }
        if (retransmitTimeoutMinUs < 0 || retransmitTimeoutMaxUs < retransmitTimeoutMinUs) {
            throw new IllegalArgumentException("retransmit timeout " + retransmitTimeoutMinUs + ".."
                    + retransmitTimeoutMaxUs + " us is not allowed; allowed: 0 <= min <= max");
        }
    }

    /**
     * @param confirmed         whether the uplink is confirmed
     * @param attemptsMade      attempts sent so far, including this one, at least 1
     * @param downlinkReceived  whether a downlink (for a confirmed uplink: its ACK) arrived in
     *                          this attempt's receive windows
     * @return what to do next
     */
    public Next afterAttempt(boolean confirmed, int attemptsMade, boolean downlinkReceived) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attemptsMade = " + attemptsMade + " is not allowed; allowed: >= 1");
        }
        if (downlinkReceived) {
            return Next.DONE;
        }
        if (confirmed) {
            return attemptsMade < maxConfirmedAttempts ? Next.RETRANSMIT : Next.GIVE_UP;
        }
        return attemptsMade < nbTrans ? Next.RETRANSMIT : Next.DONE;
    }

    /**
     * @param confirmed whether the uplink is confirmed
     * @param rng       the device's retransmission stream (drawn only for confirmed uplinks)
     * @return wait after the end of RX2 before the next attempt, µs (0 for unconfirmed repetitions)
     */
    public long retransmitDelayUs(boolean confirmed, RandomGenerator rng) {
        if (!confirmed) {
            return 0L;
        }
        Objects.requireNonNull(rng, "rng is null");
        if (retransmitTimeoutMaxUs == retransmitTimeoutMinUs) {
            return retransmitTimeoutMinUs;
        }
        return rng.nextLong(retransmitTimeoutMinUs, retransmitTimeoutMaxUs + 1);
    }

    /** @return a copy with {@code nbTrans} replaced */
    public RetransmissionPolicy withNbTrans(int newNbTrans) {
        return new RetransmissionPolicy(newNbTrans, maxConfirmedAttempts, retransmitTimeoutMinUs,
                retransmitTimeoutMaxUs);
    }

    /** @return a copy with {@code maxConfirmedAttempts} replaced */
    public RetransmissionPolicy withMaxConfirmedAttempts(int newMaxConfirmedAttempts) {
        return new RetransmissionPolicy(nbTrans, newMaxConfirmedAttempts, retransmitTimeoutMinUs,
                retransmitTimeoutMaxUs);
    }
}
