package org.fedwan.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario file that cannot be run; each problem is one line naming file, line, key, value and
 * what is allowed. At most {@value #MAX_PROBLEMS} problems are kept, then one line saying how many
 * more there were, so that a file of a million bad keys still gives a screenful.
 */
public final class ScenarioException extends Exception {

    /** Problems reported one by one; the rest are counted on one more line. A screenful: the first few are what a reader fixes. */
    public static final int MAX_PROBLEMS = 20;

    /** The longest problem line kept, characters: a value or key longer than a screen line is cut. */
    public static final int MAX_PROBLEM_CHARS = 2000;

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join(System.lineSeparator(), capped(problems)));
        this.problems = capped(problems);
    }

    public List<String> problems() {
        return problems;
    }

    /**
     * The first {@value #MAX_PROBLEMS} problems, each on one line (line breaks written as
     * {@code \\n}) and cut to {@value #MAX_PROBLEM_CHARS} characters, and a count of the rest.
     */
    private static List<String> capped(List<String> problems) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(problems.size(), MAX_PROBLEMS); i++) {
            // a value as written may span lines (a block or quoted scalar): a problem stays one line
            String p = problems.get(i).replace("\r", "\\r").replace("\n", "\\n");
            out.add(p.length() <= MAX_PROBLEM_CHARS ? p
                    : p.substring(0, MAX_PROBLEM_CHARS) + "... (" + (p.length() - MAX_PROBLEM_CHARS) + " more characters)");
        }
        if (problems.size() > MAX_PROBLEMS) {
            String next = problems.get(MAX_PROBLEMS);
            int colon = next.indexOf(": ");
            String where = colon > 0 && colon <= MAX_PROBLEM_CHARS ? next.substring(0, colon) : "(input)";
            out.add(where + ": and " + (problems.size() - MAX_PROBLEMS) + " more problems (the first " + MAX_PROBLEMS
                    + " are listed)");
        }
        return List.copyOf(out);
    }
}
