package org.fedwan.compression.accounting;

import java.util.EnumMap;
import java.util.Map;
import org.fedwan.compression.BitBreakdown;
import org.fedwan.compression.SideKind;
import java.util.Collections;

/**
 * Payload and side bits, side split by kind, as averages (fractional when a cycle of rounds is
 * averaged).
 *
 * @param payloadBits payload bits
 * @param sideBits    side bits by kind; kinds absent are zero
 */
public record Bits(double payloadBits, Map<SideKind, Double> sideBits) {

    public static final Bits ZERO = new Bits(0, Map.of());

    public Bits {
        EnumMap<SideKind, Double> m = new EnumMap<>(SideKind.class);
        for (Map.Entry<SideKind, Double> e : sideBits.entrySet()) {
            if (e.getValue() != 0) {
                m.put(e.getKey(), e.getValue());
            }
        }
        sideBits = Collections.unmodifiableMap(m);
    }

    static Bits of(BitBreakdown b) {
        EnumMap<SideKind, Double> m = new EnumMap<>(SideKind.class);
        for (SideKind k : SideKind.values()) {
            m.put(k, (double) b.sideBits(k));
        }
        return new Bits(b.payloadBits(), m);
    }

    Bits plus(Bits o) {
        EnumMap<SideKind, Double> m = new EnumMap<>(SideKind.class);
        for (SideKind k : SideKind.values()) {
            m.put(k, side(k) + o.side(k));
        }
        return new Bits(payloadBits + o.payloadBits, m);
    }

    Bits times(double f) {
        EnumMap<SideKind, Double> m = new EnumMap<>(SideKind.class);
        for (SideKind k : SideKind.values()) {
            m.put(k, side(k) * f);
        }
        return new Bits(payloadBits * f, m);
    }

    /** Side bits of one kind. */
    public double side(SideKind kind) {
        return sideBits.getOrDefault(kind, 0.0);
    }

    /** All side bits. */
    public double side() {
        double s = 0;
        for (double v : sideBits.values()) {
            s += v;
        }
        return s;
    }

    public double totalBits() {
        return payloadBits + side();
    }

    /** Total bits without the given kinds (to compare with a paper that leaves them out). */
    public double totalBitsWithout(SideKind... kinds) {
        double t = totalBits();
        for (SideKind k : kinds) {
            t -= side(k);
        }
        return t;
    }
}
