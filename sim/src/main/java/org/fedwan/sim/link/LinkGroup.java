package org.fedwan.sim.link;

import java.util.List;
import org.fedwan.results.DeviceRecord;

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
     * Ends the run for the group's devices: closes every energy interval at {@code nowUs} and
     * returns one row per device.
     *
     * @param computeJ training energy charged to each client so far (indexed by global client)
     */
    List<DeviceRecord> finish(long nowUs, double[] computeJ);
}
