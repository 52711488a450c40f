package org.fedwan.channel.nbiot;

/**
 * Connected-mode release and idle-mode power saving of a device: RRC inactivity timer, release
 * assistance, paging DRX, extended DRX and PSM timers.
 *
 * <ul>
 *   <li>{@code inactivityTimerUs}: without release assistance the eNB releases the connection
 *       after this much inactivity; operators use 10-20 s (lpwan-facts B2) [U], default 20 s.</li>
 *   <li>{@code releaseAssistance}: the device indicates it expects no more data (AS-RAI,
 *       Rel-14; CP-RAI) and is released at once [U that networks honour it]; default off.</li>
 *   <li>{@code drxCycleUs}: paging DRX, 1.28, 2.56, 5.12 or 10.24 s [V]; default 2.56 s [U].</li>
 *   <li>{@code edrxCycleUs}: 0 (off) or 20.48 s x 2^k, k = 0..9, up to 10485.76 s (about
 *       2.91 h) [V secondary]; one paging occasion per paging time window is assumed.</li>
 *   <li>{@code psmEnabled}, {@code t3324Us}: after release the device stays reachable in idle
 *       (DRX or eDRX) for the active timer T3324, then enters PSM; T3324 up to 31 x 6 min =
 *       186 min (TS 24.008 GPRS timer 2) [U]; default 60 s [U]. u-blox advises T3324 at least
 *       2 DRX cycles + 10 s for reliable paging [V], not enforced (T3324 = 0 is common).</li>
 *   <li>{@code t3412Us}: periodic tracking area update timer: a device in PSM wakes for a TAU
 *       when it has not connected for this long; up to 31 x 320 h (about 413 days) [V partial];
 *       default 54 min, the TS 24.301 default [V].</li>
 *   <li>{@code pagingWindowUs}: the eDRX paging time window (PTW). During the window the device
 *       monitors one paging occasion per paging DRX cycle, so an eDRX cycle holds
 *       {@code ceil(PTW / DRX)} paging occasions. 0 (the default) keeps the earlier model: one
 *       paging occasion per eDRX cycle. Otherwise 2.56 s x n, n = 1..16, the NB-S1 mode values
 *       of TS 24.008 Table 10.5.5.32 [U: recalled, not checked against the table], and at most
 *       the eDRX cycle.</li>
 * </ul>
 *
 * @param inactivityTimerUs RRC inactivity timer, µs, at least 0
 * @param releaseAssistance whether the device asks for immediate release after its data
 * @param drxCycleUs        paging DRX cycle, µs
 * @param edrxCycleUs       extended DRX cycle, µs, 0 for none
 * @param psmEnabled        whether the device enters PSM when T3324 expires
 * @param t3324Us           active timer, µs, 0..186 min
 * @param t3412Us           periodic TAU timer, µs, greater than T3324 when PSM is enabled, at most 9920 h
 * @param pagingWindowUs    eDRX paging time window, µs: 0 (one paging occasion per eDRX cycle) or 2.56 s x 1..16
 */
public record PowerSavingConfig(long inactivityTimerUs, boolean releaseAssistance, long drxCycleUs, long edrxCycleUs,
                                boolean psmEnabled, long t3324Us, long t3412Us, long pagingWindowUs) {

    private static final long S = 1_000_000L;
    private static final long MAX_T3324_US = 186L * 60L * S;
    private static final long MAX_T3412_US = 31L * 320L * 3600L * S;
    private static final long EDRX_BASE_US = 20_480_000L;
    /** Unit of the NB-S1 paging time window, µs (TS 24.008 Table 10.5.5.32) [U]. */
    private static final long PTW_UNIT_US = 2_560_000L;
    private static final int MAX_PTW_UNITS = 16;

    /** Inactivity 20 s, no RAI, DRX 2.56 s, no eDRX, PSM with T3324 60 s and T3412 54 min. */
    public static final PowerSavingConfig DEFAULT =
            new PowerSavingConfig(20L * S, false, 2_560_000L, 0L, true, 60L * S, 54L * 60L * S, 0L);

    /**
     * A configuration with no paging time window (one paging occasion per eDRX cycle).
     *
     * @see #PowerSavingConfig(long, boolean, long, long, boolean, long, long, long)
     */
    public PowerSavingConfig(long inactivityTimerUs, boolean releaseAssistance, long drxCycleUs, long edrxCycleUs,
            boolean psmEnabled, long t3324Us, long t3412Us) {
        this(inactivityTimerUs, releaseAssistance, drxCycleUs, edrxCycleUs, psmEnabled, t3324Us, t3412Us, 0L);
    }

    /** Validates every timer against its 3GPP value range. */
    public PowerSavingConfig {
        if (inactivityTimerUs < 0) {
            throw new IllegalArgumentException("inactivityTimerUs = " + inactivityTimerUs + " is not allowed; allowed: >= 0");
        }
        if (drxCycleUs != 1_280_000L && drxCycleUs != 2_560_000L && drxCycleUs != 5_120_000L
                && drxCycleUs != 10_240_000L) {
            throw new IllegalArgumentException("drxCycleUs = " + drxCycleUs
                    + " is not allowed; allowed: 1.28, 2.56, 5.12 or 10.24 s (in µs)");
        }
        if (edrxCycleUs != 0L && !isEdrxCycle(edrxCycleUs)) {
            throw new IllegalArgumentException("edrxCycleUs = " + edrxCycleUs
                    + " is not allowed; allowed: 0 (off) or 20.48 s x 2^k for k = 0..9 (in µs)");
        }
        if (t3324Us < 0 || t3324Us > MAX_T3324_US) {
            throw new IllegalArgumentException("t3324Us = " + t3324Us + " is not allowed; allowed: 0.." + MAX_T3324_US
                    + " µs (186 min)");
        }
        if (t3412Us <= 0 || t3412Us > MAX_T3412_US) {
            throw new IllegalArgumentException("t3412Us = " + t3412Us + " is not allowed; allowed: 1.." + MAX_T3412_US
                    + " µs (31 x 320 h)");
        }
        if (psmEnabled && t3412Us <= t3324Us) {
            throw new IllegalArgumentException("t3412Us = " + t3412Us + " is not allowed with t3324Us = " + t3324Us
                    + "; allowed: t3412Us > t3324Us when PSM is enabled");
        }
        if (pagingWindowUs != 0L && (pagingWindowUs % PTW_UNIT_US != 0 || pagingWindowUs < 0
                || pagingWindowUs > MAX_PTW_UNITS * PTW_UNIT_US)) {
            throw new IllegalArgumentException("pagingWindowUs = " + pagingWindowUs
                    + " is not allowed; allowed: 0 (one paging occasion per eDRX cycle) or 2.56 s x 1..16 (in µs)");
        }
        if (pagingWindowUs > 0 && edrxCycleUs > 0 && pagingWindowUs > edrxCycleUs) {
            throw new IllegalArgumentException("pagingWindowUs = " + pagingWindowUs + " is not allowed with edrxCycleUs = "
                    + edrxCycleUs + "; allowed: a paging time window no longer than the eDRX cycle");
        }
    }

    /**
     * @return paging occasions the device monitors per paging cycle in idle: {@code ceil(PTW / DRX)}
     *         with eDRX and a paging time window, else 1
     */
    public int pagingOccasionsPerCycle() {
        if (edrxCycleUs == 0 || pagingWindowUs == 0) {
            return 1;
        }
        return (int) ((pagingWindowUs + drxCycleUs - 1) / drxCycleUs);
    }

    /** @return the idle power state: eDRX when an eDRX cycle is set, DRX otherwise */
    public PowerState idleState() {
        return edrxCycleUs > 0 ? PowerState.IDLE_EDRX : PowerState.IDLE_DRX;
    }

    /** @return the paging cycle in idle, µs: the eDRX cycle when set, else the DRX cycle */
    public long pagingCycleUs() {
        return edrxCycleUs > 0 ? edrxCycleUs : drxCycleUs;
    }

    /** @return a copy with the release behaviour replaced */
    public PowerSavingConfig withRelease(long newInactivityTimerUs, boolean newReleaseAssistance) {
        return new PowerSavingConfig(newInactivityTimerUs, newReleaseAssistance, drxCycleUs, edrxCycleUs, psmEnabled,
                t3324Us, t3412Us, pagingWindowUs);
    }

    /** @return a copy with the paging cycles replaced */
    public PowerSavingConfig withPaging(long newDrxCycleUs, long newEdrxCycleUs) {
        return new PowerSavingConfig(inactivityTimerUs, releaseAssistance, newDrxCycleUs, newEdrxCycleUs, psmEnabled,
                t3324Us, t3412Us, pagingWindowUs);
    }

    /** @return a copy with the PSM settings replaced */
    public PowerSavingConfig withPsm(boolean newPsmEnabled, long newT3324Us, long newT3412Us) {
        return new PowerSavingConfig(inactivityTimerUs, releaseAssistance, drxCycleUs, edrxCycleUs, newPsmEnabled,
                newT3324Us, newT3412Us, pagingWindowUs);
    }

    /** @return a copy with the eDRX paging time window replaced */
    public PowerSavingConfig withPagingWindowUs(long newPagingWindowUs) {
        return new PowerSavingConfig(inactivityTimerUs, releaseAssistance, drxCycleUs, edrxCycleUs, psmEnabled,
                t3324Us, t3412Us, newPagingWindowUs);
    }

    private static boolean isEdrxCycle(long cycleUs) {
        for (int k = 0; k <= 9; k++) {
            if (cycleUs == EDRX_BASE_US << k) {
                return true;
            }
        }
        return false;
    }
}
