/**
 * Codecs that turn a model's layers (weights, updates or gradients) into real byte arrays and back,
 * with exact bit accounting: the bytes a simulated radio sends are the bytes these classes produce.
 *
 * <p>A {@link org.fedwan.compression.ModelLayout} names the layers and tensors both ends agree on;
 * a {@link org.fedwan.compression.LayerCodec} (fp32, fp16, int8, int4, sign, topk) encodes one
 * layer's values into a {@link org.fedwan.compression.BitWriter}, statelessly and
 * deterministically; an {@link org.fedwan.compression.UpdateCodec} encodes every layer of a message.
 * Scenario names map to schemes and downlink codecs in one registry,
 * {@link org.fedwan.compression.scheme.Compression}. Sizes are
 * {@link org.fedwan.compression.BitCount} (payload / side) or, split by kind of side information,
 * {@link org.fedwan.compression.BitBreakdown}. {@link org.fedwan.compression.Integrity} is the
 * CRC-32 every scheme message starts with.
 *
 * <p>Stateful, layer-wise and stochastic schemes (XFL, QuantFL, OCTAV, FLQ, LAQ/QRR, error
 * feedback) are in {@link org.fedwan.compression.scheme}; accounting reports in
 * {@link org.fedwan.compression.accounting}; linear algebra for low-rank schemes in
 * {@link org.fedwan.compression.linalg}. This module is a leaf: it depends on nothing else of FedWAN.
 */
package org.fedwan.compression;
