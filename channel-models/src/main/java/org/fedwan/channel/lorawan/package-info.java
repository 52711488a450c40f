/**
 * LoRaWAN MAC and regional parameters: data rates, regions, frame overhead, application-level
 * fragmentation of model updates, and duty-cycle accounting.
 *
 * <ul>
 *   <li>{@link org.fedwan.channel.lorawan.DataRate} and {@link org.fedwan.channel.lorawan.Region}:
 *       regional parameters as data (LoRaWAN Regional Parameters 1.0.3revA; LoRaMac-node
 *       {@code RegionEU868.h}, {@code RegionUS915.h}). A new region is one table.</li>
 *   <li>{@link org.fedwan.channel.lorawan.LorawanFrame}: PHY payload size from the FRMPayload
 *       (MHDR 1 + FHDR 7 + FOpts 0..15 + FPort 1 + MIC 4).</li>
 *   <li>{@link org.fedwan.channel.lorawan.Fragmentation} and
 *       {@link org.fedwan.channel.lorawan.Reassembler}: splitting a model-update message into
 *       real FRMPayload byte arrays with a 3-byte header, and putting it back together.</li>
 *   <li>{@link org.fedwan.channel.lorawan.DutyCycleLedger}: per-sub-band off-time bookkeeping;
 *       its state takes the current time as an argument and never reads a clock.</li>
 * </ul>
 */
package org.fedwan.channel.lorawan;
