package org.fedwan.compression;

/**
 * Kinds of side information a message carries besides its payload (the quantized or raw values).
 * Counted apart so that a paper's figure, which often leaves some of them out, can be compared
 * term by term with the exact figure.
 */
public enum SideKind {
    /** Quantizer scales and clipping thresholds (seed 000 eq. 4, 6; seed 002 threshold s). */
    SCALE("scale"),
    /** Affine zero points (seed 000 eq. 5, 7). */
    ZERO_POINT("zeroPoint"),
    /** Norms and maxima that set a quantizer's range (QSGD norm, FLQ max |x|, sign-scale). */
    NORM("norm"),
    /** Codebooks: bucket boundaries (seed 001 eq. 9). */
    CODEBOOK("codebook"),
    /** Positions: top-k indices or bitmaps. */
    INDEX("index"),
    /** Reported mean squared quantization error (seed 002 eq. 8). */
    MSE("mse"),
    /** LAQ radii of innovations (seed 004 eq. 15-17, seed 003 eq. 16). */
    RADIUS("radius"),
    /** Message header fields: which layer, whether a codebook follows. */
    HEADER("header"),
    /** Integrity check (CRC-32) that lets a receiver reject corrupted or truncated messages. */
    CHECK("check");

    private final String key;

    SideKind(String key) {
        this.key = key;
    }

    /** Name used in reports and JSON, e.g. {@code zeroPoint}. */
    public String key() {
        return key;
    }
}
