package org.fedwan.sim.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.fedwan.sim.kernel.Entity;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.Simulation;
import java.lang.management.ThreadMXBean;

/**
 * Throughput and allocation benchmark of the event kernel ({@code ./fedwan bench kernel}).
 *
 * <p>Workload: {@code pendingTimers} self-rescheduling timers. Each timer is an {@link Entity}
 * that, when its reused {@link Event} fires, schedules the same event again after a
 * pseudo-random delay of 1 to 2048 microseconds from an xorshift64 sequence, so the event list
 * stays at {@code pendingTimers} events. The same run drives a bare
 * {@link java.util.PriorityQueue} loop doing the same work (poll a node, bump its time by the
 * next delay of an identical sequence, offer it back) with the same ordering
 * (time, priority, insertion sequence); after every repetition both must have reached the same
 * simulation time, which checks that they did the same work.
 *
 * <p>Each repetition measures both loops back to back, alternating which goes first, after two
 * warm-up repetitions. Reported are the medians over repetitions of kernel events/s, bare
 * events/s, the per-repetition ratio kernel/bare, and bytes allocated per kernel event (from
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}, NaN where the JVM
 * does not provide it). Wall-clock figures depend on the machine and its load; the ratio is the
 * figure to compare across machines.
 */
public final class KernelBenchmark {

    /** Default events per repetition for {@link #main(String[])}. */
    public static final long DEFAULT_EVENTS = 5_000_000L;
    /** Default number of measured repetitions for {@link #main(String[])}. */
    public static final int DEFAULT_REPETITIONS = 7;
    /** Timer counts measured by {@link #main(String[])}. */
    private static final int[] DEFAULT_TIMERS = {1, 10_000};
    private static final int WARM_UP_REPETITIONS = 2;
    private static final long XORSHIFT_SEED = 0x2545F4914F6CDD1DL;

    private KernelBenchmark() {
    }

    /**
     * Medians of one benchmark configuration.
     *
     * @param pendingTimers         events pending throughout the run
     * @param eventsPerRepetition   events processed per measured repetition and loop
     * @param repetitions           number of measured repetitions
     * @param kernelEventsPerSecond median events per second of the kernel
     * @param bareEventsPerSecond   median events per second of the bare PriorityQueue loop
     * @param ratio                 median of the per-repetition ratios kernel/bare
     * @param kernelBytesPerEvent   median heap bytes allocated per kernel event (NaN if the JVM
     *                              cannot measure it)
     */
    public record Result(int pendingTimers, long eventsPerRepetition, int repetitions,
                         double kernelEventsPerSecond, double bareEventsPerSecond, double ratio,
                         double kernelBytesPerEvent) {
    }

    /**
     * Runs one configuration: two warm-up repetitions, then {@code repetitions} measured ones.
     *
     * @param pendingTimers   number of self-rescheduling timers ({@code >= 1})
     * @param eventsToProcess events per repetition and loop ({@code >= 1})
     * @param repetitions     measured repetitions ({@code >= 1})
     * @return the medians
     * @throws IllegalArgumentException if an argument is out of range
     * @throws IllegalStateException    if the kernel and the bare loop diverge
     */
    public static Result run(int pendingTimers, long eventsToProcess, int repetitions) {
        if (pendingTimers < 1 || eventsToProcess < 1 || repetitions < 1) {
            throw new IllegalArgumentException("pendingTimers, eventsToProcess and repetitions "
                    + "must be >= 1 but were " + pendingTimers + ", " + eventsToProcess + ", "
                    + repetitions);
        }
        KernelLoop kernel = new KernelLoop(pendingTimers);
        BareLoop bare = new BareLoop(pendingTimers);
        for (int i = 0; i < WARM_UP_REPETITIONS; i++) {
            checkSameTime(kernel.process(eventsToProcess), bare.process(eventsToProcess));
        }
        double[] kernelRates = new double[repetitions];
        double[] bareRates = new double[repetitions];
        double[] ratios = new double[repetitions];
        double[] bytesPerEvent = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            long kernelNs;
            long bareNs;
            long kernelBytes;
            long kernelEndUs;
            long bareEndUs;
            if (r % 2 == 0) {
                long bytes0 = allocatedBytes();
                long t0 = System.nanoTime();
                kernelEndUs = kernel.process(eventsToProcess);
                long t1 = System.nanoTime();
                long bytes1 = allocatedBytes();
                bareEndUs = bare.process(eventsToProcess);
                long t2 = System.nanoTime();
                kernelNs = t1 - t0;
                bareNs = t2 - t1;
                kernelBytes = bytes1 - bytes0;
            } else {
                long t0 = System.nanoTime();
                bareEndUs = bare.process(eventsToProcess);
                long bytes1 = allocatedBytes();
                long t1 = System.nanoTime();
                kernelEndUs = kernel.process(eventsToProcess);
                long t2 = System.nanoTime();
                long bytes2 = allocatedBytes();
                bareNs = t1 - t0;
                kernelNs = t2 - t1;
                kernelBytes = bytes2 - bytes1;
            }
            checkSameTime(kernelEndUs, bareEndUs);
            kernelRates[r] = eventsToProcess * 1e9 / kernelNs;
            bareRates[r] = eventsToProcess * 1e9 / bareNs;
            ratios[r] = kernelRates[r] / bareRates[r];
            bytesPerEvent[r] = kernelBytes < 0 ? Double.NaN : (double) kernelBytes / eventsToProcess;
        }
        if (kernel.model.scheduler().pendingEvents() != pendingTimers) {
            throw new IllegalStateException("kernel event list size changed to "
                    + kernel.model.scheduler().pendingEvents() + " from " + pendingTimers);
        }
        return new Result(pendingTimers, eventsToProcess, repetitions, median(kernelRates),
                median(bareRates), median(ratios), median(bytesPerEvent));
    }

    /**
     * The figures {@code ./fedwan bench kernel} prints: the machine and one {@link Result} per timer count.
     *
     * @param eventsPerRepetition events per repetition and loop
     * @param repetitions         measured repetitions
     * @param javaVersion         {@code java.version}
     * @param cpus                available processors
     * @param results             one per timer count, 1 then 10,000 pending timers
     */
    public record Report(long eventsPerRepetition, int repetitions, String javaVersion, int cpus, List<Result> results) {

        public Report {
            results = List.copyOf(results);
        }
    }

    /**
     * Runs the benchmark for 1 and 10,000 pending timers.
     *
     * @param events      events per repetition and loop
     * @param repetitions measured repetitions
     * @return the figures
     */
    public static Report measure(long events, int repetitions) {
        List<Result> results = new ArrayList<>();
        for (int timers : DEFAULT_TIMERS) {
            results.add(run(timers, events, repetitions));
        }
        return new Report(events, repetitions, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                results);
    }

    /**
     * Prints {@code report} as a table.
     *
     * @param report the figures of {@link #measure}
     * @param out    where to print
     */
    public static void print(Report report, PrintStream out) {
        out.printf(Locale.ROOT,
                "FedWAN kernel benchmark: medians of %d repetitions x %,d events (Java %s, %d CPUs)%n",
                report.repetitions(), report.eventsPerRepetition(), report.javaVersion(), report.cpus());
        out.printf(Locale.ROOT, "%14s %18s %18s %12s %15s%n", "pending timers",
                "kernel events/s", "bare PQ events/s", "kernel/bare", "kernel B/event");
        for (Result result : report.results()) {
            out.printf(Locale.ROOT, "%,14d %,18.0f %,18.0f %12.2f %15.3f%n",
                    result.pendingTimers(), result.kernelEventsPerSecond(),
                    result.bareEventsPerSecond(), result.ratio(), result.kernelBytesPerEvent());
        }
    }

    /**
     * Runs the benchmark for 1 and 10,000 pending timers and prints a table to standard output.
     *
     * @param args optional: events per repetition (default {@value #DEFAULT_EVENTS}), then
     *             repetitions (default {@value #DEFAULT_REPETITIONS})
     */
    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_EVENTS;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_REPETITIONS;
        print(measure(events, repetitions), System.out);
    }

    private static void checkSameTime(long kernelEndUs, long bareEndUs) {
        if (kernelEndUs != bareEndUs) {
            throw new IllegalStateException("kernel and bare loop diverged: kernel at "
                    + kernelEndUs + " us, bare loop at " + bareEndUs + " us");
        }
    }

    /** @return bytes allocated so far by the current thread, or -1 if not measurable */
    static long allocatedBytes() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean sunBean
                && sunBean.isThreadAllocatedMemorySupported()
                && sunBean.isThreadAllocatedMemoryEnabled()) {
            return sunBean.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The delay sequence of both loops: xorshift64 (Marsaglia 2003, shifts 13, 7, 17). */
    static final class DelaySequence {

        private long state = XORSHIFT_SEED;

        /** @return the next delay, 1 to 2048 microseconds */
        long nextDelayUs() {
            long x = state;
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            state = x;
            return 1 + (x >>> 53);
        }
    }

    /** The kernel side: timers rescheduling their own event until a budget is spent. */
    static final class KernelLoop {

        final Simulation model;
        final DelaySequence delays = new DelaySequence();
        private long remaining;

        KernelLoop(int pendingTimers) {
            model = new Simulation("kernel-benchmark", 0L, 0);
            for (int i = 0; i < pendingTimers; i++) {
                Timer timer = new Timer(this, i);
                timer.tick.schedule(timer, delays.nextDelayUs());
            }
        }

        /** @return the simulation time after {@code events} more events */
        long process(long events) {
            remaining = events;
            model.scheduler().run();
            return model.nowUs();
        }

        void countDown() {
            if (--remaining == 0) {
                model.scheduler().stop();
            }
        }
    }

    /** A self-rescheduling timer. */
    static final class Timer extends Entity {

        final Tick tick;

        Timer(KernelLoop loop, long id) {
            super(loop.model, "timer", id);
            tick = new Tick(loop);
        }
    }

    /** The reused event of a {@link Timer}. */
    static final class Tick extends Event<Timer> {

        private final KernelLoop loop;

        Tick(KernelLoop loop) {
            super(loop.model, "tick");
            this.loop = loop;
        }

        @Override
        protected void eventRoutine(Timer who) {
            schedule(who, loop.delays.nextDelayUs());
            loop.countDown();
        }
    }

    /** A node of the bare loop. */
    static final class BareNode {

        long timeUs;
        final int priority;
        long sequence;

        BareNode(int priority) {
            this.priority = priority;
        }
    }

    /** The bare side: a {@link PriorityQueue} with the kernel's ordering. */
    static final class BareLoop {

        private static final Comparator<BareNode> ORDER = (a, b) -> {
            int byTime = Long.compare(a.timeUs, b.timeUs);
            if (byTime != 0) {
                return byTime;
            }
            int byPriority = Integer.compare(a.priority, b.priority);
            return byPriority != 0 ? byPriority : Long.compare(a.sequence, b.sequence);
        };

        private final PriorityQueue<BareNode> queue;
        private final DelaySequence delays = new DelaySequence();
        private long nextSequence;
        private long nowUs;

        BareLoop(int pendingTimers) {
            queue = new PriorityQueue<>(pendingTimers, ORDER);
            for (int i = 0; i < pendingTimers; i++) {
                BareNode node = new BareNode(0);
                node.timeUs = delays.nextDelayUs();
                node.sequence = nextSequence++;
                queue.offer(node);
            }
        }

        /** @return the time of the last node polled after {@code events} more polls */
        long process(long events) {
            PriorityQueue<BareNode> q = queue;
            long timeUs = nowUs;
            for (long i = 0; i < events; i++) {
                BareNode node = q.poll();
                timeUs = node.timeUs;
                node.timeUs = timeUs + delays.nextDelayUs();
                node.sequence = nextSequence++;
                q.offer(node);
            }
            nowUs = timeUs;
            return timeUs;
        }
    }
}
