package org.fedwan.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Same seed, same trace: a few hundred entities rescheduling themselves with random delays
 * (zero delays and small ranges included, so same-time ties are frequent) and random
 * priorities.
 */
class DeterminismTest {

    private static final long END_US = 20_000;

    /** One firing: time and entity id. */
    record Firing(long timeUs, long entityId) {
    }

    /** An entity drawing its delays and priority from its own named streams. */
    static final class Client extends Entity {
        final RandomGenerator delays;
        final Wake wake;

        Client(Simulation model, long id, List<Firing> trace) {
            super(model, "client", id);
            delays = model.streams().of(id, "delay");
            int priority = model.streams().of(id, "priority").nextInt(3);
            wake = new Wake(model, priority, trace);
        }
    }

    /** The reused event of a {@link Client}. */
    static final class Wake extends Event<Client> {
        private final List<Firing> trace;

        Wake(Simulation model, int priority, List<Firing> trace) {
            super(model, "wake", priority);
            this.trace = trace;
        }

        @Override
        protected void eventRoutine(Client who) {
            trace.add(new Firing(simulation().nowUs(), who.id()));
            schedule(who, who.delays.nextLong(0, 50));
        }
    }

    private static List<Firing> trace(long masterSeed, int clients) {
        Simulation model = new Simulation("determinism", masterSeed, 0);
        List<Firing> trace = new ArrayList<>();
        for (int id = 0; id < clients; id++) {
            Client client = new Client(model, id, trace);
            client.wake.schedule(client, client.delays.nextLong(0, 50));
        }
        model.scheduler().runUntil(END_US);
        return trace;
    }

    @Test
    void identicalModelsProduceTheIdenticalTrace() {
        List<Firing> first = trace(2024, 300);
        List<Firing> second = trace(2024, 300);

        assertTrue(first.size() > 100_000, "trace too short: " + first.size());
        assertEquals(first, second);
    }

    @Test
    void traceIsInTimeOrderAndHasSameTimeTies() {
        List<Firing> trace = trace(2024, 300);

        int ties = 0;
        for (int i = 1; i < trace.size(); i++) {
            long previousUs = trace.get(i - 1).timeUs();
            long timeUs = trace.get(i).timeUs();
            assertTrue(timeUs >= previousUs, "time went backwards at firing " + i);
            if (timeUs == previousUs) {
                ties++;
            }
        }
        assertTrue(ties > trace.size() / 2, "expected frequent ties, got " + ties);
    }

    @Test
    void anotherMasterSeedProducesAnotherTrace() {
        assertNotEquals(trace(2024, 300), trace(2025, 300));
    }

    @Test
    void addingAnEntityDoesNotMoveAnotherEntitysFirings() {
        List<Firing> without = trace(2024, 300);
        List<Firing> with = trace(2024, 301);

        for (long id : new long[] {0, 17, 299}) {
            assertEquals(firingTimesOf(without, id), firingTimesOf(with, id), "entity " + id);
        }
        assertNotEquals(without, with);
    }

    private static List<Long> firingTimesOf(List<Firing> trace, long entityId) {
        List<Long> times = new ArrayList<>();
        for (Firing f : trace) {
            if (f.entityId() == entityId) {
                times.add(f.timeUs());
            }
        }
        return times;
    }
}
