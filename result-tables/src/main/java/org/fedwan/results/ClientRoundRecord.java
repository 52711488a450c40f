package org.fedwan.results;

/**
 * One selected client in one round: where its time went and how its update fared.
 *
 * @param round           round, 1-based
 * @param device          device id
 * @param computeUs       simulated local training time
 * @param computeEndUs    engine time training ended (-1 if the round closed first)
 * @param uploadStartUs   start of its first uplink frame of the round (-1 if none)
 * @param uploadEndUs     end of its last uplink frame of the round (-1 if none)
 * @param airtimeUs       time on air of its uplink frames in the round
 * @param dutyCycleWaitUs time it waited for its duty cycle in the round
 * @param frames          uplink frames it sent in the round
 * @param updateBytes     size of its encoded update (0 when it skipped the upload)
 * @param outcome         how the update fared
 * @param protocol        the link protocol's name, e.g. {@code lorawan}
 * @param cause           why the update did not arrive in time, or null when it did (or was skipped or is late)
 */
public record ClientRoundRecord(int round, String device, long computeUs, long computeEndUs, long uploadStartUs,
        long uploadEndUs, long airtimeUs, long dutyCycleWaitUs, int frames, int updateBytes, ClientOutcome outcome, String protocol,
        LossCause cause) {
}
