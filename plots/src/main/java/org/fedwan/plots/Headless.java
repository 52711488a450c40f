package org.fedwan.plots;

/**
 * Makes AWT run without a display. Figures are drawn into images and SVG documents only, on
 * servers and in CI that have no display; a caller that already decided (for example a GUI that
 * set {@code java.awt.headless=false}) is left alone.
 */
final class Headless {

    static final String PROPERTY = "java.awt.headless";

    private Headless() {
    }

    /** Sets {@code java.awt.headless=true} unless the property is already set. */
    static void ensure() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
