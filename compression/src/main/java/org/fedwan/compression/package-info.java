/**
 * Codecs that turn a model's layers (weights, updates or gradients) into real byte arrays and back,
 * with exact bit accounting: the bytes a simulated radio sends are the bytes these classes produce.
 *
 * <p>A {@link org.fedwan.compression.ModelLayout} names the layers and tensors both ends agree on;
 * a {@link org.fedwan.compression.LayerCodec} encodes one layer's values into a
 * {@link org.fedwan.compression.BitWriter}; an {@link org.fedwan.compression.UpdateCodec} encodes
 * every layer of a message; {@link org.fedwan.compression.CodecRegistry} maps scenario names to codecs.
 * This module is a leaf: it depends on nothing else of FedWAN.
 */
package org.fedwan.compression;
