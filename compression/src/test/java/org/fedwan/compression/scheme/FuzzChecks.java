package org.fedwan.compression.scheme;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.fedwan.compression.MalformedMessageException;
import org.fedwan.compression.ModelLayout;
import org.fedwan.compression.TestLayouts;

/**
 * What every fuzz case shares: decoding under watch (only {@link MalformedMessageException} may
 * escape, and the bytes allocated meanwhile stay within a budget set by the layout), mutations of
 * messages, the CRC-32 repair that lets a mutation reach the field checks behind the check, and
 * the values clients send.
 */
final class FuzzChecks {

    /** Fixed part of the allocation budget of one decode, bytes: the exception and its text, boxing. */
    static final long BUDGET_FIXED_BYTES = 64 * 1024;
    /**
     * Allocation budget per model parameter, bytes: the decoded float per value, the scheme's
     * per-client copies (LAQ, QRR) and QRR's double-precision rebuild; measured at most about 60
     * on valid messages of every target.
     */
    static final long BUDGET_PER_PARAMETER_BYTES = 256;
    /** Allocation budget per message byte: codebooks read from the message (QuantFL BQ). */
    static final long BUDGET_PER_MESSAGE_BYTE = 16;

    /** Special float bit patterns a mutation writes into a field. */
    private static final int[] SPECIAL_FLOATS = {
        Float.floatToRawIntBits(Float.NaN), 0x7F800000, 0xFF800000, 0x80000000, 0x7F7FFFFF, 0xFF7FFFFF, 0x00000001,
        Float.floatToRawIntBits(1e38f), Float.floatToRawIntBits(-1f), Float.floatToRawIntBits(65504f),
        Float.floatToRawIntBits(0.99999994f), Float.floatToRawIntBits(1f)};

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzChecks() {
    }

    /** Whether this JVM counts the bytes each thread allocates (HotSpot does, by default). */
    static boolean allocationCounted() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }

    /** Allocation budget of decoding a message of {@code messageBytes} for {@code layout}. */
    static long budgetBytes(ModelLayout layout, int messageBytes) {
        return BUDGET_FIXED_BYTES + BUDGET_PER_PARAMETER_BYTES * layout.parameterCount()
                + BUDGET_PER_MESSAGE_BYTE * messageBytes;
    }

    /**
     * A decode's result (null if it threw {@link MalformedMessageException}) and the bytes the
     * thread allocated meanwhile.
     */
    record Watched<T>(T value, long allocatedBytes) {
    }

    /**
     * Runs one decode under watch.
     *
     * @throws AssertionError if it threw anything but {@link MalformedMessageException}
     */
    static <T> Watched<T> watch(Supplier<String> what, Supplier<T> decode) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        T result;
        try {
            result = decode.get();
        } catch (MalformedMessageException e) {
            result = null;
        } catch (Throwable t) { // anything else, errors included, is a finding
            throw new AssertionError(what.get() + ": decoder threw " + t + " instead of MalformedMessageException", t);
        }
        return new Watched<>(result, THREADS.getCurrentThreadAllocatedBytes() - before);
    }

    /**
     * Runs a decode that changes no state (a stateless decoder, or a message the decoder rejects):
     * its result, or null if rejected. The first run of a code path in a JVM allocates for class
     * loading and call-site linkage; a run over budget is therefore repeated, and only a repeat
     * that is also over budget (or decides differently) is a finding.
     *
     * @throws AssertionError if it threw anything but {@link MalformedMessageException}, or
     *                        allocated more than {@code budgetBytes} twice
     */
    static <T> T decodeWithoutState(Supplier<String> what, long budgetBytes, Supplier<T> decode) {
        Watched<T> first = watch(what, decode);
        if (first.allocatedBytes() > budgetBytes) {
            Watched<T> again = watch(what, decode);
            if ((again.value() == null) != (first.value() == null)) {
                throw new AssertionError(what.get() + ": the same message was " + (first.value() == null ? "rejected" : "accepted")
                        + " once and not the second time");
            }
            checkBudget(what, budgetBytes, first, again);
        }
        return first.value();
    }

    /**
     * Fails if both runs of the same decode from the same state allocated more than
     * {@code budgetBytes} (once may be the JVM's first run of a code path).
     */
    static void checkBudget(Supplier<String> what, long budgetBytes, Watched<?> first, Watched<?> again) {
        if (first.allocatedBytes() > budgetBytes && again.allocatedBytes() > budgetBytes) {
            throw new AssertionError(what.get() + ": decoding allocated " + first.allocatedBytes() + " and again "
                    + again.allocatedBytes() + " bytes, budget " + budgetBytes);
        }
    }

    /** {@code message} with its first 4 bytes set to the CRC-32 of the rest, as a sender would. */
    static byte[] withCrc(byte[] message) {
        if (message.length < 4) {
            return message;
        }
        CRC32 c = new CRC32();
        c.update(message, 4, message.length - 4);
        int crc = (int) c.getValue();
        message[0] = (byte) (crc >>> 24);
        message[1] = (byte) (crc >>> 16);
        message[2] = (byte) (crc >>> 8);
        message[3] = (byte) crc;
        return message;
    }

    /**
     * One to four mutations of a copy of {@code message}, chosen by {@code in}: a bit flip, a byte
     * set, a truncation, an extension, a byte deleted or inserted, or a special float (NaN,
     * infinities, -0, the extremes, 1e38, 65504, the largest float below 1) written at any offset.
     */
    static byte[] mutate(byte[] message, FuzzBytes in) {
        byte[] m = message.clone();
        int count = 1 + in.below(4);
        for (int k = 0; k < count; k++) {
            int kind = in.below(7);
            int at = m.length == 0 ? 0 : in.u16() % m.length;
            switch (kind) {
                case 0 -> {
                    if (m.length > 0) {
                        m[at] ^= (byte) (1 << in.below(8));
                    }
                }
                case 1 -> {
                    if (m.length > 0) {
                        m[at] = (byte) in.u8();
                    }
                }
                case 2 -> m = Arrays.copyOf(m, at);
                case 3 -> {
                    byte[] tail = in.take(1 + in.below(16));
                    byte[] longer = Arrays.copyOf(m, m.length + tail.length);
                    System.arraycopy(tail, 0, longer, m.length, tail.length);
                    m = longer;
                }
                case 4 -> {
                    if (m.length > 0) {
                        byte[] shorter = new byte[m.length - 1];
                        System.arraycopy(m, 0, shorter, 0, at);
                        System.arraycopy(m, at + 1, shorter, at, m.length - at - 1);
                        m = shorter;
                    }
                }
                case 5 -> {
                    byte[] longer = new byte[m.length + 1];
                    System.arraycopy(m, 0, longer, 0, at);
                    longer[at] = (byte) in.u8();
                    System.arraycopy(m, at, longer, at + 1, m.length - at);
                    m = longer;
                }
                default -> {
                    int bits = SPECIAL_FLOATS[in.below(SPECIAL_FLOATS.length)];
                    for (int b = 0; b < 4 && at + b < m.length; b++) {
                        m[at + b] = (byte) (bits >>> (24 - 8 * b));
                    }
                }
            }
        }
        return m;
    }

    /**
     * Values a client sends, of a kind chosen by {@code in}: Gaussian with standard deviation
     * 0.5, 1e-3 or 100, one constant, or mostly zeros.
     */
    static float[][] values(ModelLayout layout, SplittableRandom data, FuzzBytes in) {
        int kind = in.below(5);
        float[][] v = TestLayouts.gaussian(layout, data, kind == 1 ? 1e-3 : kind == 2 ? 100 : 0.5);
        if (kind == 3) {
            float c = v[0][0];
            for (float[] layer : v) {
                Arrays.fill(layer, c);
            }
        } else if (kind == 4) {
            for (float[] layer : v) {
                for (int i = 0; i < layer.length; i++) {
                    if (data.nextInt(8) != 0) {
                        layer[i] = 0f;
                    }
                }
            }
        }
        return v;
    }

    /**
     * Checks that {@code values} has the layout's shape (null for layers not carried, unless
     * {@code allLayers}) and, unless {@code rawFloats}, only finite values.
     */
    static void checkDecoded(Supplier<String> what, ModelLayout layout, float[][] values, boolean allLayers, boolean rawFloats) {
        if (values == null || values.length != layout.layerCount()) {
            throw new AssertionError(what.get() + ": decoded " + (values == null ? "null" : values.length + " layers")
                    + ", layout has " + layout.layerCount());
        }
        for (int l = 0; l < values.length; l++) {
            if (values[l] == null) {
                if (allLayers) {
                    throw new AssertionError(what.get() + ": layer " + l + " missing");
                }
                continue;
            }
            if (values[l].length != layout.layers().get(l).parameterCount()) {
                throw new AssertionError(what.get() + ": layer " + l + " has " + values[l].length + " values, layout "
                        + layout.layers().get(l).parameterCount());
            }
            for (int i = 0; !rawFloats && i < values[l].length; i++) {
                if (!Float.isFinite(values[l][i])) {
                    throw new AssertionError(what.get() + ": accepted message decodes layer " + l + " value " + i + " to "
                            + values[l][i]);
                }
            }
        }
    }

    /** Whether two decoded models are the same bit for bit (nulls in the same places). */
    static boolean sameBits(float[][] a, float[][] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int l = 0; l < a.length; l++) {
            if ((a[l] == null) != (b[l] == null)) {
                return false;
            }
            if (a[l] != null) {
                if (a[l].length != b[l].length) {
                    return false;
                }
                for (int i = 0; i < a[l].length; i++) {
                    if (Float.floatToRawIntBits(a[l][i]) != Float.floatToRawIntBits(b[l][i])) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether two decoded updates are the same bit for bit: client, round, values, reported MSE. */
    static boolean sameBits(DecodedUpdate a, DecodedUpdate b) {
        if (a.clientId() != b.clientId() || a.round() != b.round() || !sameBits(a.values(), b.values())
                || a.layerMse().length != b.layerMse().length) {
            return false;
        }
        for (int l = 0; l < a.layerMse().length; l++) {
            if (Double.doubleToRawLongBits(a.layerMse()[l]) != Double.doubleToRawLongBits(b.layerMse()[l])) {
                return false;
            }
        }
        return true;
    }
}
