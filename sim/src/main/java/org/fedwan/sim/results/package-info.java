/**
 * What a run reports, as typed records streamed to listeners (CloudSim Plus' typed listeners,
 * style guide 11): a {@link org.fedwan.sim.results.FrameRecord} per radio frame and a
 * {@link org.fedwan.sim.results.RoundRecord} per FL round. Entities keep no history; sinks (CSV
 * writers, progress bars, tests) decide what to keep.
 */
package org.fedwan.sim.results;
