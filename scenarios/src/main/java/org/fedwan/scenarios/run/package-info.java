/**
 * Running a scenario: loading its data, driving the co-simulation, and writing the result tables
 * ({@code rounds.csv}, {@code transmissions.csv}), {@code summary.json} and the figures. Tables are
 * written under a temporary name and renamed when complete, so a file with the final name is
 * always whole.
 */
package org.fedwan.scenarios.run;
