package org.fedwan.sim.kernel;

import java.util.Objects;

/**
 * An event that acts on no particular entity (a round deadline, a scenario-wide sampling
 * tick), after DESMO-J's {@code ExternalEvent}. Subclasses implement {@link #eventRoutine()}.
 *
 * <p>Same reuse and validation rules as {@link Event}: an external event may be pending at most
 * once; scheduling it again while pending throws {@link IllegalStateException}, scheduling in
 * the past or with a negative delay throws {@link IllegalArgumentException}, both naming the
 * event.
 */
public abstract class ExternalEvent extends Schedulable {

    /**
     * @param owner    the model whose scheduler this event uses
     * @param name     a name used in messages and traces
     * @param priority among events at the same time, smaller values fire first
     */
    protected ExternalEvent(Simulation owner, String name, int priority) {
        super(Objects.requireNonNull(owner, "owner").scheduler(), name, priority);
    }

    /**
     * Creates an external event with priority 0.
     *
     * @param owner the model whose scheduler this event uses
     * @param name  a name used in messages and traces
     */
    protected ExternalEvent(Simulation owner, String name) {
        this(owner, name, 0);
    }

    /** For the scheduler's own lambda events. */
    ExternalEvent(Scheduler scheduler, String name, int priority) {
        super(scheduler, name, priority);
    }

    /**
     * The behaviour of this event, run at its scheduled time. The event is no longer pending
     * while this runs, so it may reschedule itself.
     */
    protected abstract void eventRoutine();

    /**
     * Schedules this event {@code delayUs} microseconds from now.
     *
     * @throws IllegalStateException    if this event is already scheduled
     * @throws IllegalArgumentException if {@code delayUs} is negative or overflows the clock
     */
    public final void schedule(long delayUs) {
        checkNotScheduled();
        scheduler.insert(this, timeAfter(delayUs));
    }

    /**
     * Schedules this event at the absolute time {@code timeUs}.
     *
     * @throws IllegalStateException    if this event is already scheduled
     * @throws IllegalArgumentException if {@code timeUs} is before now
     */
    public final void scheduleAt(long timeUs) {
        checkNotScheduled();
        scheduler.insert(this, timeAt(timeUs));
    }

    /**
     * Cancels this event if it is pending, then schedules it at the absolute time
     * {@code timeUs}, with a new insertion sequence.
     *
     * @throws IllegalArgumentException if {@code timeUs} is before now; the event is then left
     *                                  unscheduled
     */
    public final void reschedule(long timeUs) {
        cancel();
        scheduleAt(timeUs);
    }

    @Override
    final void fire() {
        eventRoutine();
    }
}
