package org.fedwan.results;

/** Observes a run; every method has an empty default so a listener implements only what it needs. */
public interface RunListener {

    default void onFrame(FrameRecord frame) {
    }

    default void onRound(RoundRecord round) {
    }

    /** Energy a device spent in one state over an interval. */
    default void onEnergy(EnergyRecord energy) {
    }

    /** Once per selected client at the end of each round, before {@link #onRound}. */
    default void onClientRound(ClientRoundRecord client) {
    }

    /** Once per device at the end of the run. */
    default void onDevice(DeviceRecord device) {
    }

    /** Fans records out to several listeners, in order. */
    static RunListener all(RunListener... listeners) {
        return new RunListener() {
            @Override
            public void onFrame(FrameRecord frame) {
                for (RunListener l : listeners) {
                    l.onFrame(frame);
                }
            }

            @Override
            public void onEnergy(EnergyRecord energy) {
                for (RunListener l : listeners) {
                    l.onEnergy(energy);
                }
            }

            @Override
            public void onRound(RoundRecord round) {
                for (RunListener l : listeners) {
                    l.onRound(round);
                }
            }

            @Override
            public void onClientRound(ClientRoundRecord client) {
                for (RunListener l : listeners) {
                    l.onClientRound(client);
                }
            }

            @Override
            public void onDevice(DeviceRecord device) {
                for (RunListener l : listeners) {
                    l.onDevice(device);
                }
            }
        };
    }
}
