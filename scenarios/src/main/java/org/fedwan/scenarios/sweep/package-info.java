/**
 * What-if sweeps: a sweep file names a base scenario and the parameters to vary (cartesian grid,
 * zipped lists, explicit points) and the replications per point; the driver runs every
 * (point, replication) with common random numbers across points, keeps one result folder per run,
 * resumes after an interruption, and aggregates {@code sweep.csv} (mean, standard deviation and
 * 95 % confidence interval across replications of every summary metric).
 */
package org.fedwan.scenarios.sweep;
