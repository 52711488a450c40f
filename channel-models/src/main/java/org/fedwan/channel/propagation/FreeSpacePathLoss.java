package org.fedwan.channel.propagation;

/**
 * Free-space path loss (Friis): {@code PL = 20 log10(4 pi d f / c)} dB, i.e.
 * {@code 20 log10(d) + 20 log10(f) - 147.55} with {@code d} in metres and {@code f} in hertz.
 *
 * @param frequencyHz carrier frequency in hertz, greater than 0
 */
public record FreeSpacePathLoss(double frequencyHz) implements PathLossModel {

    /** Speed of light in m/s (exact, SI). */
    public static final double SPEED_OF_LIGHT_M_PER_S = 299_792_458.0;
    /** 868 MHz, the EU868 band. */
    public static final FreeSpacePathLoss AT_868_MHZ = new FreeSpacePathLoss(868e6);

    /** Validates the frequency. */
    public FreeSpacePathLoss {
        if (!(frequencyHz > 0.0) || !Double.isFinite(frequencyHz)) {
            throw new IllegalArgumentException("frequencyHz = " + frequencyHz
                    + " is not allowed; allowed: finite and > 0");
        }
    }

    @Override
    public double pathLossDb(double distanceM) {
        double d = PathLossModel.clampDistanceM(distanceM);
        return 20.0 * Math.log10(4.0 * Math.PI * d * frequencyHz / SPEED_OF_LIGHT_M_PER_S);
    }

    @Override
    public String name() {
        return "free-space";
    }
}
