package org.fedwan.sim.nbiot;

import java.util.List;
import org.fedwan.channel.nbiot.Phase;
import org.fedwan.channel.nbiot.PhaseKind;
import org.fedwan.channel.nbiot.PowerState;
import org.fedwan.channel.nbiot.Procedures;
import org.fedwan.sim.kernel.Event;
import org.fedwan.sim.kernel.Simulation;

/**
 * The program an {@link NbiotDevice} runs: a short list of segments (phase kind, power state, end
 * time), built from the same pure functions as the analytical model ({@link Procedures}) and played
 * by one reused event. Each segment's end charges its power state; after the last one the device
 * goes on with the program's {@link Step}. Building and running a program allocates nothing.
 */
final class SegmentProgram {

    /** Most segments in one program. */
    static final int MAX_SEGMENTS = 32;

    /** What a finished program continues with. */
    enum Step { NONE, SYNC_DONE, RANDOM_ACCESS_DONE, BACKOFF_DONE, UPLINK_BLOCK_DONE, DOWNLINK_BLOCK_DONE,
        INACTIVITY_DONE, RELEASE_DONE }

    private final NbiotDevice device;
    private final SegmentEnd segmentEnd;

    private final PhaseKind[] segKind = new PhaseKind[MAX_SEGMENTS];
    private final PowerState[] segState = new PowerState[MAX_SEGMENTS];
    private final long[] segEndUs = new long[MAX_SEGMENTS];
    private int segCount;
    private int segIndex;
    private long programCursorUs;
    private long segStartUs;
    private Step afterProgram = Step.NONE;

    SegmentProgram(NbiotDevice device, Simulation model) {
        this.device = device;
        this.segmentEnd = new SegmentEnd(model);
    }

    /** @return what the running program continues with ({@link Step#NONE} when none runs) */
    Step after() {
        return afterProgram;
    }

    /** Starts building a new program at {@code nowUs}. */
    void begin(long nowUs) {
        segCount = 0;
        segIndex = 0;
        programCursorUs = nowUs;
    }

    /** Appends a segment of {@code durationUs} in power state {@code s}; an empty one is left out. */
    void add(PhaseKind kind, PowerState s, long durationUs) {
        if (durationUs <= 0) {
            return;
        }
        if (segCount == MAX_SEGMENTS) {
            throw new IllegalStateException(device.name() + ": more than " + MAX_SEGMENTS + " segments in one program");
        }
        programCursorUs += durationUs;
        segKind[segCount] = kind;
        segState[segCount] = s;
        segEndUs[segCount] = programCursorUs;
        segCount++;
    }

    /** Appends every phase of {@code phases}. */
    void addAll(List<Phase> phases) {
        for (Phase p : phases) {
            add(p.kind(), p.state(), p.durationUs());
        }
    }

    /** Runs the program built; an empty program continues with {@code after} at once. */
    void run(Step after, long nowUs) {
        afterProgram = after;
        if (segCount == 0) {
            afterProgram = Step.NONE;
            device.programDone(after, nowUs);
            return;
        }
        startSegment(nowUs);
    }

    /** Drops the running program (the current segment is charged by the next power switch). */
    void interrupt() {
        segmentEnd.cancel();
        segCount = 0;
        segIndex = 0;
        afterProgram = Step.NONE;
    }

    /** The device died: the program stops. */
    void stop() {
        segmentEnd.cancel();
        segCount = 0;
        afterProgram = Step.NONE;
    }

    private void startSegment(long nowUs) {
        device.energy().switchTo(segState[segIndex], nowUs);
        if (device.isDead()) {
            return;
        }
        segStartUs = nowUs;
        segmentEnd.scheduleAt(device, segEndUs[segIndex]);
    }

    private final class SegmentEnd extends Event<NbiotDevice> {
        SegmentEnd(Simulation model) {
            super(model, "nbiot-segment-end");
        }

        @Override
        protected void eventRoutine(NbiotDevice who) {
            long nowUs = simulation().nowUs();
            PhaseKind kind = segKind[segIndex];
            segIndex++;
            device.energy().closeInterval(nowUs);
            if (device.isDead()) {
                return;
            }
            device.transfers().segmentEnded(kind, segStartUs, nowUs);
            if (device.isDead() || segCount == 0) {
                return;
            }
            if (segIndex < segCount) {
                startSegment(nowUs);
            } else {
                Step step = afterProgram;
                afterProgram = Step.NONE;
                segCount = 0;
                device.programDone(step, nowUs);
            }
        }
    }
}
