package org.fedwan.sim.lorawan;

import org.fedwan.channel.propagation.OkumuraHataPathLoss;
import org.fedwan.results.Labeled;

/** Hata's environments (scenario key {@code hata_environment}; Hata 1980). */
public enum HataEnvironment implements Labeled {
    /** Urban area, small or medium city. */
    URBAN_SMALL_MEDIUM("urban-small-medium", OkumuraHataPathLoss.Environment.URBAN_SMALL_MEDIUM),
    /** Urban area, large city. */
    URBAN_LARGE("urban-large", OkumuraHataPathLoss.Environment.URBAN_LARGE),
    /** Suburban area. */
    SUBURBAN("suburban", OkumuraHataPathLoss.Environment.SUBURBAN),
    /** Open (rural) area. */
    OPEN("open", OkumuraHataPathLoss.Environment.OPEN);

    private final String label;
    private final OkumuraHataPathLoss.Environment environment;

    HataEnvironment(String label, OkumuraHataPathLoss.Environment environment) {
        this.label = label;
        this.environment = environment;
    }

    @Override
    public String label() {
        return label;
    }

    /** @return the path-loss model's environment */
    public OkumuraHataPathLoss.Environment environment() {
        return environment;
    }
}
