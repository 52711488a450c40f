package org.fedwan.sim.kernel;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The event list and clock of a {@link Simulation}, in DESMO-J's modelling style.
 *
 * <p><b>Ordering (tie-breaking rule).</b> Pending events fire in ascending order of
 * (time in microseconds, priority, insertion sequence), each compared as a number, smaller
 * first:
 * <ol>
 *   <li>an earlier {@linkplain Schedulable#scheduledTimeUs() time} fires first;</li>
 *   <li>at the same time, a smaller {@linkplain Schedulable#priority() priority} fires first
 *       (priority may be negative);</li>
 *   <li>at the same time and priority, the event scheduled earlier fires first. The insertion
 *       sequence is a 64-bit counter of this scheduler, incremented at every scheduling, so a
 *       {@code reschedule} puts an event behind its equals already pending.</li>
 * </ol>
 * The order therefore depends only on the sequence of scheduling calls, never on hash codes,
 * identity or wall-clock time: the same model with the same seed fires the same events in the
 * same order.
 *
 * <p><b>Implementation.</b> An array-based 4-ary min-heap of intrusive {@link Schedulable}
 * nodes, each knowing its own heap index, with the keys (time, priority, sequence) copied into
 * primitive arrays beside the nodes, so that sifting compares contiguous numbers instead of
 * reading scattered event objects (a run with 1,000 background sensors keeps thousands of events
 * pending): insertion, removal of the next event and {@link Schedulable#cancel()} are O(log n)
 * and allocate nothing (the arrays grow by doubling and never shrink). Any correct heap on the
 * same total order fires the same sequence of events. Time is a {@code long} count of
 * microseconds.
 *
 * <p><b>Running.</b> {@link #run()}, {@link #runUntil(long)} and
 * {@link #runUntil(BooleanSupplier)} fire events until their end condition holds, the event
 * list is empty, or {@link #stop()} is called (usually from inside an event routine). A stop
 * request ends only the run in progress. Runs must not be nested, and a scheduler is confined
 * to one thread.
 */
public final class Scheduler {

    private static final int INITIAL_CAPACITY = 64;

    /** The heap's events; entry {@code i}'s key is {@code (times[i], prios[i], seqs[i])}. */
    private Schedulable[] nodes = new Schedulable[INITIAL_CAPACITY];
    /** Firing time of each entry, µs (a copy of its node's, kept beside the others so a comparison reads no node). */
    private long[] times = new long[INITIAL_CAPACITY];
    /** Priority of each entry. */
    private int[] prios = new int[INITIAL_CAPACITY];
    /** Insertion sequence of each entry. */
    private long[] seqs = new long[INITIAL_CAPACITY];
    private int size;
    private long nextSequence;
    long nowUs;
    private long eventsProcessed;
    private boolean running;
    private boolean stopRequested;
    /** {@code null} when no listener is registered, so the hot path pays one null check. */
    private EventListener[] listeners;

    /** Created by {@link Simulation}; time starts at 0. */
    Scheduler() {
    }

    /** @return the current simulation time in microseconds */
    public long nowUs() {
        return nowUs;
    }

    /** @return the number of events in the event list */
    public int pendingEvents() {
        return size;
    }

    /** @return the number of events fired since the model was created */
    public long eventsProcessed() {
        return eventsProcessed;
    }

    /**
     * @return the time of the next pending event in microseconds, or {@link Long#MAX_VALUE}
     *         if the event list is empty
     */
    public long nextEventTimeUs() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    /**
     * Fires events until the event list is empty or {@link #stop()} is called.
     *
     * @throws IllegalStateException if called while a run of this scheduler is in progress
     */
    public void run() {
        enterRun();
        try {
            while (size > 0 && !stopRequested) {
                fireNext();
            }
        } finally {
            running = false;
        }
    }

    /**
     * Fires every event with time {@code <= endTimeUs} (events exactly at {@code endTimeUs}
     * fire), then advances the clock to {@code endTimeUs}, whether or not later events remain.
     * If {@link #stop()} is called first, the run returns at once and the clock stays at the
     * time of the event that stopped it.
     *
     * @param endTimeUs the end of the run in microseconds, not before now
     * @throws IllegalArgumentException if {@code endTimeUs} is before now
     * @throws IllegalStateException    if called while a run of this scheduler is in progress
     */
    public void runUntil(long endTimeUs) {
        if (endTimeUs < nowUs) {
            throw new IllegalArgumentException("cannot run until " + endTimeUs
                    + " us: it is before now (" + nowUs + " us)");
        }
        enterRun();
        try {
            while (size > 0 && !stopRequested && times[0] <= endTimeUs) {
                fireNext();
            }
            if (!stopRequested) {
                nowUs = endTimeUs;
            }
        } finally {
            running = false;
        }
    }

    /**
     * Fires events until {@code stopCondition} returns {@code true}, the event list is empty,
     * or {@link #stop()} is called. The condition is checked after each event (not before the
     * first one); the clock stays at the time of the last event fired.
     *
     * @param stopCondition checked after each event
     * @throws IllegalStateException if called while a run of this scheduler is in progress
     */
    public void runUntil(BooleanSupplier stopCondition) {
        Objects.requireNonNull(stopCondition, "stopCondition");
        enterRun();
        try {
            while (size > 0 && !stopRequested) {
                fireNext();
                if (stopCondition.getAsBoolean()) {
                    break;
                }
            }
        } finally {
            running = false;
        }
    }

    /**
     * Asks the run in progress to return after the current event routine. Intended to be
     * called from an event routine; has no effect when no run is in progress.
     */
    public void stop() {
        if (running) {
            stopRequested = true;
        }
    }

    /**
     * Schedules {@code action} at the absolute time {@code timeUs}, DSOL style. Convenient for
     * one-off actions; allocates one small event object per call, so hot paths should reuse
     * {@link Event} or {@link ExternalEvent} objects instead.
     *
     * @param timeUs   the firing time in microseconds, not before now
     * @param priority among events at the same time, smaller values fire first
     * @param action   what to do at that time
     * @throws IllegalArgumentException if {@code timeUs} is before now
     */
    public void schedule(long timeUs, int priority, Runnable action) {
        new ActionEvent(this, priority, Objects.requireNonNull(action, "action")).scheduleAt(timeUs);
    }

    /**
     * Registers a listener called before every event from now on, in registration order.
     *
     * @param listener the listener to add
     */
    public void addListener(EventListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (listeners == null) {
            listeners = new EventListener[] {listener};
        } else {
            EventListener[] grown = Arrays.copyOf(listeners, listeners.length + 1);
            grown[listeners.length] = listener;
            listeners = grown;
        }
    }

    /**
     * Unregisters the first registration of {@code listener}, if any.
     *
     * @param listener the listener to remove
     * @return {@code true} if it was registered
     */
    public boolean removeListener(EventListener listener) {
        EventListener[] current = listeners;
        if (current == null) {
            return false;
        }
        for (int i = 0; i < current.length; i++) {
            if (current[i] == listener) {
                if (current.length == 1) {
                    listeners = null;
                } else {
                    EventListener[] shrunk = new EventListener[current.length - 1];
                    System.arraycopy(current, 0, shrunk, 0, i);
                    System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
                    listeners = shrunk;
                }
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Scheduler[nowUs=" + nowUs + ", pending=" + size + ", processed="
                + eventsProcessed + "]";
    }

    private void enterRun() {
        if (running) {
            throw new IllegalStateException("the scheduler is already running; runs cannot be nested");
        }
        running = true;
        stopRequested = false;
    }

    /** Takes the next event off the heap, advances the clock and fires it. */
    private void fireNext() {
        Schedulable next = nodes[0];
        int last = --size;
        if (last > 0) {
            siftDown(0, nodes[last], times[last], prios[last], seqs[last], last);
        }
        nodes[last] = null;
        next.heapIndex = Schedulable.NOT_SCHEDULED;
        long timeUs = next.timeUs;
        nowUs = timeUs;
        eventsProcessed++;
        EventListener[] observers = listeners;
        if (observers != null) {
            for (EventListener observer : observers) {
                observer.beforeEvent(next, timeUs);
            }
        }
        next.fire();
    }

    /** Inserts a node that is not in the heap, at a validated time. */
    void insert(Schedulable node, long timeUs) {
        long sequence = nextSequence++;
        node.timeUs = timeUs;
        node.sequence = sequence;
        int index = size;
        if (index == nodes.length) {
            grow();
        }
        size = index + 1;
        siftUp(index, node, timeUs, node.priority, sequence);
    }

    /** Removes a node that is in the heap. */
    void remove(Schedulable node) {
        int index = node.heapIndex;
        int last = --size;
        Schedulable moved = nodes[last];
        long movedTimeUs = times[last];
        int movedPriority = prios[last];
        long movedSequence = seqs[last];
        nodes[last] = null;
        node.heapIndex = Schedulable.NOT_SCHEDULED;
        if (index != last) {
            siftDown(index, moved, movedTimeUs, movedPriority, movedSequence, last);
            if (nodes[index] == moved) {
                siftUp(index, moved, movedTimeUs, movedPriority, movedSequence);
            }
        }
    }

    private void grow() {
        int capacity = nodes.length * 2;
        nodes = Arrays.copyOf(nodes, capacity);
        times = Arrays.copyOf(times, capacity);
        prios = Arrays.copyOf(prios, capacity);
        seqs = Arrays.copyOf(seqs, capacity);
    }

    /** @return {@code true} if the key (ta, pa, sa) fires before the key at {@code index} */
    private boolean before(long ta, int pa, long sa, int index) {
        return less(ta, pa, sa, times[index], prios[index], seqs[index]);
    }

    /** @return {@code true} if the key (time, priority, sequence) {@code a} fires before {@code b} */
    private static boolean less(long ta, int pa, long sa, long tb, int pb, long sb) {
        if (ta != tb) {
            return ta < tb;
        }
        if (pa != pb) {
            return pa < pb;
        }
        return sa < sb;
    }

    /** Puts {@code node} with its key at {@code index}. */
    private void place(int index, Schedulable node, long timeUs, int priority, long sequence) {
        nodes[index] = node;
        times[index] = timeUs;
        prios[index] = priority;
        seqs[index] = sequence;
        node.heapIndex = index;
    }

    /** Moves the entry at {@code from} to {@code to}. */
    private void move(int from, int to) {
        Schedulable n = nodes[from];
        nodes[to] = n;
        times[to] = times[from];
        prios[to] = prios[from];
        seqs[to] = seqs[from];
        n.heapIndex = to;
    }

    private void siftUp(int index, Schedulable node, long timeUs, int priority, long sequence) {
        int k = index;
        while (k > 0) {
            int parent = (k - 1) >>> 2;
            if (!before(timeUs, priority, sequence, parent)) {
                break;
            }
            move(parent, k);
            k = parent;
        }
        place(k, node, timeUs, priority, sequence);
    }

    /** Places {@code node} at {@code index} or below, in a heap of {@code size} entries. */
    private void siftDown(int index, Schedulable node, long timeUs, int priority, long sequence, int size) {
        int k = index;
        while (true) {
            int first = 4 * k + 1;
            if (first >= size) {
                break;
            }
            int end = Math.min(first + 4, size);
            int best = first;
            for (int c = first + 1; c < end; c++) {
                if (before(times[c], prios[c], seqs[c], best)) {
                    best = c;
                }
            }
            if (!less(times[best], prios[best], seqs[best], timeUs, priority, sequence)) {
                break;
            }
            move(best, k);
            k = best;
        }
        place(k, node, timeUs, priority, sequence);
    }

    /** A one-off event wrapping a lambda, for {@link #schedule(long, int, Runnable)}. */
    private static final class ActionEvent extends ExternalEvent {

        private final Runnable action;

        ActionEvent(Scheduler scheduler, int priority, Runnable action) {
            super(scheduler, "action", priority);
            this.action = action;
        }

        @Override
        protected void eventRoutine() {
            action.run();
        }
    }
}
