/**
 * Named random streams, one per (replication, entity, purpose), derived from one master seed by
 * hashing (DSOL's named streams per replication), so that adding a client or a metric moves no
 * other draw and compared scenarios share common random numbers.
 */
package org.fedwan.sim.random;
