package org.fedwan.sim.bench;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.fedwan.results.EnergyState;
import org.fedwan.results.FrameOutcome;
import org.fedwan.results.LossCause;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.link.BackgroundReport;
import org.fedwan.sim.link.LinkEvents;
import org.fedwan.sim.link.LinkGroup;
import org.fedwan.sim.link.LinkPlan;
import org.fedwan.sim.link.Upload;

/**
 * What background sensors cost an FL run's network (issue 14: "background traffic of 1,000
 * devices adds at most 2x to an FL run's network time"): the scenario's link groups driven
 * through its rounds without training (every client sends an update of the given size at the
 * round's start, the round closes when every update has arrived or is lost, then the model is
 * broadcast), with no sensors, with {@link #SENSORS} simulated by the links' default engine (bulk
 * for LoRaWAN) and with as many simulated as scheduled events (the reference engine). Timing is in
 * the steady state: the three set-ups run in turn, untimed, for at least {@link #WARM_UP_NS} and
 * {@link #WARM_UPS} turns and until the JIT compiler has been idle for {@link #QUIET_NS} (at most
 * {@link #MAX_WARM_UP_NS}), then {@link #REPEATS} timed turns; each set-up reports the median wall
 * time and the median CPU time of the benchmark's thread, the simulated time of the rounds, the
 * updates lost and the sensors' PDR, and the machine's load average while it ran. Timings depend on
 * the machine and its load; never asserted in unit tests.
 */
public final class BackgroundBenchmark {

    /** Sensors of the loaded runs. */
    public static final int SENSORS = 1_000;
    /** Timed runs per set-up; the medians are reported. */
    public static final int REPEATS = 21;
    /** Untimed turns of every set-up first (at least), so that all are timed with the code compiled alike. */
    public static final int WARM_UPS = 20;
    /** Untimed turns go on until this much time has passed, ns (the JIT compiles the sensors' code too). */
    public static final long WARM_UP_NS = 3_000_000_000L;
    /**
     * Untimed turns go on until the JIT has compiled nothing for this long, ns: a set-up timed while
     * its code is still being recompiled measured the compiler, not the network (seen: the first
     * set-up of a process at 2.13x in one run, 1.79x and 1.89x in the two next, its CPU time alike).
     */
    public static final long QUIET_NS = 1_000_000_000L;
    /** The longest warm-up, ns, should the JIT never fall quiet (it is then timed as it is). */
    public static final long MAX_WARM_UP_NS = 20_000_000_000L;
    /** The bound on the wall-time ratio. */
    public static final double BOUND = 2.0;

    /** CPU time of the benchmark's thread. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BackgroundBenchmark() {
    }

    /**
     * One run of the network.
     *
     * @param sensors    background_devices of the run
     * @param wallS      wall time, s
     * @param cpuS       CPU time of the running thread, s (less sensitive than wall time to other processes)
     * @param simulatedS simulated time at the end of the last round, s
     * @param events     kernel events fired
     * @param lost       updates lost
     * @param framesLost the clients' uplink frames lost on the air
     * @param background the sensors' report
     */
    public record Run(int sensors, double wallS, double cpuS, double simulatedS, long events, int lost, long framesLost,
            BackgroundReport background) {
    }

    /**
     * Runs the scenario's network once.
     *
     * @param scenario     the scenario (rounds, clients, protocol, link and background keys)
     * @param links        the link groups of a run ({@code org.fedwan.sim.Protocols::groups})
     * @param sensors      background_devices
     * @param updateBytes  bytes of every client's update
     * @param modelBytes   bytes of the broadcast model
     * @return the run
     */
    public static Run once(Scenario scenario, LinkPlan links, int sensors, int updateBytes, int modelBytes) {
        return once(scenario, links, sensors, updateBytes, modelBytes, (client, energyJ) -> { });
    }

    /**
     * Runs the scenario's network once, passing on the clients' energy ledger.
     *
     * @param ledger told of every energy row the links report: the client and joules
     * @see #once(Scenario, LinkPlan, int, int, int)
     */
    public static Run once(Scenario scenario, LinkPlan links, int sensors, int updateBytes, int modelBytes,
            BiConsumer<Integer, Double> ledger) {
        long startNs = System.nanoTime();
        long startCpuNs = THREADS.getCurrentThreadCpuTime();
        Scenario s = scenario.with("background_devices", sensors);
        Simulation sim = new Simulation(s.run().name(), s.run().seed(), s.run().replication());
        EnergyOnly events = new EnergyOnly(ledger, new long[1]);
        List<LinkGroup> groups = links.groups(sim, s, events);
        Driver driver = new Driver(sim, groups, s.run().rounds(), new byte[updateBytes], new byte[modelBytes]);
        sim.scheduler().schedule(0, 0, driver::startRound);
        sim.scheduler().run();
        BackgroundReport report = BackgroundReport.NONE;
        for (LinkGroup g : groups) {
            g.finish(sim.nowUs());
            report = report.plus(g.background(sim.nowUs()));
        }
        return new Run(sensors, (System.nanoTime() - startNs) / 1e9, (THREADS.getCurrentThreadCpuTime() - startCpuNs) / 1e9,
                sim.nowUs() / 1e6,
                sim.scheduler().eventsProcessed(), driver.lost, events.framesLost()[0], report);
    }

    /** The median wall and CPU times of {@code runs} (every run simulates the same, being seeded alike). */
    private static Run median(List<Run> runs) {
        double[] wallS = runs.stream().mapToDouble(Run::wallS).sorted().toArray();
        double[] cpuS = runs.stream().mapToDouble(Run::cpuS).sorted().toArray();
        Run r = runs.get(0);
        return new Run(r.sensors(), wallS[wallS.length / 2], cpuS[cpuS.length / 2], r.simulatedS(), r.events(), r.lost(),
                r.framesLost(), r.background());
    }

    /**
     * The figures {@code ./fedwan bench background} prints for one scenario.
     *
     * @param scenario    the scenario's name
     * @param protocol    its clients' protocol (link key {@code protocol})
     * @param rounds      its rounds
     * @param updateBytes bytes of every client's update
     * @param modelBytes  bytes of the broadcast model
     * @param loadBefore  system load average (1 min) before the warm-ups (NaN where the platform has none)
     * @param loadAfter   the same after the last timed run
     * @param cores       available processors
     * @param warmUpS     how long the untimed turns ran, s
     * @param clients     its clients
     * @param none        the median run without sensors
     * @param loaded      the median run with {@link #SENSORS} (the default engine: bulk for LoRaWAN)
     * @param reference   the median run with {@link #SENSORS} as scheduled events (the reference engine), or null
     *                    where the default engine is the event engine (NB-IoT)
     */
    public record Comparison(String scenario, String protocol, int rounds, int clients, int updateBytes, int modelBytes,
            double loadBefore, double loadAfter, int cores, double warmUpS, Run none, Run loaded, Run reference) {

        /** @return the median wall time with sensors over the one without */
        public double wallRatio() {
            return loaded.wallS() / none.wallS();
        }

        /** @return whether {@link #wallRatio()} is within {@link #BOUND} */
        public boolean boundMet() {
            return wallRatio() <= BOUND;
        }

        /** @return the median CPU time with sensors over the one without */
        public double cpuRatio() {
            return loaded.cpuS() / none.cpuS();
        }

        /** @return kernel events with sensors over without */
        public double eventsRatio() {
            return (double) loaded.events() / none.events();
        }

        /** @return the median wall time with the sensors as scheduled events over the one without sensors (NaN: no reference) */
        public double referenceWallRatio() {
            return reference == null ? Double.NaN : reference.wallS() / none.wallS();
        }

        /** @return the median CPU time with the sensors as scheduled events over the one without sensors (NaN: no reference) */
        public double referenceCpuRatio() {
            return reference == null ? Double.NaN : reference.cpuS() / none.cpuS();
        }

        /** @return the runs timed: without sensors, with them, and as events where that is another engine */
        public List<Run> runs() {
            return reference == null ? List.of(none, loaded) : List.of(none, loaded, reference);
        }

        /** @return simulated time with sensors over without */
        public double simulatedRatio() {
            return loaded.simulatedS() / none.simulatedS();
        }
    }

    /**
     * Warms up and measures with no sensors, with {@link #SENSORS} (default engine) and with
     * {@link #SENSORS} as scheduled events, printing nothing.
     *
     * @param scenario    the FL run whose network is timed
     * @param protocol    its clients' protocol, as reported (the link key {@code protocol})
     * @param links       the link groups of a run, sensors by the default engine
     * @param reference   the link groups of a run, sensors as scheduled events; null where {@code links} schedules
     *                    them already (NB-IoT)
     * @param updateBytes bytes of every client's update
     * @param modelBytes  bytes of the broadcast model
     * @return the figures
     */
    public static Comparison measure(Scenario scenario, String protocol, LinkPlan links, LinkPlan reference,
            int updateBytes, int modelBytes) {
        double loadBefore = loadAverage();
        long startNs = System.nanoTime();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long compiledMs = jitTimed ? jit.getTotalCompilationTime() : 0;
        long quietSinceNs = startNs;
        for (int i = 0; true; i++) {
            long nowNs = System.nanoTime();
            if (jitTimed && jit.getTotalCompilationTime() != compiledMs) {
                compiledMs = jit.getTotalCompilationTime();
                quietSinceNs = nowNs;
            }
            boolean warm = i >= WARM_UPS && nowNs - startNs >= WARM_UP_NS && nowNs - quietSinceNs >= QUIET_NS;
            if (warm || nowNs - startNs >= MAX_WARM_UP_NS) {
                break;
            }
            once(scenario, links, 0, updateBytes, modelBytes);
            once(scenario, links, SENSORS, updateBytes, modelBytes);
            if (reference != null) {
                once(scenario, reference, SENSORS, updateBytes, modelBytes);
            }
        }
        double warmUpS = (System.nanoTime() - startNs) / 1e9;
        List<Run> none = new ArrayList<>();
        List<Run> loaded = new ArrayList<>();
        List<Run> events = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            none.add(once(scenario, links, 0, updateBytes, modelBytes));
            loaded.add(once(scenario, links, SENSORS, updateBytes, modelBytes));
            if (reference != null) {
                events.add(once(scenario, reference, SENSORS, updateBytes, modelBytes));
            }
        }
        return new Comparison(scenario.run().name(), protocol, scenario.run().rounds(),
                scenario.policy().clients(), updateBytes, modelBytes, loadBefore, loadAverage(),
                Runtime.getRuntime().availableProcessors(), warmUpS, median(none), median(loaded),
                reference == null ? null : median(events));
    }

    /**
     * Prints {@code c} as a table and the ratio.
     *
     * @param c   the figures of {@link #measure}
     * @param out where to print
     */
    public static void print(Comparison c, PrintStream out) {
        out.println(String.format(Locale.ROOT, "%s: %d rounds, %d clients (%s), %,d-byte updates, %,d-byte model; load "
                + "average (1 min) %.2f before, %.2f after, %d cores; warm-up %.1f s", c.scenario(), c.rounds(), c.clients(),
                c.protocol(), c.updateBytes(), c.modelBytes(), c.loadBefore(), c.loadAfter(), c.cores(), c.warmUpS()));
        out.println("| sensors | engine | wall time (median of " + REPEATS + ") | CPU time (median) | events | simulated "
                + "| updates lost | client frames lost | sensors' PDR |");
        out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        String[] engines = {"-", "default", "events"};
        List<Run> runs = c.runs();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            out.println(String.format(Locale.ROOT, "| %,d | %s | %.3f ms | %.3f ms | %,d | %.1f s | %d | %d | %s |", r.sensors(),
                    engines[i], r.wallS() * 1e3, r.cpuS() * 1e3, r.events(), r.simulatedS(), r.lost(), r.framesLost(),
                    r.sensors() == 0 ? "-" : String.format(Locale.ROOT, "%.4f", r.background().packetDeliveryRatio())));
        }
        out.println(String.format(Locale.ROOT, "network wall time with %,d sensors / without: %.2fx (bound %.1fx: %s); "
                + "CPU time %.2fx; events %.2fx; simulated time %.2fx; %s", SENSORS, c.wallRatio(), BOUND,
                c.boundMet() ? "met" : "NOT met", c.cpuRatio(), c.eventsRatio(), c.simulatedRatio(), c.reference() == null
                        ? "the default engine schedules the sensors as events"
                        : String.format(Locale.ROOT, "sensors as events: wall %.2fx, CPU %.2fx", c.referenceWallRatio(),
                                c.referenceCpuRatio())));
    }

    /** @return the system load average of the last minute (NaN where the platform has none) */
    private static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }

    /** Rounds without training: send, wait until every update settled, broadcast, next round. */
    private static final class Driver {
        private final Simulation sim;
        private final List<LinkGroup> groups;
        private final int rounds;
        private final byte[] update;
        private final byte[] model;
        private int round;
        private int unsettled;
        private int pendingBroadcasts;
        int lost;

        Driver(Simulation sim, List<LinkGroup> groups, int rounds, byte[] update, byte[] model) {
            this.sim = sim;
            this.groups = groups;
            this.rounds = rounds;
            this.update = update;
            this.model = model;
        }

        void startRound() {
            round++;
            for (LinkGroup g : groups) {
                unsettled += g.size();
            }
            for (LinkGroup g : groups) {
                for (int c = g.firstClient(); c < g.firstClient() + g.size(); c++) {
                    g.link(c).send(update, round & 0xFF, new Upload() {
                        @Override
                        public void delivered(byte[] received) {
                            settled();
                        }

                        @Override
                        public void lost(LossCause cause) {
                            lost++;
                            settled();
                        }
                    });
                }
            }
        }

        private void settled() {
            if (--unsettled > 0) {
                return;
            }
            pendingBroadcasts = groups.size();
            for (LinkGroup g : groups) {
                g.broadcast(model, round & 0xFF, () -> sim.scheduler().schedule(sim.nowUs(), 0, this::broadcastDone));
            }
        }

        private void broadcastDone() {
            if (--pendingBroadcasts > 0) {
                return;
            }
            for (LinkGroup g : groups) {
                g.reportEnergy(sim.nowUs());
            }
            if (round < rounds) {
                // the next round starts once every frame of this one is off the air
                sim.scheduler().schedule(sim.nowUs(), 0, this::nextRoundWhenIdle);
            } else {
                sim.scheduler().stop();
            }
        }

        private void nextRoundWhenIdle() {
            for (LinkGroup g : groups) {
                for (int c = g.firstClient(); c < g.firstClient() + g.size(); c++) {
                    if (g.link(c).isSending()) {
                        sim.scheduler().schedule(sim.nowUs() + 1_000, 0, this::nextRoundWhenIdle);
                        return;
                    }
                }
            }
            startRound();
        }
    }

    /** Links report frames into a count of lost ones (the benchmark times the network alone) and energy to a ledger. */
    private record EnergyOnly(BiConsumer<Integer, Double> ledger, long[] framesLost) implements LinkEvents {
        @Override
        public void uplinkFrame(int client, int fragment, long startUs, long endUs, int phyBytes, int frmBytes,
                double energyJ, FrameOutcome outcome) {
            if (outcome != FrameOutcome.DELIVERED) {
                framesLost[0]++;
            }
        }

        @Override
        public void broadcastSent(long phyBytes) {
        }

        @Override
        public void downlinkFrame(int client, int fragment, long startUs, long endUs, int phyBytes, int frmBytes,
                double energyJ) {
        }

        @Override
        public void energy(int client, EnergyState state, long startUs, long endUs, double energyJ, double txPowerDbm) {
            ledger.accept(client, energyJ);
        }
    }
}
