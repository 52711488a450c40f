package org.fedwan.sim.kernel;

import java.util.Objects;

/**
 * Something that can sit in the {@link Scheduler}'s event list: the common base of
 * {@link Event} (acts on one entity) and {@link ExternalEvent} (acts on none), after DESMO-J's
 * {@code Schedulable}.
 *
 * <p>A schedulable is an intrusive heap node: it holds its own firing time, priority, insertion
 * sequence and heap index, so scheduling and firing allocate nothing and
 * {@link #cancel()} is O(log n). An object can be pending at most once at a time; models keep
 * one object per kind of pending action and reschedule it after it fires.
 *
 * <p>Events at the same time fire in ascending {@link #priority()} (smaller first), then in the
 * order they were scheduled. Only {@link Event} and {@link ExternalEvent} extend this class.
 */
public abstract class Schedulable {

    /** Heap index meaning "not in the event list". */
    static final int NOT_SCHEDULED = -1;

    final Scheduler scheduler;
    private final String name;
    final int priority;

    /** Firing time in microseconds; meaningful while pending, kept afterwards for reporting. */
    long timeUs = Long.MIN_VALUE;
    /** Insertion sequence, assigned by the scheduler at each scheduling. */
    long sequence;
    /** Position in the scheduler's heap array, or {@link #NOT_SCHEDULED}. */
    int heapIndex = NOT_SCHEDULED;

    Schedulable(Scheduler scheduler, String name, int priority) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.name = Objects.requireNonNull(name, "name");
        this.priority = priority;
    }

    /** Runs the event routine; called by the scheduler after this node left the heap. */
    abstract void fire();

    /** Drops any reference kept for the pending firing; called on cancel. */
    void unbind() {
        // nothing kept by default
    }

    /** @return {@code true} while this is in the event list (scheduled and not yet fired) */
    public final boolean isScheduled() {
        return heapIndex != NOT_SCHEDULED;
    }

    /**
     * Removes this from the event list in O(log n). Does nothing if it is not scheduled.
     */
    public final void cancel() {
        if (heapIndex != NOT_SCHEDULED) {
            scheduler.remove(this);
        }
        unbind();
    }

    /**
     * @return the time, in microseconds, this was most recently scheduled for: the firing time
     *         while pending, the time it fired (or would have fired, if cancelled) afterwards,
     *         {@link Long#MIN_VALUE} if it was never scheduled
     */
    public final long scheduledTimeUs() {
        return timeUs;
    }

    /** @return the name given at construction, used in messages and traces */
    public final String name() {
        return name;
    }

    /** @return the priority; among events at the same time, smaller values fire first */
    public final int priority() {
        return priority;
    }

    /** Throws if this is pending; call before binding any state for a new firing. */
    final void checkNotScheduled() {
        if (heapIndex != NOT_SCHEDULED) {
            throw alreadyScheduled();
        }
    }

    /** @return the absolute firing time for {@code delayUs} from now, validated */
    final long timeAfter(long delayUs) {
        long nowUs = scheduler.nowUs;
        long timeUs = nowUs + delayUs;
        if (delayUs < 0 || timeUs < nowUs) {
            throw badDelay(delayUs, nowUs);
        }
        return timeUs;
    }

    /** @return {@code timeUs}, validated not to lie in the past */
    final long timeAt(long timeUs) {
        long nowUs = scheduler.nowUs;
        if (timeUs < nowUs) {
            throw inPast(timeUs, nowUs);
        }
        return timeUs;
    }

    private IllegalStateException alreadyScheduled() {
        return new IllegalStateException("event '" + name + "' is already scheduled at "
                + timeUs + " us; cancel() it or use reschedule() to move it");
    }

    private IllegalArgumentException badDelay(long delayUs, long nowUs) {
        String requested = delayUs < 0 ? Long.toString(nowUs + delayUs) : "beyond Long.MAX_VALUE";
        return new IllegalArgumentException("cannot schedule event '" + name + "' with delay "
                + delayUs + " us: requested time " + requested + " us, now " + nowUs + " us");
    }

    private IllegalArgumentException inPast(long timeUs, long nowUs) {
        return new IllegalArgumentException("cannot schedule event '" + name + "' in the past: "
                + "requested time " + timeUs + " us, now " + nowUs + " us");
    }

    @Override
    public String toString() {
        return isScheduled() ? name + "@" + timeUs + "us" : name + "(not scheduled)";
    }
}
