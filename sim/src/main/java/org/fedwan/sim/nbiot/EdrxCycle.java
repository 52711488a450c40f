package org.fedwan.sim.nbiot;

/**
 * Extended DRX cycle in RRC idle for NB-IoT (NB-S1 mode): 20.48 s x 2^k, k = 0..9, up to
 * 10485.76 s (about 2.91 h), or off (TS 24.008 Table 10.5.5.32, extended DRX parameters)
 * [V secondary, lpwan-facts B2].
 */
public enum EdrxCycle implements NbiotTimerValue {
    /** eDRX off. */
    OFF(0L),
    /** 20.48 s. */
    S20_48(20480000L),
    /** 40.96 s. */
    S40_96(40960000L),
    /** 81.92 s. */
    S81_92(81920000L),
    /** 163.84 s. */
    S163_84(163840000L),
    /** 327.68 s. */
    S327_68(327680000L),
    /** 655.36 s. */
    S655_36(655360000L),
    /** 1310.72 s. */
    S1310_72(1310720000L),
    /** 2621.44 s. */
    S2621_44(2621440000L),
    /** 5242.88 s. */
    S5242_88(5242880000L),
    /** 10485.76 s. */
    S10485_76(10485760000L);

    private final long us;

    EdrxCycle(long us) {
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
