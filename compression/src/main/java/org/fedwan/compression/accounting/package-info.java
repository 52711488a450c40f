/**
 * Exact bit accounting of an uplink scheme and a downlink codec (each named as in a scenario, the
 * downlink by its own argument) on a model for one client and one round: uplink and downlink,
 * payload and side information by kind, per layer and in total, averaged over a layer cycle or a
 * codebook-refresh period; rendered as text or JSON (built by hand, numbers in
 * {@link java.util.Locale#ROOT} form). {@link org.fedwan.compression.accounting.Accounting#report}
 * is the entry point of the {@code accounting} command.
 */
package org.fedwan.compression.accounting;
