package org.fedwan.sim.lorawan;

import java.util.Objects;

/**
 * The fragment recovery of a network's uplink messages.
 *
 * @param recovery      none, arq or fec
 * @param fecRedundancy coded fragments per fragment of an update under {@link FragmentRecovery#FEC}, ratio &gt; 0
 * @param arqMaxRounds  rounds of feedback and resending after the first pass under {@link FragmentRecovery#ARQ}, at least 1
 */
public record RecoverySettings(FragmentRecovery recovery, double fecRedundancy, int arqMaxRounds) {

    /**
     * Default ratio of {@code fec_redundancy}: 10 % coded fragments, the low end of the 10-20 % of
     * TS004 deployments that the brief of issue 13 names; a configurable default.
     */
    public static final double DEFAULT_FEC_REDUNDANCY = 0.1;

    /**
     * Default of {@code arq_max_rounds}: 8. At 1 % frame loss a 3,872-fragment update misses about
     * 39 fragments after the first pass, 0.4 after one round, and a lost feedback or request costs a
     * round of its own; 8 rounds leave room for several lost downlinks (a configurable default).
     */
    public static final int DEFAULT_ARQ_MAX_ROUNDS = 8;

    /** No recovery: the default, today's behaviour. */
    public static final RecoverySettings NONE = new RecoverySettings(FragmentRecovery.NONE, DEFAULT_FEC_REDUNDANCY,
            DEFAULT_ARQ_MAX_ROUNDS);

    public RecoverySettings {
        Objects.requireNonNull(recovery, "recovery is null; allowed: NONE, ARQ, FEC");
        if (!(fecRedundancy > 0) || Double.isInfinite(fecRedundancy)) {
            throw new IllegalArgumentException("fecRedundancy = " + fecRedundancy + " is not allowed; allowed: a finite ratio > 0");
        }
        if (arqMaxRounds < 1) {
            throw new IllegalArgumentException("arqMaxRounds = " + arqMaxRounds + " is not allowed; allowed: >= 1");
        }
    }
}
