package org.fedwan.sim.config;

import java.util.List;

/** Every problem of a scenario's values at once, each naming its key. */
public final class InvalidScenario extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<KeyProblem> problems;

    public InvalidScenario(List<KeyProblem> problems) {
        super(problems.isEmpty() ? "invalid scenario" : problems.get(0).key() + ": " + problems.get(0).getMessage());
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, in the schema's key order */
    public List<KeyProblem> problems() {
        return problems;
    }
}
