package org.fedwan.channel.reception;

/**
 * The ns-3 {@code lorawan} interference rule (signetlabdei/lorawan,
 * {@code model/lora-interference-helper.cc}, {@code LoraInterferenceHelper::IsDestroyedByInterference};
 * lpwan-facts A7): at the end of a frame, the energy of every overlapping frame on the same
 * frequency is summed per spreading factor of the interferers,
 * {@code E_i(sf) = sum P_i * overlap_i}; the frame survives if, for every interfering spreading
 * factor, {@code 10 log10(P_signal * T_frame / E_i(sf))} reaches the isolation threshold
 * {@code ISOLATION_DB[sf_signal][sf_interferer]}. Only exactly the same frequency interferes
 * (no inter-channel interference). Energies are compared in milliwatt microseconds here; the
 * ratio is the one ns-3 forms in watt seconds.
 *
 * <p>{@link #GOURSAUD_ISOLATION_DB}: 6 dB for the same spreading factor and -16 to -36 dB across
 * spreading factors, from C. Goursaud and J.-M. Gorce, "Dedicated networks for IoT: PHY / MAC
 * state of the art and challenges", EAI Endorsed Transactions on Internet of Things 1(1), 2015,
 * as ns-3 {@code LoraInterferenceHelper::collisionSnirGoursaud} tabulates them (the paper's
 * co-channel rejection with the sign turned, read as isolation). Row = the signal's spreading
 * factor, column = the interferer's, SF7..SF12.
 *
 * <p>Pure functions over primitives, so the engine can accumulate energies on its hot path
 * without allocating.
 */
public final class CumulativeInterference {

    /** Number of spreading factors in the matrix (SF7..SF12). */
    public static final int SPREADING_FACTORS = 6;
    /** Spreading factor of row and column 0. */
    public static final int FIRST_SF = 7;

    /**
     * Isolation thresholds in dB, {@code [signal SF - 7][interferer SF - 7]} (ns-3
     * {@code collisionSnirGoursaud}; Goursaud and Gorce 2015).
     */
    private static final double[][] GOURSAUD_ISOLATION_DB = {
        {6, -16, -18, -19, -19, -20},
        {-24, 6, -20, -22, -22, -22},
        {-27, -27, 6, -23, -25, -25},
        {-30, -30, -30, 6, -26, -28},
        {-33, -33, -33, -33, 6, -29},
        {-36, -36, -36, -36, -36, 6},
    };

    /** No spreading factor destroyed the frame. */
    public static final int SURVIVED = 0;

    private CumulativeInterference() {
    }

    /**
     * @param signalSf     spreading factor of the wanted frame, 7..12
     * @param interfererSf spreading factor of the interferers, 7..12
     * @return the signal-to-interference energy ratio the frame needs to survive, dB
     */
    public static double isolationDb(int signalSf, int interfererSf) {
        return GOURSAUD_ISOLATION_DB[row(signalSf)][row(interfererSf)];
    }

    /**
     * @param dbm power in dBm
     * @return power in milliwatts, {@code 10^(dBm / 10)}
     */
    public static double milliwatts(double dbm) {
        return Math.pow(10.0, dbm / 10.0);
    }

    /**
     * Overlap of two intervals, as ns-3 {@code LoraInterferenceHelper::GetOverlapTime}.
     *
     * @param firstStartUs  start of the first frame, µs
     * @param firstEndUs    end of the first frame, µs
     * @param secondStartUs start of the second frame, µs
     * @param secondEndUs   end of the second frame, µs
     * @return time both are on the air, µs, at least 0
     */
    public static long overlapUs(long firstStartUs, long firstEndUs, long secondStartUs, long secondEndUs) {
        return Math.max(0L, Math.min(firstEndUs, secondEndUs) - Math.max(firstStartUs, secondStartUs));
    }

    /**
     * Decides a frame's fate from the interference energy it collected.
     *
     * @param signalSf                 spreading factor of the frame, 7..12
     * @param signalMw                 received power of the frame, mW
     * @param durationUs               the frame's time on air, µs
     * @param interferenceMwUsBySf     interference energy per interfering spreading factor
     *                                 (index SF - 7), mW·µs
     * @param offset                   where the six values start in {@code interferenceMwUsBySf}
     * @return {@link #SURVIVED}, or the first (lowest) spreading factor whose interference
     *         destroyed the frame, as ns-3 returns it
     */
    public static int destroyedBy(int signalSf, double signalMw, long durationUs, double[] interferenceMwUsBySf,
                                  int offset) {
        double signalEnergy = signalMw * durationUs;
        double[] thresholds = GOURSAUD_ISOLATION_DB[row(signalSf)];
        for (int k = 0; k < SPREADING_FACTORS; k++) {
            double interference = interferenceMwUsBySf[offset + k];
            if (interference > 0.0 && 10.0 * Math.log10(signalEnergy / interference) < thresholds[k]) {
                return FIRST_SF + k;
            }
        }
        return SURVIVED;
    }

    private static int row(int sf) {
        if (sf < FIRST_SF || sf >= FIRST_SF + SPREADING_FACTORS) {
            throw new IllegalArgumentException("spreading factor = " + sf + " is not allowed; allowed: 7..12");
        }
        return sf - FIRST_SF;
    }
}
