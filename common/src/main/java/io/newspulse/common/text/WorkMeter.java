package io.newspulse.common.text;

/**
 * Counts the work of analysing one document and says when its budget is spent.
 *
 * <p>A unit of work is one character scanned or one automaton step, whichever a stage does: the
 * automaton passes charge the length of the text they read, a window check the length of its
 * window, a mention lookup the mentions it visits (a binary search counts as one lookup). The count
 * is deterministic for a given text and configuration, so tests can check that a stage's work grows
 * no faster than its input, and a budget in units truncates the same article at the same place on
 * every run.
 *
 * <p>A meter may also carry a wall-clock deadline, checked every {@value #CLOCK_EVERY} units: a
 * second guard, not deterministic. Once the budget or the deadline is spent the meter stays
 * exhausted; stages then stop and return what they have found so far.
 *
 * <p>Not thread-safe: one meter per document being analysed.
 */
public final class WorkMeter {
    /** Units between two looks at the clock. */
    static final int CLOCK_EVERY = 1 << 16;

    private final long limit;
    private final long deadline;
    private final boolean timed;
    private long used;
    private long nextClockCheck = CLOCK_EVERY;
    private boolean exhausted;

    private WorkMeter(long limit, long deadline, boolean timed) {
        this.limit = limit;
        this.deadline = deadline;
        this.timed = timed;
    }

    /** A meter that counts but never runs out. */
    public static WorkMeter unlimited() {
        return new WorkMeter(Long.MAX_VALUE, 0, false);
    }

    /**
     * A meter that runs out after {@code maxUnits} units of work or {@code maxNanos} nanoseconds
     * from now, whichever comes first.
     *
     * @param maxUnits work budget; {@code <= 0} for none
     * @param maxNanos time budget; {@code <= 0} for none
     */
    public static WorkMeter limited(long maxUnits, long maxNanos) {
        long limit = maxUnits > 0 ? maxUnits : Long.MAX_VALUE;
        return maxNanos > 0
                ? new WorkMeter(limit, System.nanoTime() + maxNanos, true)
                : new WorkMeter(limit, 0, false);
    }

    /** Records {@code units} of work. */
    public void charge(long units) {
        used += units;
        if (used > limit) {
            exhausted = true;
        } else if (timed && used >= nextClockCheck) {
            nextClockCheck = used + CLOCK_EVERY;
            if (System.nanoTime() - deadline > 0) {
                exhausted = true;
            }
        }
    }

    /** Whether the budget is spent: stages stop and keep what they found. */
    public boolean exhausted() {
        return exhausted;
    }

    /** Units of work recorded so far. */
    public long used() {
        return used;
    }
}
