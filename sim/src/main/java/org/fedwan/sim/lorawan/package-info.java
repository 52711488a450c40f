/**
 * The LoRaWAN protocol: its entities (devices, gateways, radio medium, network server), one code
 * path for the network-only runs ({@code org.fedwan.sim.lorawan.traffic}) and the FL co-simulation.
 *
 * <ul>
 *   <li>{@link org.fedwan.sim.lorawan.LorawanNetwork} assembles a network from validated
 *       {@link org.fedwan.sim.lorawan.NetworkSettings}: devices placed in a disc, on a grid or at
 *       listed coordinates, gateways, the shared radio medium and the network server.</li>
 *   <li>{@link org.fedwan.sim.lorawan.LorawanDevice}: a class A device whose every uplink attempt
 *       is a MAC cycle of reused events (TX start, TX end, RX1, RX2), under its sub-band duty
 *       cycles and fair-use budget, with NbTrans repetitions and confirmed retries; an
 *       {@code EnergyMeter} per device accounts sleep, TX and RX energy and the battery. The
 *       device's parts are package-private: {@code MacCycle} (the attempts and their four events),
 *       {@code DeviceJobs} (packets, fragmented messages and downloads, one at a time),
 *       {@code DeviceReceiver} (what each receive window brings, the class A download, class C
 *       listening), {@code DeviceAdr} (ADR_ACK_CNT, ADRACKReq, LinkADRAns) and {@code DevicePower}
 *       (radio state, energy meter, battery).</li>
 *   <li>The radio medium tracks frames on the air per (channel, spreading factor) and applies
 *       the LoRaSim collision/capture rule at every gateway; a
 *       {@link org.fedwan.sim.lorawan.Gateway} has 8 demodulation paths, a half-duplex transmitter
 *       and per-sub-band duty cycles; a frame is delivered if any gateway decodes it.</li>
 *   <li>{@link org.fedwan.sim.lorawan.NetworkServer}: de-duplication, reassembly of fragmented
 *       messages, ACKs and MAC commands in RX1/RX2, margin-based ADR, class A unicast downloads
 *       and class C multicast.</li>
 * </ul>
 * Failures are data: every frame ends with a {@link org.fedwan.sim.lorawan.FrameOutcome}, every
 * packet not sent with a {@link org.fedwan.sim.lorawan.RefusalReason}, and
 * {@link org.fedwan.sim.lorawan.NetworkListener} observes them; nothing here throws for a lost
 * frame. Physics comes from {@code channel-models}; these classes only decide when things happen.
 */
package org.fedwan.sim.lorawan;
