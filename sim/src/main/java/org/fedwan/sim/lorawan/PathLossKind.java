package org.fedwan.sim.lorawan;

import org.fedwan.results.Labeled;

/** The median path-loss model of the realistic LoRaWAN link (scenario key {@code path_loss}). */
public enum PathLossKind implements Labeled {
    /**
     * {@code PL(d) = PL(d0) + 10 n log10(d / d0)} with {@code path_loss_reference_db},
     * {@code path_loss_reference_m} and {@code path_loss_exponent}
     * ({@link org.fedwan.channel.propagation.LogDistancePathLoss}; defaults Bor et al. 2016).
     */
    LOG_DISTANCE("log-distance"),
    /**
     * Okumura-Hata at the region's first channel frequency, {@code gateway_height_m},
     * {@code device_height_m} and {@code hata_environment}
     * ({@link org.fedwan.channel.propagation.OkumuraHataPathLoss}).
     */
    OKUMURA_HATA("okumura-hata"),
    /** Free space at the region's first channel frequency ({@link org.fedwan.channel.propagation.FreeSpacePathLoss}). */
    FREE_SPACE("free-space");

    private final String label;

    PathLossKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
