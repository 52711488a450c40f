package org.fedwan.channel.nbiot;

/**
 * Sizes of the signalling messages of a connection, in bits, each sent as one transport block.
 *
 * <ul>
 *   <li>{@code rarBits} 56: one MAC RAR of 48 bits with its 8-bit subheader (TS 36.321 6.1.5,
 *       6.2.3) [V];</li>
 *   <li>{@code msg3Bits} 88: Msg3 (RRC connection request or resume request with MAC header)
 *       [U], the smallest NPUSCH TBS that holds it;</li>
 *   <li>{@code msg4Bits} 160: contention resolution identity (48 bits plus subheader) and RRC
 *       connection setup [U];</li>
 *   <li>{@code releaseBits} 80: RRC connection release with MAC header [U].</li>
 * </ul>
 *
 * @param rarBits     random access response, bits, at least 1
 * @param msg3Bits    Msg3, bits, at least 1
 * @param msg4Bits    Msg4, bits, at least 1
 * @param releaseBits RRC connection release, bits, at least 1
 */
public record SignallingSizes(int rarBits, int msg3Bits, int msg4Bits, int releaseBits) {

    /** 56 / 88 / 160 / 80 bits. */
    public static final SignallingSizes DEFAULT = new SignallingSizes(56, 88, 160, 80);

    /** Validates that every size is positive. */
    public SignallingSizes {
        if (rarBits < 1 || msg3Bits < 1 || msg4Bits < 1 || releaseBits < 1) {
            throw new IllegalArgumentException("signalling sizes rar = " + rarBits + ", msg3 = " + msg3Bits
                    + ", msg4 = " + msg4Bits + ", release = " + releaseBits + " bits are not allowed; allowed: >= 1 each");
        }
    }
}
