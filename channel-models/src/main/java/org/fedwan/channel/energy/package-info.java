/**
 * Device energy: per-state current draw of LoRa transceivers, the MCU, {@code E = V * I * t},
 * the radio state machine that accounts energy per state, and the battery.
 *
 * <p>{@link org.fedwan.channel.energy.RadioProfile} is an immutable record of supply voltage and
 * per-{@link org.fedwan.channel.energy.RadioState} currents (Semtech SX1276 and SX1262
 * datasheets, LoRaSim/FLoRa tables; lpwan-facts A5); {@link org.fedwan.channel.energy.McuProfile}
 * holds the MCU's active and sleep currents ([U] defaults). Values tagged [U] are defaults that
 * callers can replace. {@link org.fedwan.channel.energy.Energy} holds the pure arithmetic
 * {@code E = V * sum(I * t)}. {@link org.fedwan.channel.energy.EnergyMeter} is the radio state
 * machine (sleep, standby, TX, RX, plus MCU active/sleep) and
 * {@link org.fedwan.channel.energy.Battery} a fixed capacity that finds when it empties; both
 * take the current time as an argument.
 */
package org.fedwan.channel.energy;
