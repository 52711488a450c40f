package org.fedwan.sim.lorawan;

/**
 * How an FL run's LoRaWAN background sensors are simulated. Both give the same results (the
 * same packets, losses, energy and client frames: {@code SensorEnginesAgreeTest}); they differ in cost.
 */
public enum SensorEngine {
    /**
     * Outside the scheduler, in one queue of their own played up to each device action
     * ({@link SensorField}); used whenever {@link LorawanNetwork#bulkSensorsSupported} holds
     * (unconfirmed uplinks, no ADR, no battery limit), else {@link #EVENTS}.
     */
    BULK,
    /**
     * As {@link LorawanDevice}s driven by periodic sources through the scheduler, like the devices
     * of {@code lorawan-net} (four to seven events per packet); the reference, and the engine for
     * confirmed, ADR or battery-limited sensors.
     */
    EVENTS
}
