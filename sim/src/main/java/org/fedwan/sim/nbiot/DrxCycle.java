package org.fedwan.sim.nbiot;

/** Paging DRX cycle in RRC idle: 128, 256, 512 or 1024 radio frames of 10 ms (TS 36.304, TS 36.331) [V]. */
public enum DrxCycle implements NbiotTimerValue {
    /** 1.28 s. */
    S1_28(1_280_000L),
    /** 2.56 s. */
    S2_56(2_560_000L),
    /** 5.12 s. */
    S5_12(5_120_000L),
    /** 10.24 s. */
    S10_24(10_240_000L);

    private final long us;

    DrxCycle(long us) {
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
