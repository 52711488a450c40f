package org.fedwan.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    /** An entity for the tests. */
    static final class Node extends Entity {
        Node(Simulation model, long id) {
            super(model, "node", id);
        }
    }

    /** Records "name@time" into a shared log when it fires. */
    static class Mark extends Event<Node> {
        private final List<String> log;

        Mark(Simulation model, String name, int priority, List<String> log) {
            super(model, name, priority);
            this.log = log;
        }

        @Override
        protected void eventRoutine(Node who) {
            log.add(name() + "@" + simulation().nowUs());
        }
    }

    /** External event recording "name@time" into a shared log. */
    static final class Tick extends ExternalEvent {
        private final Simulation owner;
        private final List<String> log;

        Tick(Simulation model, String name, List<String> log) {
            super(model, name);
            this.owner = model;
            this.log = log;
        }

        @Override
        protected void eventRoutine() {
            log.add(name() + "@" + owner.nowUs());
        }
    }

    private final Simulation model = new Simulation("test", 1L, 0);
    private final Scheduler scheduler = model.scheduler();
    private final Node node = new Node(model, 1);
    private final List<String> log = new ArrayList<>();

    private Mark mark(String name, int priority) {
        return new Mark(model, name, priority, log);
    }

    private Mark mark(String name) {
        return mark(name, 0);
    }

    @Test
    void firesInTimeOrderAndAdvancesTheClock() {
        mark("c").scheduleAt(node, 30);
        mark("a").scheduleAt(node, 10);
        mark("b").scheduleAt(node, 20);

        scheduler.run();

        assertEquals(List.of("a@10", "b@20", "c@30"), log);
        assertEquals(30, model.nowUs());
        assertEquals(3, scheduler.eventsProcessed());
        assertEquals(0, scheduler.pendingEvents());
    }

    @Test
    void sameTimeFiresBySmallerPriorityFirst() {
        mark("p5", 5).scheduleAt(node, 10);
        mark("pMinus1", -1).scheduleAt(node, 10);
        mark("p0", 0).scheduleAt(node, 10);

        scheduler.run();

        assertEquals(List.of("pMinus1@10", "p0@10", "p5@10"), log);
    }

    @Test
    void timeTakesPrecedenceOverPriority() {
        mark("late", -100).scheduleAt(node, 6);
        mark("early", 100).scheduleAt(node, 5);

        scheduler.run();

        assertEquals(List.of("early@5", "late@6"), log);
    }

    @Test
    void sameTimeAndPriorityFiresInInsertionOrder() {
        for (String name : List.of("c", "a", "e", "b", "d")) {
            mark(name).scheduleAt(node, 10);
        }

        scheduler.run();

        assertEquals(List.of("c@10", "a@10", "e@10", "b@10", "d@10"), log);
    }

    @Test
    void rescheduleGoesBehindEventsAlreadyPendingAtTheSameTimeAndPriority() {
        Mark a = mark("a");
        Mark b = mark("b");
        a.scheduleAt(node, 10);
        b.scheduleAt(node, 10);

        a.reschedule(node, 10);
        scheduler.run();

        assertEquals(List.of("b@10", "a@10"), log);
    }

    @Test
    void rescheduleMovesAPendingEventAndSchedulesAnIdleOne() {
        Mark a = mark("a");
        Mark b = mark("b");
        a.scheduleAt(node, 50);

        a.reschedule(node, 5);
        b.reschedule(node, 7);
        scheduler.run();

        assertEquals(List.of("a@5", "b@7"), log);
    }

    @Test
    void zeroDelayFiresAtTheCurrentTimeAfterPendingEquals() {
        Mark first = mark("first");
        Mark zero = mark("zero");
        Mark trigger = new Mark(model, "trigger", 0, log) {
            @Override
            protected void eventRoutine(Node who) {
                super.eventRoutine(who);
                zero.schedule(who, 0);
            }
        };
        trigger.scheduleAt(node, 10);
        first.scheduleAt(node, 10);

        scheduler.run();

        assertEquals(List.of("trigger@10", "first@10", "zero@10"), log);
    }

    @Test
    void cancelRemovesAPendingEventAndIsANoOpOtherwise() {
        Mark a = mark("a");
        Mark b = mark("b");
        a.scheduleAt(node, 10);
        b.scheduleAt(node, 20);

        b.cancel();
        b.cancel();
        mark("idle").cancel();

        assertFalse(b.isScheduled());
        assertTrue(a.isScheduled());
        assertEquals(1, scheduler.pendingEvents());
        scheduler.run();
        assertEquals(List.of("a@10"), log);
    }

    @Test
    void cancelledEventCanBeScheduledAgain() {
        Mark a = mark("a");
        a.scheduleAt(node, 10);
        a.cancel();

        a.scheduleAt(node, 15);
        scheduler.run();

        assertEquals(List.of("a@15"), log);
    }

    @Test
    void cancellingAnywhereInALargeHeapKeepsTheOrder() {
        SplittableRandom random = new SplittableRandom(7);
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Mark m = mark("m" + i, random.nextInt(3));
            m.scheduleAt(node, random.nextInt(500));
            marks.add(m);
        }
        List<Mark> kept = new ArrayList<>();
        for (Mark m : marks) {
            if (random.nextBoolean()) {
                m.cancel();
            } else {
                kept.add(m);
            }
        }
        // kept is in insertion order, so a stable sort by (time, priority) gives the expected order
        kept.sort(Comparator.comparingLong(Mark::scheduledTimeUs).thenComparingInt(Mark::priority));
        List<String> expected = new ArrayList<>();
        for (Mark m : kept) {
            expected.add(m.name() + "@" + m.scheduledTimeUs());
        }

        assertEquals(kept.size(), scheduler.pendingEvents());
        scheduler.run();

        assertEquals(expected, log);
    }

    @Test
    void interleavedSchedulingCancellingAndFiringFollowTheDocumentedOrder() {
        // a model of the event list: a set ordered by (time, priority, insertion sequence); every event fired must be
        // its first element, while events fire, schedule, reschedule and cancel others anywhere in a heap of thousands
        SplittableRandom random = new SplittableRandom(11);
        long[] insertions = {0};
        long[][] keys = new long[3_000][];
        TreeSet<Integer> pending = new TreeSet<>(Comparator.<Integer>comparingLong(i -> keys[i][0])
                .thenComparingLong(i -> keys[i][1]).thenComparingLong(i -> keys[i][2]));
        List<ExternalEvent> events = new ArrayList<>();
        int[] fired = {0};
        for (int i = 0; i < keys.length; i++) {
            int id = i;
            events.add(new ExternalEvent(model, "e" + i, random.nextInt(-2, 3)) {
                @Override
                protected void eventRoutine() {
                    assertEquals(pending.first(), id, "fired " + id + " at " + scheduler.nowUs());
                    pending.remove(id);
                    fired[0]++;
                    for (int k = 0; k < 3; k++) {
                        int other = random.nextInt(keys.length);
                        ExternalEvent e = events.get(other);
                        pending.remove(other);
                        if (random.nextInt(4) == 0) {
                            e.cancel();
                        } else {
                            long t = scheduler.nowUs() + random.nextInt(50);
                            e.reschedule(t);
                            keys[other] = new long[] {t, e.priority(), insertions[0]++};
                            pending.add(other);
                        }
                    }
                }
            });
        }
        for (int i = 0; i < keys.length; i++) {
            long t = random.nextInt(1_000);
            events.get(i).scheduleAt(t);
            keys[i] = new long[] {t, events.get(i).priority(), insertions[0]++};
            pending.add(i);
        }
        scheduler.runUntil(() -> fired[0] == 20_000);
        assertEquals(20_000, fired[0]);
        assertEquals(pending.size(), scheduler.pendingEvents());
    }

    @Test
    void eventMayRescheduleItselfFromItsRoutine() {
        List<Long> times = new ArrayList<>();
        Event<Node> periodic = new Event<>(model, "periodic") {
            @Override
            protected void eventRoutine(Node who) {
                assertFalse(isScheduled());
                times.add(simulation().nowUs());
                if (times.size() < 4) {
                    schedule(who, 25);
                }
            }
        };
        periodic.schedule(node, 5);

        scheduler.run();

        assertEquals(List.of(5L, 30L, 55L, 80L), times);
    }

    @Test
    void eventRoutineReceivesTheEntityItWasScheduledFor() {
        Node other = new Node(model, 2);
        List<Long> ids = new ArrayList<>();
        Event<Node> e = new Event<>(model, "who") {
            @Override
            protected void eventRoutine(Node who) {
                ids.add(who.id());
            }
        };
        e.schedule(node, 1);
        e.reschedule(other, 2);

        scheduler.run();

        assertEquals(List.of(2L), ids);
    }

    @Test
    void schedulingAPendingEventThrowsNamingTheEventAndKeepsItsTime() {
        Mark a = mark("uplink-7");
        a.scheduleAt(node, 10);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.schedule(node, 5));
        IllegalStateException at = assertThrows(IllegalStateException.class, () -> a.scheduleAt(node, 99));

        assertTrue(e.getMessage().contains("uplink-7"), e.getMessage());
        assertTrue(at.getMessage().contains("uplink-7"), at.getMessage());
        assertEquals(10, a.scheduledTimeUs());
        assertEquals(1, scheduler.pendingEvents());
    }

    @Test
    void schedulingInThePastThrowsNamingTheEventTheTimeAndNow() {
        scheduler.runUntil(100);
        Mark a = mark("rx-window");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.scheduleAt(node, 42));

        assertTrue(e.getMessage().contains("rx-window"), e.getMessage());
        assertTrue(e.getMessage().contains("42 us"), e.getMessage());
        assertTrue(e.getMessage().contains("now 100 us"), e.getMessage());
        assertFalse(a.isScheduled());
    }

    @Test
    void negativeDelayThrowsNamingTheEventTheRequestedTimeAndNow() {
        scheduler.runUntil(100);
        Mark a = mark("backoff");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.schedule(node, -5));

        assertTrue(e.getMessage().contains("backoff"), e.getMessage());
        assertTrue(e.getMessage().contains("95 us"), e.getMessage());
        assertTrue(e.getMessage().contains("now 100 us"), e.getMessage());
    }

    @Test
    void delayOverflowingTheClockIsRejected() {
        scheduler.runUntil(100);

        assertThrows(IllegalArgumentException.class, () -> mark("far").schedule(node, Long.MAX_VALUE));
    }

    @Test
    void failedRescheduleLeavesTheEventUnscheduled() {
        scheduler.runUntil(100);
        Mark a = mark("a");
        a.scheduleAt(node, 200);

        assertThrows(IllegalArgumentException.class, () -> a.reschedule(node, 50));

        assertFalse(a.isScheduled());
        assertEquals(0, scheduler.pendingEvents());
    }

    @Test
    void externalEventsFollowTheSameRules() {
        Tick t = new Tick(model, "deadline", log);
        t.schedule(10);

        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> t.scheduleAt(20));
        assertTrue(twice.getMessage().contains("deadline"), twice.getMessage());
        scheduler.run();
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class, () -> t.scheduleAt(3));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> t.schedule(-1));
        t.reschedule(12);
        t.reschedule(15);
        scheduler.run();

        assertTrue(past.getMessage().contains("deadline") && past.getMessage().contains("now 10 us"),
                past.getMessage());
        assertTrue(negative.getMessage().contains("deadline"), negative.getMessage());
        assertEquals(List.of("deadline@10", "deadline@15"), log);
    }

    @Test
    void eventForAnEntityOfAnotherModelIsRejected() {
        Simulation other = new Simulation("other", 1L, 0);
        Node stranger = new Node(other, 9);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mark("cross").schedule(stranger, 1));

        assertTrue(e.getMessage().contains("cross"), e.getMessage());
    }

    @Test
    void runUntilFiresEventsAtTheEndTimeAndAdvancesTheClockToIt() {
        mark("a").scheduleAt(node, 10);
        mark("b").scheduleAt(node, 20);
        mark("c").scheduleAt(node, 30);

        scheduler.runUntil(20);
        assertEquals(List.of("a@10", "b@20"), log);
        assertEquals(20, model.nowUs());
        assertEquals(1, scheduler.pendingEvents());

        scheduler.runUntil(25);
        assertEquals(2, log.size());
        assertEquals(25, model.nowUs());

        scheduler.runUntil(100);
        assertEquals(List.of("a@10", "b@20", "c@30"), log);
        assertEquals(100, model.nowUs());
        assertEquals(0, scheduler.pendingEvents());
    }

    @Test
    void runUntilAnEarlierTimeIsRejected() {
        scheduler.runUntil(100);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.runUntil(99));

        assertTrue(e.getMessage().contains("99") && e.getMessage().contains("100"), e.getMessage());
        assertEquals(100, model.nowUs());
    }

    @Test
    void runUntilConditionIsCheckedAfterEachEvent() {
        int[] fired = {0};
        ExternalEvent every10 = new ExternalEvent(model, "every10") {
            @Override
            protected void eventRoutine() {
                fired[0]++;
                schedule(10);
            }
        };
        every10.schedule(10);

        scheduler.runUntil(() -> fired[0] >= 3);

        assertEquals(3, fired[0]);
        assertEquals(30, model.nowUs());
        assertTrue(every10.isScheduled());
    }

    @Test
    void runUntilConditionReturnsWhenTheEventListEmpties() {
        mark("only").scheduleAt(node, 4);

        scheduler.runUntil(() -> false);

        assertEquals(List.of("only@4"), log);
        assertEquals(4, model.nowUs());
    }

    @Test
    void stopFromAnEventRoutineEndsTheRunAfterThatEvent() {
        mark("a").scheduleAt(node, 10);
        scheduler.schedule(20, 0, scheduler::stop);
        mark("b").scheduleAt(node, 20);
        mark("c").scheduleAt(node, 30);

        scheduler.runUntil(1000);
        assertEquals(List.of("a@10"), log);
        assertEquals(20, model.nowUs());
        assertEquals(2, scheduler.pendingEvents());

        scheduler.run();
        assertEquals(List.of("a@10", "b@20", "c@30"), log);
    }

    @Test
    void stopOutsideARunDoesNotAffectTheNextRun() {
        mark("a").scheduleAt(node, 10);
        mark("b").scheduleAt(node, 20);

        scheduler.stop();
        scheduler.run();

        assertEquals(List.of("a@10", "b@20"), log);
    }

    @Test
    void nestedRunIsRejected() {
        RuntimeException[] caught = {null};
        scheduler.schedule(5, 0, () -> {
            try {
                scheduler.run();
            } catch (IllegalStateException e) {
                caught[0] = e;
            }
        });

        scheduler.run();

        assertTrue(caught[0] instanceof IllegalStateException);
    }

    @Test
    void exceptionFromARoutinePropagatesAndTheSchedulerStaysUsable() {
        scheduler.schedule(5, 0, () -> {
            throw new IllegalStateException("boom");
        });
        mark("after").scheduleAt(node, 6);

        IllegalStateException e = assertThrows(IllegalStateException.class, scheduler::run);
        scheduler.run();

        assertEquals("boom", e.getMessage());
        assertEquals(List.of("after@6"), log);
    }

    @Test
    void lambdaEventsInterleaveWithEventsByTheSameRule() {
        scheduler.schedule(10, 1, () -> log.add("lambda-p1@" + model.nowUs()));
        mark("mark-p0", 0).scheduleAt(node, 10);
        scheduler.schedule(10, -1, () -> log.add("lambda-pMinus1@" + model.nowUs()));
        scheduler.schedule(5, 0, () -> log.add("lambda@" + model.nowUs()));

        scheduler.run();

        assertEquals(List.of("lambda@5", "lambda-pMinus1@10", "mark-p0@10", "lambda-p1@10"), log);
        assertThrows(IllegalArgumentException.class, () -> scheduler.schedule(9, 0, () -> { }));
    }

    @Test
    void listenersSeeEveryEventBeforeItsRoutineUntilRemoved() {
        List<String> seen = new ArrayList<>();
        EventListener listener = (event, timeUs) -> {
            assertFalse(event.isScheduled());
            assertEquals(timeUs, model.nowUs());
            seen.add(event.name() + "@" + timeUs + " after " + log.size());
        };
        scheduler.addListener(listener);
        mark("a").scheduleAt(node, 10);
        mark("b").scheduleAt(node, 20);
        scheduler.runUntil(10);

        assertTrue(scheduler.removeListener(listener));
        assertFalse(scheduler.removeListener(listener));
        scheduler.run();

        assertEquals(List.of("a@10 after 0"), seen);
        assertEquals(List.of("a@10", "b@20"), log);
    }

    @Test
    void listenersAreCalledInRegistrationOrder() {
        List<String> calls = new ArrayList<>();
        scheduler.addListener((event, timeUs) -> calls.add("first"));
        scheduler.addListener((event, timeUs) -> calls.add("second"));
        mark("a").scheduleAt(node, 1);

        scheduler.run();

        assertEquals(List.of("first", "second"), calls);
    }

    @Test
    void schedulableReportsItsState() {
        Mark a = mark("a", 3);
        assertEquals(Long.MIN_VALUE, a.scheduledTimeUs());
        assertFalse(a.isScheduled());

        a.scheduleAt(node, 77);

        assertTrue(a.isScheduled());
        assertEquals(77, a.scheduledTimeUs());
        assertEquals(77, scheduler.nextEventTimeUs());
        assertEquals(3, a.priority());
        assertEquals("a", a.name());
        assertSame(model, a.simulation());
        scheduler.run();
        assertFalse(a.isScheduled());
        assertEquals(77, a.scheduledTimeUs());
        assertEquals(Long.MAX_VALUE, scheduler.nextEventTimeUs());
    }
}
