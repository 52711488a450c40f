/**
 * Radio propagation and geometry: where devices and gateways stand, how much signal the path
 * takes away, and the link budget that decides whether a frame arrives above sensitivity.
 *
 * <ul>
 *   <li>{@link org.fedwan.channel.propagation.PathLossModel}, one small interface with three
 *       records: {@link org.fedwan.channel.propagation.LogDistancePathLoss} (Bor et al. 2016
 *       constants by default, log10 as in the paper and FLoRa),
 *       {@link org.fedwan.channel.propagation.OkumuraHataPathLoss} (urban, small/medium city)
 *       and {@link org.fedwan.channel.propagation.FreeSpacePathLoss};</li>
 *   <li>{@link org.fedwan.channel.propagation.Shadowing}: log-normal shadowing whose draws come
 *       from a {@link java.util.random.RandomGenerator} the caller passes in;</li>
 *   <li>{@link org.fedwan.channel.propagation.LinkBudget}: received power and margin;</li>
 *   <li>{@link org.fedwan.channel.propagation.Position} and
 *       {@link org.fedwan.channel.propagation.Placement}: device placement in a disc (uniform in
 *       area), on a grid, or from listed coordinates; gateways on a sunflower spiral.</li>
 * </ul>
 * Everything here is a pure function or an immutable record; nothing reads a clock.
 */
package org.fedwan.channel.propagation;
