package org.fedwan.sim.kernel;

import java.util.Objects;

/**
 * Something with state that events act upon (a LoRaWAN end device, a gateway, the FL server),
 * in DESMO-J's modelling style.
 *
 * <p>An entity has a stable numeric {@link #id()}; the id, not the creation order, selects its
 * random streams ({@code model.streams().of(id, purpose)}), so adding an entity moves no other
 * entity's draws. Entities keep and reuse their {@link Event} objects: one event object per kind
 * of pending action, rescheduled each time, so the hot path allocates nothing.
 */
public abstract class Entity {

    private final Simulation owner;
    private final String name;
    private final long id;

    /**
     * @param owner the model this entity belongs to
     * @param name  a name used in messages and traces
     * @param id    a stable identifier, unique among the model's entities by convention
     */
    protected Entity(Simulation owner, String name, long id) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.name = Objects.requireNonNull(name, "name");
        this.id = id;
    }

    /** @return the simulation this entity belongs to */
    public final Simulation simulation() {
        return owner;
    }

    /** @return the name given at construction */
    public final String name() {
        return name;
    }

    /** @return the id given at construction */
    public final long id() {
        return id;
    }

    @Override
    public String toString() {
        return name + "#" + id;
    }
}
