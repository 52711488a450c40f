package org.fedwan.results;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Energy split by the states of the ledger, kept in whole nanojoules so that sums are exact: a
 * total is always the sum of its parts to the last digit the tables print (9 decimals of a joule),
 * whatever the order of addition. Each row of the ledger is rounded to the nanojoule once, where
 * it is recorded ({@link #toNanojoules}); every total is a sum of those rows. Immutable.
 *
 * @param nanojoules energy per state, nJ; states not present spent nothing
 */
public record EnergyBreakdown(Map<EnergyState, Long> nanojoules) {

    /** No energy at all. */
    public static final EnergyBreakdown ZERO = new EnergyBreakdown(Map.of());

    /** Nanojoules per joule. */
    private static final double NJ_PER_J = 1e9;

    public EnergyBreakdown {
        EnumMap<EnergyState, Long> copy = new EnumMap<>(EnergyState.class);
        nanojoules.forEach((s, nj) -> {
            if (nj < 0) {
                throw new IllegalArgumentException("energy in state " + s.label() + " must be >= 0, got " + nj + " nJ");
            }
            copy.put(s, nj);
        });
        nanojoules = Collections.unmodifiableMap(copy);
    }

    /**
     * A breakdown of joules per state, each rounded to the nanojoule.
     *
     * @param joules energy per state, J, each finite and >= 0
     * @return the breakdown
     */
    public static EnergyBreakdown ofJoules(Map<EnergyState, Double> joules) {
        EnumMap<EnergyState, Long> nj = new EnumMap<>(EnergyState.class);
        joules.forEach((s, j) -> nj.put(s, toNanojoules(j)));
        return new EnergyBreakdown(nj);
    }

    /**
     * Energy rounded to the nearest nanojoule.
     *
     * @param joules energy, J
     * @return nanojoules
     * @throws IllegalArgumentException if the energy is negative, infinite or not a number
     */
    public static long toNanojoules(double joules) {
        if (!(joules >= 0) || Double.isInfinite(joules)) {
            throw new IllegalArgumentException("energy must be a finite number >= 0 J, got " + joules);
        }
        return Math.round(joules * NJ_PER_J);
    }

    /**
     * Nanojoules as joules.
     *
     * @param nanojoules energy, nJ
     * @return the energy in J, which the tables print exactly with 9 decimals
     */
    public static double toJoules(long nanojoules) {
        return nanojoules / NJ_PER_J;
    }

    /** Energy in state {@code s}, J. */
    public double get(EnergyState s) {
        return toJoules(nanojoules.getOrDefault(s, 0L));
    }

    /** Energy over every state, J. */
    public double total() {
        long sum = 0;
        for (long nj : nanojoules.values()) {
            sum += nj;
        }
        return toJoules(sum);
    }

    /** This breakdown plus {@code other}, state by state. */
    public EnergyBreakdown plus(EnergyBreakdown other) {
        EnumMap<EnergyState, Long> sum = new EnumMap<>(EnergyState.class);
        for (EnergyState s : EnergyState.values()) {
            long v = nanojoules.getOrDefault(s, 0L) + other.nanojoules.getOrDefault(s, 0L);
            if (v != 0) {
                sum.put(s, v);
            }
        }
        return new EnergyBreakdown(sum);
    }

    /** A running sum of energies by state, nJ. Mutable, not thread-safe. */
    public static final class Accumulator {
        private final long[] nanojoules = new long[EnergyState.values().length];

        /** Adds {@code nanojoules} (>= 0) to state {@code s}. */
        public void add(EnergyState s, long nanojoules) {
            this.nanojoules[s.ordinal()] += nanojoules;
        }

        /** The sum so far. */
        public EnergyBreakdown snapshot() {
            EnumMap<EnergyState, Long> m = new EnumMap<>(EnergyState.class);
            for (EnergyState s : EnergyState.values()) {
                if (nanojoules[s.ordinal()] != 0) {
                    m.put(s, nanojoules[s.ordinal()]);
                }
            }
            return new EnergyBreakdown(m);
        }

        /** Back to zero. */
        public void clear() {
            Arrays.fill(nanojoules, 0);
        }
    }
}
