package org.fedwan.sim.kernel;

/**
 * Typed hook that observes a run without subclassing the {@link Scheduler}.
 *
 * <p>Registered with {@link Scheduler#addListener(EventListener)}; called once per event,
 * after the event has been taken off the heap and the clock has advanced to its time, and
 * just before its event routine runs. When no listener is registered the scheduler pays only
 * a null check per event.
 */
@FunctionalInterface
public interface EventListener {

    /**
     * Called just before {@code event} fires.
     *
     * @param event  the event about to fire (no longer pending)
     * @param timeUs the simulation time at which it fires, in microseconds (equal to
     *               {@link Scheduler#nowUs()})
     */
    void beforeEvent(Schedulable event, long timeUs);
}
