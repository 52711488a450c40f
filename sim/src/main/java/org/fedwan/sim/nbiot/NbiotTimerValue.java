package org.fedwan.sim.nbiot;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.fedwan.results.Labeled;
import org.fedwan.sim.config.ValueType;

/**
 * A timer whose 3GPP encoding allows a fixed set of values (paging DRX, eDRX, paging time window):
 * its label is the value in seconds as a scenario writes it, e.g. {@code 81.92}.
 */
interface NbiotTimerValue extends Labeled {

    /** @return the value, µs */
    long us();

    /**
     * The scenario-key type of such a timer: a number of seconds (or its text) equal to one of
     * the constants' values, written back as that number.
     *
     * @param type the enum of allowed values
     * @return the value type
     */
    static <E extends Enum<E> & NbiotTimerValue> ValueType<E> seconds(Class<E> type) {
        String allowed = "one of " + String.join(", ", Labeled.labels(type)) + " (seconds)";
        return new ValueType<>() {
            @Override
            public E read(Object raw, Path baseDir) {
                double s;
                try {
                    s = raw instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(raw).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("allowed: " + allowed);
                }
                for (E e : type.getEnumConstants()) {
                    if (Math.abs(e.us() - s * 1e6) < 0.5) {
                        return e;
                    }
                }
                throw new IllegalArgumentException("allowed: " + allowed);
            }

            @Override
            public Object write(E value) {
                return value.us() % 1_000_000L == 0 ? (Object) (value.us() / 1_000_000L)
                        : (Object) Double.valueOf(label(value.us()));
            }

            @Override
            public String allowed() {
                return allowed;
            }

            @Override
            public Class<?> javaType() {
                return type;
            }
        };
    }

    /** Text of {@code us} in seconds without trailing zeros: 20480000 gives "20.48". */
    static String label(long us) {
        return BigDecimal.valueOf(us, 6).stripTrailingZeros().toPlainString();
    }
}
