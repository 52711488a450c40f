package org.fedwan.compression;

import java.util.Arrays;

/**
 * Exact bits of a message or of one layer inside it: payload bits and side bits split by
 * {@link SideKind}. Immutable; {@link #toBitCount()} gives the two-way split of {@link BitCount}.
 */
public final class BitBreakdown {

    public static final BitBreakdown ZERO = new BitBreakdown(0, new long[SideKind.values().length]);

    private final long payloadBits;
    private final long[] sideBits;

    private BitBreakdown(long payloadBits, long[] sideBits) {
        if (payloadBits < 0) {
            throw new IllegalArgumentException("payload bits must be >= 0, got " + payloadBits);
        }
        for (int i = 0; i < sideBits.length; i++) {
            if (sideBits[i] < 0) {
                throw new IllegalArgumentException(SideKind.values()[i].key() + " bits must be >= 0, got " + sideBits[i]);
            }
        }
        this.payloadBits = payloadBits;
        this.sideBits = sideBits;
    }

    /** Payload only. */
    public static BitBreakdown payload(long bits) {
        return new BitBreakdown(bits, new long[SideKind.values().length]);
    }

    /** Side information of one kind only. */
    public static BitBreakdown side(SideKind kind, long bits) {
        return ZERO.plusSide(kind, bits);
    }

    /** This plus {@code bits} of side information of {@code kind}. */
    public BitBreakdown plusSide(SideKind kind, long bits) {
        long[] s = sideBits.clone();
        s[kind.ordinal()] += bits;
        return new BitBreakdown(payloadBits, s);
    }

    /** This plus {@code bits} of payload. */
    public BitBreakdown plusPayload(long bits) {
        return new BitBreakdown(payloadBits + bits, sideBits.clone());
    }

    public BitBreakdown plus(BitBreakdown other) {
        long[] s = sideBits.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += other.sideBits[i];
        }
        return new BitBreakdown(payloadBits + other.payloadBits, s);
    }

    public long payloadBits() {
        return payloadBits;
    }

    public long sideBits(SideKind kind) {
        return sideBits[kind.ordinal()];
    }

    /** All side information. */
    public long sideBits() {
        long n = 0;
        for (long s : sideBits) {
            n += s;
        }
        return n;
    }

    public long totalBits() {
        return payloadBits + sideBits();
    }

    /** Total rounded up to whole bytes. */
    public long totalBytes() {
        return (totalBits() + 7) / 8;
    }

    public BitCount toBitCount() {
        return new BitCount(payloadBits, sideBits());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitBreakdown b && b.payloadBits == payloadBits && Arrays.equals(b.sideBits, sideBits);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(payloadBits) * 31 + Arrays.hashCode(sideBits);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("payload=").append(payloadBits);
        for (SideKind k : SideKind.values()) {
            if (sideBits[k.ordinal()] != 0) {
                sb.append(", ").append(k.key()).append('=').append(sideBits[k.ordinal()]);
            }
        }
        return sb.append(" bits").toString();
    }
}
