package org.fedwan.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;

/**
 * Driver-side Spark listener that reports what the cluster did to a sweep: executors added and
 * lost, task attempts that failed (an executor lost with its worker, a crash), and runs that
 * succeeded on a later attempt. Each line is printed as the event arrives and kept for
 * {@link #lines()}. A task's run index is its partition index plus the first run index of its
 * batch, which the engine sets as the job's local property {@link #BATCH_FROM}.
 *
 * <p>Spark delivers these events on its listener-bus thread, in order per application
 * (org.apache.spark.scheduler.LiveListenerBus); the report never influences results.
 */
final class TaskReport extends SparkListener {

    /** Local property holding the sweep index of the batch's first run. */
    static final String BATCH_FROM = "fedwan.batch.from";

    private final PrintStream out;
    private final Map<Integer, Integer> stageFrom = new ConcurrentHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private int executorsAdded;
    private int executorsRemoved;
    private int failedAttempts;
    private int rerunOk;

    /** @param out where each line goes as it happens (the driver's standard error); null for none */
    TaskReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted e) {
        String from = e.properties() == null ? null : e.properties().getProperty(BATCH_FROM);
        if (from != null) {
            stageFrom.put(e.stageInfo().stageId(), Integer.parseInt(from));
        }
    }

    @Override
    public synchronized void onExecutorAdded(SparkListenerExecutorAdded e) {
        executorsAdded++;
        say(String.format(Locale.ROOT, "executor %s added on %s (%d cores)", e.executorId(), e.executorInfo().executorHost(),
                e.executorInfo().totalCores()));
    }

    @Override
    public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved e) {
        executorsRemoved++;
        say("executor " + e.executorId() + " removed: " + e.reason());
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
        TaskInfo t = e.taskInfo();
        String run = run(e.stageId(), t.index());
        if (t.successful()) {
            if (t.attemptNumber() > 0) {
                rerunOk++;
                say(String.format(Locale.ROOT, "%s done on executor %s at attempt %d (TID %d, stage %d)", run,
                        t.executorId(), t.attemptNumber() + 1, t.taskId(), e.stageId()));
            }
            return;
        }
        failedAttempts++;
        String reason = e.reason() instanceof TaskFailedReason f ? f.toErrorString() : String.valueOf(e.reason());
        say(String.format(Locale.ROOT, "%s failed on executor %s at attempt %d (TID %d, stage %d): %s; Spark runs it again",
                run, t.executorId(), t.attemptNumber() + 1, t.taskId(), e.stageId(), firstLine(reason)));
    }

    /** One line: executors added and lost, failed task attempts, runs that succeeded after a failed attempt. */
    synchronized String summary() {
        return String.format(Locale.ROOT, "spark: executors added %d, removed %d; failed task attempts %d; runs that "
                + "succeeded on a later attempt %d", executorsAdded, executorsRemoved, failedAttempts, rerunOk);
    }

    /** Every line reported so far, each starting with {@code spark: }. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized int failedAttempts() {
        return failedAttempts;
    }

    synchronized int rerunOk() {
        return rerunOk;
    }

    private String run(int stageId, int partition) {
        Integer from = stageFrom.get(stageId);
        return from == null ? "partition " + partition : "run " + (from + partition);
    }

    private void say(String line) {
        String l = "spark: " + line;
        lines.add(l);
        if (out != null) {
            out.println(l);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
