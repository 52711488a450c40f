/**
 * Radio energy: per-state current draw of LoRa transceivers and {@code E = V * I * t}.
 *
 * <p>{@link org.fedwan.channel.energy.RadioProfile} is an immutable record of supply voltage and
 * per-{@link org.fedwan.channel.energy.RadioState} currents (Semtech SX1276 and SX1262
 * datasheets, LoRaSim/FLoRa tables; lpwan-facts A5). Values tagged [U] there are defaults that
 * callers can replace with the {@code with...} copies. {@link org.fedwan.channel.energy.Energy}
 * holds the pure arithmetic {@code E = V * sum(I * t)}. MCU and sensor energy are not modelled
 * here.
 */
package org.fedwan.channel.energy;
