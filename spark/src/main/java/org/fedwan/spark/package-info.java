/**
 * Sweeps on Apache Spark (RDD API): one task per run, computed by the same pure function as the
 * local pool, results collected and written by the driver. Spark may retry or duplicate a task;
 * since a run depends only on its resolved scenario, a duplicate gives the same bytes. Built only
 * with {@code mvn -Pspark}; Spark itself is a {@code provided} dependency.
 */
package org.fedwan.spark;
