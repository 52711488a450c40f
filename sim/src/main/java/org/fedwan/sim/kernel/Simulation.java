package org.fedwan.sim.kernel;

import java.util.Objects;
import org.fedwan.sim.random.RandomStreams;

/**
 * The root of one simulation run (one replication of one treatment), in DESMO-J's modelling
 * style (DESMO-J calls it a "model"; FedWAN says simulation, so that the name never meets the
 * machine-learning models of {@code org.fedwan.fl.model}): a simulation owns the {@link Scheduler}, the named {@link RandomStreams} of the replication,
 * and (by reference from each of them) its {@link Entity entities} and {@link Schedulable
 * events}.
 *
 * <p>Unlike DESMO-J there is no separate experiment object and no reflection: a scenario builds
 * a simulation, creates its entities, schedules their first events and calls
 * {@code simulation.scheduler().run()} (or one of the {@code runUntil} variants). A simulation is confined
 * to one thread.
 */
public class Simulation {

    private final String name;
    private final long masterSeed;
    private final int replication;
    private final Scheduler scheduler;
    private final RandomStreams streams;

    /**
     * Creates a simulation with an empty schedule at time 0.
     *
     * @param name        a non-blank name used in messages and traces
     * @param masterSeed  the master seed of the experiment, shared by all replications
     * @param replication the replication index ({@code >= 0}); each replication gets its own
     *                    independent random streams
     * @throws IllegalArgumentException if the name is blank or the replication is negative
     */
    public Simulation(String name, long masterSeed, int replication) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("simulation name must not be blank");
        }
        if (replication < 0) {
            throw new IllegalArgumentException(
                    "replication must be >= 0 but was " + replication + " for simulation '" + name + "'");
        }
        this.name = name;
        this.masterSeed = masterSeed;
        this.replication = replication;
        this.scheduler = new Scheduler();
        this.streams = new RandomStreams(masterSeed, replication);
    }

    /** @return the scheduler (event list and clock) of this simulation */
    public final Scheduler scheduler() {
        return scheduler;
    }

    /** @return the named random streams of this simulation's replication */
    public final RandomStreams streams() {
        return streams;
    }

    /** @return the current simulation time in microseconds */
    public final long nowUs() {
        return scheduler.nowUs();
    }

    /** @return the name given at construction */
    public String name() {
        return name;
    }

    /** @return the master seed given at construction */
    public final long masterSeed() {
        return masterSeed;
    }

    /** @return the replication index given at construction */
    public final int replication() {
        return replication;
    }

    @Override
    public String toString() {
        return "Simulation[" + name + ", seed=" + masterSeed + ", replication=" + replication
                + ", nowUs=" + nowUs() + "]";
    }
}
