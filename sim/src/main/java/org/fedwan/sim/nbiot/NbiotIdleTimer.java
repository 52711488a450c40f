package org.fedwan.sim.nbiot;

import org.fedwan.channel.nbiot.PowerSavingConfig;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.Simulation;

/**
 * The idle and PSM timer of one {@link NbiotDevice}: after a connection the device stays reachable
 * in idle until T3324 expires and it enters PSM; T3412 after its last connection the periodic TAU
 * wakes it; while downlink data waits, it is paged at its next paging occasion (a fixed offset,
 * drawn once from the stream "nbiot-paging", plus whole paging cycles). One reused event holds
 * whichever comes first.
 */
final class NbiotIdleTimer {

    /** What the timer does when it fires. */
    private enum Action { NONE, ENTER_PSM, PERIODIC_TAU, PAGE }

    private final NbiotDevice device;
    private final PowerSavingConfig ps;
    private final long pagingOffsetUs;
    private final Timer timer;

    private Action action = Action.NONE;
    private long lastConnectionEndUs;

    /**
     * @param device the device
     * @param model  the simulation (random streams, scheduler)
     * @param ps     T3324, T3412, PSM on or off, paging cycle
     */
    NbiotIdleTimer(NbiotDevice device, Simulation model, PowerSavingConfig ps) {
        this.device = device;
        this.ps = ps;
        this.pagingOffsetUs = model.streams().of(device.id(), "nbiot-paging").nextLong(ps.pagingCycleUs());
        this.timer = new Timer(model);
        this.lastConnectionEndUs = model.nowUs();
    }

    /** The first periodic TAU: T3412 after the device was created. */
    void scheduleFirstTau() {
        set(Action.PERIODIC_TAU, lastConnectionEndUs + ps.t3412Us());
    }

    /** A connection was released at {@code nowUs}: T3324 and T3412 count from then. */
    void connectionEnded(long nowUs) {
        lastConnectionEndUs = nowUs;
    }

    /**
     * The device idles from {@code nowUs}: the timer fires at PSM entry, the periodic TAU or, when
     * downlink data waits, the next paging occasion, whichever comes first.
     */
    void scheduleIdle(long nowUs, boolean downlinkWaiting) {
        Action next = Action.PERIODIC_TAU;
        long atUs = Math.max(nowUs, lastConnectionEndUs + ps.t3412Us());
        if (ps.psmEnabled()) {
            long psmUs = Math.max(nowUs, lastConnectionEndUs + ps.t3324Us());
            if (psmUs <= atUs) {
                next = Action.ENTER_PSM;
                atUs = psmUs;
            }
        }
        if (downlinkWaiting) {
            long cycle = ps.pagingCycleUs();
            long pageUs = pagingOffsetUs + Math.floorDiv(nowUs - pagingOffsetUs + cycle - 1, cycle) * cycle;
            if (pageUs < atUs) {
                next = Action.PAGE;
                atUs = pageUs;
            }
        }
        set(next, atUs);
    }

    /** The device has work or died: the timer does not fire. */
    void cancel() {
        timer.cancel();
    }

    private void set(Action next, long atUs) {
        action = next;
        timer.reschedule(device, atUs);
    }

    private void fired(long nowUs) {
        Action fired = action;
        action = Action.NONE;
        switch (fired) {
            case ENTER_PSM -> {
                device.enterPsm(nowUs);
                if (!device.isDead()) {
                    set(Action.PERIODIC_TAU, Math.max(nowUs, lastConnectionEndUs + ps.t3412Us()));
                }
            }
            case PERIODIC_TAU -> device.periodicTauDue(nowUs);
            case PAGE -> device.startRandomAccess(nowUs);
            case NONE -> {
                // cancelled action
            }
        }
    }

    private final class Timer extends Event<NbiotDevice> {
        Timer(Simulation model) {
            super(model, "nbiot-timer");
        }

        @Override
        protected void eventRoutine(NbiotDevice who) {
            fired(simulation().nowUs());
        }
    }
}
