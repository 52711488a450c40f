package org.fedwan.compression.scheme;

/**
 * The Jazzer fuzz target of the long run ({@link DecoderFuzzLongRun}): Jazzer's libFuzzer driver
 * calls {@link #fuzzerTestOneInput} with coverage-guided byte arrays, each run as a program
 * against the decoder named by the system property {@value #TARGET_PROPERTY}
 * ({@link FuzzTarget#byId}). Any {@link Throwable} escaping is a finding. Needs nothing from
 * Jazzer at compile time.
 */
public final class DecoderFuzzTarget {

    /** System property naming the target, a {@link FuzzTarget} id. */
    public static final String TARGET_PROPERTY = "fedwan.fuzz.target";

    private static FuzzTarget target;

    private DecoderFuzzTarget() {
    }

    /** Called once by Jazzer before the first input. */
    public static void fuzzerInitialize() {
        String id = System.getProperty(TARGET_PROPERTY);
        if (id == null) {
            throw new IllegalStateException("set -D" + TARGET_PROPERTY + "=ID, one of the ids of FuzzTarget.all()");
        }
        target = FuzzTarget.byId(id);
    }

    /** Called by Jazzer once per input. */
    public static void fuzzerTestOneInput(byte[] input) {
        target.run(input);
    }
}
