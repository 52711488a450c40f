package org.fedwan.fl.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documentation of one strategy, from which the registry validates scenario options and the
 * reference documentation is generated.
 *
 * @param name                   registry name
 * @param summary                one line, with its citation
 * @param usesServerLearningRate whether {@link StrategyContext#serverLearningRate()} sets the server
 *                               step (otherwise it must be 1)
 * @param options                the strategy's own options, in documentation order
 */
public record StrategyDoc(String name, String summary, boolean usesServerLearningRate, List<Option> options) {

    /** @throws IllegalArgumentException if two options share a key */
    public StrategyDoc {
        options = List.copyOf(options);
        for (int i = 0; i < options.size(); i++) {
            for (int j = i + 1; j < options.size(); j++) {
                if (options.get(i).key().equals(options.get(j).key())) {
                    throw new IllegalArgumentException(name + ": option '" + options.get(i).key() + "' declared twice");
                }
            }
        }
    }

    /**
     * One numeric option of a strategy.
     *
     * @param key          option name in the scenario file
     * @param defaultValue value when the option is absent
     * @param min          lower bound of the allowed interval
     * @param minInclusive whether {@code min} itself is allowed
     * @param max          upper bound ({@link Double#POSITIVE_INFINITY}: none)
     * @param maxInclusive whether {@code max} itself is allowed
     * @param meaning      what it does, with units and the source of its default
     */
    public record Option(String key, double defaultValue, double min, boolean minInclusive, double max,
            boolean maxInclusive, String meaning) {

        /** @throws IllegalArgumentException if the default itself is not allowed */
        public Option {
            if (!inRange(defaultValue, min, minInclusive, max, maxInclusive)) {
                throw new IllegalArgumentException("option '" + key + "': default " + defaultValue + " outside its range");
            }
        }

        /** The allowed values in words, e.g. {@code a number in [0, 1)}. */
        public String allowed() {
            return "a number in " + (minInclusive ? "[" : "(") + text(min) + ", " + text(max) + (maxInclusive ? "]" : ")");
        }

        /** The default as written in documentation, e.g. {@code 0.001}. */
        public String defaultText() {
            return text(defaultValue);
        }

        /**
         * {@code value} if allowed.
         *
         * @param owner what the option belongs to, for the message, e.g. {@code strategy 'fedadam'}
         * @throws IllegalArgumentException naming the option, the value and what is allowed
         */
        public double check(String owner, double value) {
            if (!inRange(value, min, minInclusive, max, maxInclusive)) {
                throw invalid(owner, text(value));
            }
            return value;
        }

        /** {@code text} parsed and checked as by {@link #check}. */
        public double parse(String owner, String text) {
            String t = text == null ? "" : text.trim();
            double v;
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw invalid(owner, t);
            }
            if (!inRange(v, min, minInclusive, max, maxInclusive)) {
                throw invalid(owner, t);
            }
            return v;
        }

        private IllegalArgumentException invalid(String owner, String value) {
            return new IllegalArgumentException(owner + ": option '" + key + "' = '" + value + "' is invalid; allowed: "
                    + allowed());
        }

        private static boolean inRange(double v, double min, boolean minInclusive, double max, boolean maxInclusive) {
            return Double.isFinite(v) && (minInclusive ? v >= min : v > min) && (maxInclusive ? v <= max : v < max);
        }
    }

    /**
     * Every option's value: the given ones parsed and checked, the others at their defaults, in
     * documentation order.
     *
     * @param given option key to text; {@code null} means none
     * @throws IllegalArgumentException for an unknown key (naming the known ones) or a bad value
     */
    public Map<String, Double> resolve(Map<String, String> given) {
        Map<String, String> g = given == null ? Map.of() : given;
        String owner = "strategy '" + name + "'";
        List<String> keys = new ArrayList<>();
        for (Option o : options) {
            keys.add(o.key());
        }
        for (String k : g.keySet()) {
            if (!keys.contains(k)) {
                throw new IllegalArgumentException(owner + ": unknown option '" + k + "'; allowed: "
                        + (keys.isEmpty() ? "none" : String.join(", ", keys)));
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Option o : options) {
            out.put(o.key(), g.containsKey(o.key()) ? o.parse(owner, g.get(o.key())) : o.defaultValue());
        }
        return out;
    }

    /** The option {@code key}. */
    public Option option(String key) {
        for (Option o : options) {
            if (o.key().equals(key)) {
                return o;
            }
        }
        throw new IllegalArgumentException("strategy '" + name + "' has no option '" + key + "'");
    }

    static String text(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
