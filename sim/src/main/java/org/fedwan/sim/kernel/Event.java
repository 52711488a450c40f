package org.fedwan.sim.kernel;

import java.util.Objects;

/**
 * An event that acts on one entity, after DESMO-J's {@code Event<E extends Entity>}: subclasses
 * implement {@link #eventRoutine(Entity)}, which runs when the simulation clock reaches the
 * scheduled time.
 *
 * <p>An entity keeps and reuses its event objects. The entity to act on is bound at scheduling
 * time and released when the event fires or is cancelled, so the same object may be
 * rescheduled from inside its own routine. Scheduling an event that is already pending throws
 * {@link IllegalStateException}; scheduling in the past or with a negative delay throws
 * {@link IllegalArgumentException}. Both messages name the event.
 *
 * <p>Events at the same time fire by ascending {@link #priority()}, then in scheduling order
 * (see {@link Scheduler}).
 *
 * @param <E> the type of entity this event acts on
 */
public abstract class Event<E extends Entity> extends Schedulable {

    private final Simulation owner;
    private E who;

    /**
     * @param owner    the model whose scheduler this event uses
     * @param name     a name used in messages and traces
     * @param priority among events at the same time, smaller values fire first
     */
    protected Event(Simulation owner, String name, int priority) {
        super(Objects.requireNonNull(owner, "owner").scheduler(), name, priority);
        this.owner = owner;
    }

    /**
     * Creates an event with priority 0.
     *
     * @param owner the model whose scheduler this event uses
     * @param name  a name used in messages and traces
     */
    protected Event(Simulation owner, String name) {
        this(owner, name, 0);
    }

    /**
     * The behaviour of this event, run at its scheduled time. The event is no longer pending
     * while this runs, so it may reschedule itself.
     *
     * @param who the entity the event was scheduled for
     */
    protected abstract void eventRoutine(E who);

    /**
     * Schedules this event for {@code who}, {@code delayUs} microseconds from now.
     *
     * @throws IllegalStateException    if this event is already scheduled
     * @throws IllegalArgumentException if {@code delayUs} is negative (or overflows the clock),
     *                                  or {@code who} belongs to another model
     */
    public final void schedule(E who, long delayUs) {
        checkNotScheduled();
        long timeUs = timeAfter(delayUs);
        bind(who);
        scheduler.insert(this, timeUs);
    }

    /**
     * Schedules this event for {@code who} at the absolute time {@code timeUs}.
     *
     * @throws IllegalStateException    if this event is already scheduled
     * @throws IllegalArgumentException if {@code timeUs} is before now, or {@code who} belongs
     *                                  to another model
     */
    public final void scheduleAt(E who, long timeUs) {
        checkNotScheduled();
        long validUs = timeAt(timeUs);
        bind(who);
        scheduler.insert(this, validUs);
    }

    /**
     * Cancels this event if it is pending, then schedules it for {@code who} at the absolute
     * time {@code timeUs}. The event gets a new insertion sequence, so it fires after events
     * already scheduled for the same time and priority.
     *
     * @throws IllegalArgumentException if {@code timeUs} is before now, or {@code who} belongs
     *                                  to another model; the event is then left unscheduled
     */
    public final void reschedule(E who, long timeUs) {
        cancel();
        scheduleAt(who, timeUs);
    }

    /** @return the simulation given at construction */
    public final Simulation simulation() {
        return owner;
    }

    private void bind(E entity) {
        if (entity.simulation() != owner) {
            throw new IllegalArgumentException("cannot schedule event '" + name() + "' of model '"
                    + owner.name() + "' for entity " + entity + " of model '"
                    + entity.simulation().name() + "'");
        }
        who = entity;
    }

    @Override
    final void fire() {
        E entity = who;
        who = null;
        eventRoutine(entity);
    }

    @Override
    final void unbind() {
        who = null;
    }
}
