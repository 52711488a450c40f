/**
 * Transitional: only {@link org.fedwan.fl.aggregate.FedAvg#averageBuffers} remains, forwarding to
 * {@link org.fedwan.fl.strategy.Averaging#averageBuffers} until the round controller calls the
 * {@code org.fedwan.fl.strategy} package directly. Server aggregation lives in
 * {@code org.fedwan.fl.strategy}.
 */
package org.fedwan.fl.aggregate;
