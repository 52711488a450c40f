package org.fedwan.sim.nbiot;

/**
 * eDRX paging time window (PTW) for NB-IoT (NB-S1 mode): 2.56 s x n, n = 1..16 (TS 24.008
 * Table 10.5.5.32) [U: recalled, not checked against the table], or off. In the window the
 * device monitors one paging occasion per paging DRX cycle.
 */
public enum PagingWindow implements NbiotTimerValue {
    /** No paging time window: one paging occasion per eDRX cycle (the earlier model). */
    OFF(0L),
    /** 2.56 s. */
    S2_56(2560000L),
    /** 5.12 s. */
    S5_12(5120000L),
    /** 7.68 s. */
    S7_68(7680000L),
    /** 10.24 s. */
    S10_24(10240000L),
    /** 12.8 s. */
    S12_8(12800000L),
    /** 15.36 s. */
    S15_36(15360000L),
    /** 17.92 s. */
    S17_92(17920000L),
    /** 20.48 s. */
    S20_48(20480000L),
    /** 23.04 s. */
    S23_04(23040000L),
    /** 25.6 s. */
    S25_6(25600000L),
    /** 28.16 s. */
    S28_16(28160000L),
    /** 30.72 s. */
    S30_72(30720000L),
    /** 33.28 s. */
    S33_28(33280000L),
    /** 35.84 s. */
    S35_84(35840000L),
    /** 38.4 s. */
    S38_4(38400000L),
    /** 40.96 s. */
    S40_96(40960000L);

    private final long us;

    PagingWindow(long us) {
        this.us = us;
    }

    @Override
    public long us() {
        return us;
    }

    @Override
    public String label() {
        return NbiotTimerValue.label(us);
    }
}
