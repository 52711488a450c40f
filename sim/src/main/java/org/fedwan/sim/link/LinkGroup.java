package org.fedwan.sim.link;

import java.util.List;

/**
 * The links of a contiguous range of clients on one network of one protocol (a LoRaWAN network,
 * an NB-IoT cell, the ideal link). A run has one group per protocol it uses ({@code protocol:
 * mixed} is two). The group broadcasts the global model to its members.
 */
public interface LinkGroup {

    /** The protocol's name, as written in the result tables, e.g. {@code lorawan}. */
    String protocol();

    /** The first client of the group; its clients are {@code firstClient() .. firstClient() + size() - 1}. */
    int firstClient();

    /** Number of clients in the group. */
    int size();

    /** The link of client {@code client} (a global client index inside the group's range). */
    ClientLink link(int client);

    /**
     * Sends {@code message} to every member; {@code onDone} runs once when the broadcast is over.
     *
     * @param tag the message's tag, 0..255
     */
    void broadcast(byte[] message, int tag, Runnable onDone);

    /**
     * Charges every device's energy up to {@code nowUs} and reports, by state of the energy
     * ledger, what each spent since the last report ({@link LinkEvents#energy}); radio and MCU
     * energy drain the batteries. The round controller calls it at the end of every round.
     */
    void reportEnergy(long nowUs);

    /** Ends the run for the group's devices: one status per device (after a last {@link #reportEnergy}). */
    List<DeviceStatus> finish(long nowUs);

    /** Background sensors sharing the group's network (scenario key {@code background_devices}); none by default. */
    default int backgroundDevices() {
        return 0;
    }

    /**
     * What the background sensors did from the start of the run to {@code nowUs}: never part of the
     * clients' energy ledger ({@link #reportEnergy}). The round controller asks once, at the end of the run.
     */
    default BackgroundReport background(long nowUs) {
        return BackgroundReport.NONE;
    }
}
