package org.fedwan.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Scheduling and firing reused events allocates nothing: measured with the per-thread
 * allocation counter of the JVM, which counts bytes, not time.
 */
class AllocationTest {

    private static final int TIMERS = 1_000;
    private static final long WARM_UP_EVENTS = 200_000;
    private static final long MEASURED_EVENTS = 1_000_000;

    /** A timer entity with its reused event. */
    static final class Timer extends Entity {
        final Tick tick;

        Timer(Simulation model, long id, Budget budget) {
            super(model, "timer", id);
            tick = new Tick(model, budget);
        }
    }

    /** Counts events down and stops the run at zero. */
    static final class Budget {
        long remaining;
        long state = 88172645463325252L;
    }

    /** Reschedules itself with an xorshift delay; cancels and reschedules now and then. */
    static final class Tick extends Event<Timer> {
        private final Budget budget;

        Tick(Simulation model, Budget budget) {
            super(model, "tick", 0);
            this.budget = budget;
        }

        @Override
        protected void eventRoutine(Timer who) {
            long x = budget.state;
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            budget.state = x;
            schedule(who, 1 + (x >>> 54));
            if ((x & 7) == 0) {
                reschedule(who, simulation().nowUs() + (x >>> 56));
            }
            if (--budget.remaining == 0) {
                simulation().scheduler().stop();
            }
        }
    }

    @Test
    void firingAndReschedulingReusedEventsAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean sun
                && sun.isThreadAllocatedMemorySupported() && sun.isThreadAllocatedMemoryEnabled());
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        Simulation model = new Simulation("allocation", 3L, 0);
        Budget budget = new Budget();
        for (int i = 0; i < TIMERS; i++) {
            Timer timer = new Timer(model, i, budget);
            timer.tick.schedule(timer, i);
        }
        budget.remaining = WARM_UP_EVENTS;
        model.scheduler().run();

        budget.remaining = MEASURED_EVENTS;
        long before = counter.getCurrentThreadAllocatedBytes();
        model.scheduler().run();
        long allocatedBytes = counter.getCurrentThreadAllocatedBytes() - before;

        assertEquals(WARM_UP_EVENTS + MEASURED_EVENTS, model.scheduler().eventsProcessed());
        assertEquals(TIMERS, model.scheduler().pendingEvents());
        assertTrue(allocatedBytes < MEASURED_EVENTS,
                allocatedBytes + " bytes allocated over " + MEASURED_EVENTS + " events");
    }
}
