package org.fedwan.scenarios.run;

import org.fedwan.results.RoundRecord;
import org.fedwan.results.RunListener;

/**
 * What it cost to first reach a target test accuracy: simulated time, energy (the ledger), uplink
 * bytes and rounds up to the end of the first round whose accuracy is at least the target.
 */
public final class TargetTracker implements RunListener {

    private final double target;
    private double energyJ;
    private long uplinkBytes;
    private int round;
    private long timeUs = -1;
    private double energyAtTargetJ = Double.NaN;
    private long bytesAtTarget = -1;

    public TargetTracker(double target) {
        this.target = target;
    }

    @Override
    public void onRound(RoundRecord r) {
        energyJ += r.energyJ();
        uplinkBytes += r.uplinkBytes();
        if (timeUs < 0 && r.accuracy() >= target) {
            timeUs = r.endUs();
            energyAtTargetJ = energyJ;
            bytesAtTarget = uplinkBytes;
            round = r.round();
        }
    }

    public double target() {
        return target;
    }

    public boolean reached() {
        return timeUs >= 0;
    }

    /** Simulated seconds to the target, NaN if never reached. */
    public double timeS() {
        return reached() ? timeUs / 1e6 : Double.NaN;
    }

    public double energyJ() {
        return energyAtTargetJ;
    }

    /** Uplink bytes to the target, NaN if never reached. */
    public double uplinkBytes() {
        return reached() ? bytesAtTarget : Double.NaN;
    }

    /** Rounds to the target, NaN if never reached. */
    public double rounds() {
        return reached() ? round : Double.NaN;
    }
}
