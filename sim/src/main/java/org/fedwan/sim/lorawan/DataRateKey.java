package org.fedwan.sim.lorawan;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.fedwan.channel.lorawan.DataRateName;
import org.fedwan.channel.lorawan.Region;
import org.fedwan.sim.config.KeyProblem;
import org.fedwan.sim.config.ValueType;

/**
 * The type of the keys {@code data_rate} and {@code downlink_data_rate}: a data rate index of the
 * scenario's region, or its spreading factor and bandwidth ({@link DataRateName}: {@code SF7},
 * {@code SF7/125}, {@code SF7BW125}). A key's type cannot see the region, so a name is read into a
 * code ({@link #code}: a negative number, never an index) that {@link LorawanSection}'s constructor
 * resolves against its region with {@link #resolve}; the section holds and writes back the index.
 */
final class DataRateKey {

    /** The code of {@code FSK}. */
    private static final int FSK_CODE = -1;

    /**
     * Spreading factor and bandwidth in kHz pack as {@code FSK_CODE - 1 - (sf * SF_FACTOR + bandwidthKhz)}, below
     * {@link #FSK_CODE}: a bandwidth in kHz has at most 3 digits ({@link DataRateName#parse}).
     */
    private static final int SF_FACTOR = 1000;

    private DataRateKey() {
    }

    /** The value type: a whole number (an index), or text (an index in digits, or a name). */
    static ValueType<Integer> type() {
        String allowed = "a data rate of the region: its index (" + Region.ALL.stream()
                .map(r -> r.name() + " 0 to " + (r.dataRates().size() - 1)).collect(Collectors.joining(", "))
                + ") or its spreading factor and bandwidth: " + DataRateName.FORMS;
        return new ValueType<>() {
            @Override
            public Integer read(Object raw, Path baseDir) {
                if (raw instanceof Long || raw instanceof Integer || raw instanceof BigDecimal) {
                    return index(raw, allowed);
                }
                if (!(raw instanceof String s) || s.isBlank()) {
                    throw new IllegalArgumentException("allowed: " + allowed);
                }
                String t = s.trim();
                if (t.chars().allMatch(Character::isDigit)) {
                    return index(new BigDecimal(t), allowed);
                }
                try {
                    return code(DataRateName.parse(t));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("allowed: " + allowed);
                }
            }

            @Override
            public Object write(Integer value) {
                return value;
            }

            @Override
            public String allowed() {
                return allowed;
            }

            @Override
            public Class<?> javaType() {
                return Integer.class;
            }
        };
    }

    private static int index(Object raw, String allowed) {
        long v;
        try {
            v = raw instanceof BigDecimal d ? d.longValueExact() : ((Number) raw).longValue();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("allowed: " + allowed);
        }
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("allowed: " + allowed);
        }
        return (int) v;
    }

    /** A name as a negative code. */
    static int code(DataRateName name) {
        return name.fsk() ? FSK_CODE : FSK_CODE - 1 - (name.spreadingFactor() * SF_FACTOR + name.bandwidthKhz());
    }

    /**
     * The index of {@code value} (an index, or a name's {@link #code}) in {@code region}.
     *
     * @param key the key, for the problem
     * @throws KeyProblem naming the region's data rates when it has no such one
     */
    static int resolve(Region region, int value, String key) {
        if (value >= 0) {
            if (value < region.dataRates().size()) {
                return value;
            }
            throw new KeyProblem(key, "allowed: " + DataRateName.allowed(region));
        }
        int packed = FSK_CODE - 1 - value;
        DataRateName name = value == FSK_CODE ? new DataRateName(0, 0, true)
                : new DataRateName(packed / SF_FACTOR, packed % SF_FACTOR, false);
        try {
            return name.indexIn(region);
        } catch (IllegalArgumentException e) {
            throw new KeyProblem(key, "not a data rate of " + region.name() + (name.fsk() ? " (FSK is not modelled)" : "")
                    + "; allowed: " + DataRateName.allowed(region));
        }
    }
}
