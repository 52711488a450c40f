/**
 * What happens at a gateway when frames overlap: the LoRaSim-style collision and capture rules
 * ({@link org.fedwan.channel.reception.Collisions} with a
 * {@link org.fedwan.channel.reception.CaptureRule}) and the gateway's limited number of
 * demodulation paths ({@link org.fedwan.channel.reception.DemodulatorPool}, 8 on an SX1301).
 * The rules are pure functions of start, end, received power and symbol time; the pool is state
 * that takes the current time as an argument.
 */
package org.fedwan.channel.reception;
