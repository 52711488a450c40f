package org.fedwan.compression.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The short fuzz run of {@code mvn verify}: {@value #DEFAULT_INPUTS} seeded random inputs per
 * decoder ({@link FuzzTarget#all()}), each a program of valid, replayed, mutated, CRC-fixed, raw
 * and shaped messages ({@link UplinkFuzzCase}, {@link DownlinkFuzzCase}), checked for the fuzz
 * properties. Not coverage-guided (that is the long run, {@link DecoderFuzzLongRun}) but the same
 * code, and reproducible: the seed is the target's id. {@code -Dfuzz.inputs=N} runs N per target.
 * A failure prints the input in Base64; saved as a file under
 * {@code src/test/resources/fuzz/<target>/} it becomes a regression input.
 */
class DecoderFuzzTest {

    static final int DEFAULT_INPUTS = 200;
    /** Longest random input, bytes: room for several messages of the largest target (QuantFL BQ, 128 levels). */
    static final int MAX_INPUT_BYTES = 2048;

    static Stream<FuzzTarget> targets() {
        return FuzzTarget.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void seededInputsKeepEveryProperty(FuzzTarget target) {
        int inputs = Integer.getInteger("fuzz.inputs", DEFAULT_INPUTS);
        SplittableRandom random = new SplittableRandom(target.id().hashCode());
        for (int i = 0; i < inputs; i++) {
            byte[] input = new byte[random.nextInt(MAX_INPUT_BYTES + 1)];
            random.nextBytes(input);
            try {
                target.run(input);
            } catch (AssertionError e) {
                throw new AssertionError("input " + i + " of " + target.id() + " (Base64 " + Base64.getEncoder().encodeToString(input)
                        + "): " + e.getMessage(), e);
            }
        }
    }

    @Test
    void theAllocationBudgetIsMeasurable() {
        assertTrue(FuzzChecks.allocationCounted(), "this JVM does not count allocated bytes per thread");
    }

    @Test
    void everySchemeAndDownlinkCodecIsATarget() {
        List<String> ids = FuzzTarget.all().stream().map(FuzzTarget::id).toList();
        for (String name : Compression.uplinkNames()) {
            assertTrue(ids.contains(name), name);
        }
        for (String codec : StatelessKinds.names()) {
            assertTrue(codec.equals("fp32") || ids.contains("xfl-" + codec), "xfl-" + codec);
        }
        for (String codec : Compression.downlinkNames()) {
            assertTrue(ids.contains("downlink-" + codec), "downlink-" + codec);
        }
    }

    @Test
    void theSameBytesAreTheSameProgram() {
        FuzzBytes a = new FuzzBytes(new byte[] {1, 2, 3});
        assertEquals(0x0102, a.u16());
        assertEquals(3 % 2, a.below(2));
        assertEquals(0, a.below(7), "zeros past the end");
        assertEquals(0L, new FuzzBytes(new byte[0]).u64());
    }
}
