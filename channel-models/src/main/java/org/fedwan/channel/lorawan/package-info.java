/**
 * LoRaWAN MAC and regional parameters: data rates, regions and their channel plans, frame
 * overhead, application-level fragmentation of model updates, duty-cycle and fair-use
 * accounting, receive windows, retransmissions, data-rate assignment and ADR.
 *
 * <ul>
 *   <li>{@link org.fedwan.channel.lorawan.DataRate}, {@link org.fedwan.channel.lorawan.Region},
 *       {@link org.fedwan.channel.lorawan.SubBand} and {@link org.fedwan.channel.lorawan.Channel}:
 *       regional parameters as data (LoRaWAN Regional Parameters 1.0.3revA; LoRaMac-node
 *       {@code RegionEU868}, {@code RegionUS915}). A new region is one table.</li>
 *   <li>{@link org.fedwan.channel.lorawan.LorawanFrame}: PHY payload size from the FRMPayload
 *       (MHDR 1 + FHDR 7 + FOpts 0..15 + FPort 1 + MIC 4).</li>
 *   <li>{@link org.fedwan.channel.lorawan.Fragmentation} and
 *       {@link org.fedwan.channel.lorawan.Reassembler}: splitting a model-update message into
 *       real FRMPayload byte arrays with a 3-byte header, and putting it back together.</li>
 *   <li>{@link org.fedwan.channel.lorawan.DutyCycleLedger} (per sub-band off time) and
 *       {@link org.fedwan.channel.lorawan.DailyBudget} (fair use per day): state that takes the
 *       current time as an argument and never reads a clock.</li>
 *   <li>{@link org.fedwan.channel.lorawan.ReceiveWindows}: RX1/RX2 timing, empty-window length
 *       and the MAC constants; {@link org.fedwan.channel.lorawan.RetransmissionPolicy}: NbTrans,
 *       confirmed retries and RETRANSMIT_TIMEOUT as "what next after this attempt".</li>
 *   <li>{@link org.fedwan.channel.lorawan.DataRateAssignment} (lowest spreading factor that
 *       closes the link with a margin) and {@link org.fedwan.channel.lorawan.Adr} (margin-based
 *       network-side ADR, device back-off).</li>
 * </ul>
 */
package org.fedwan.channel.lorawan;
