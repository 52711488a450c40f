package org.fedwan.scenarios;

import java.util.List;

/** A scenario file that cannot be run; each problem is one line naming file, line, key, value and what is allowed. */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
