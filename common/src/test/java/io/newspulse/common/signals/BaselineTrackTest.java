package io.newspulse.common.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newspulse.common.signals.BaselineTrack.Kind;
import io.newspulse.common.signals.BaselineTrack.Step;
import org.junit.jupiter.api.Test;

class BaselineTrackTest {
    private static final long MINUTE = 60_000;
    private static final double ALPHA = 0.2;

    private static Step observe(BaselineTrack previous, long minute, double value) {
        return BaselineTrack.observe(previous, minute * MINUTE, MINUTE, value, true, ALPHA, true);
    }

    @Test
    void firstWindowIsJudgedAgainstAnEmptyBaseline() {
        Step step = observe(null, 0, 3);
        assertThat(step.kind()).isEqualTo(Kind.FIRST);
        assertThat(step.reference()).isEqualTo(EwmaBaseline.EMPTY);
        assertThat(step.track()).isEqualTo(new BaselineTrack(EwmaBaseline.EMPTY, 0, true, 3));
    }

    @Test
    void nextWindowFoldsInThePreviousOne() {
        BaselineTrack t = observe(null, 0, 3).track();
        Step step = observe(t, 1, 5);
        assertThat(step.kind()).isEqualTo(Kind.NEW_WINDOW);
        assertThat(step.reference()).isEqualTo(EwmaBaseline.EMPTY.update(3, ALPHA));
        assertThat(step.track().before()).isEqualTo(step.reference());
        assertThat(step.track().lastValue()).isEqualTo(5);
    }

    @Test
    void lateUpdateOfTheLastWindowReplacesItInsteadOfCountingTwice() {
        BaselineTrack t = observe(null, 0, 1).track();
        t = observe(t, 1, 1).track();
        t = observe(t, 2, 4).track();
        EwmaBaseline beforeWindow2 = t.before();

        Step revision = observe(t, 2, 9);
        assertThat(revision.kind()).isEqualTo(Kind.REVISION);
        assertThat(revision.reference()).isEqualTo(beforeWindow2);
        assertThat(revision.track().before()).isEqualTo(beforeWindow2);

        // Window 3 sees windows 0, 1 and 2 once each, with window 2's latest value.
        Step next = observe(revision.track(), 3, 1);
        EwmaBaseline expected =
                EwmaBaseline.EMPTY.update(1, ALPHA).update(1, ALPHA).update(9, ALPHA);
        assertThat(next.reference()).isEqualTo(expected);
        assertThat(next.reference().observations()).isEqualTo(3);
    }

    @Test
    void staleWindowIsJudgedAgainstTheCurrentBaselineAndChangesNothing() {
        BaselineTrack t = observe(observe(null, 0, 2).track(), 1, 3).track();
        Step stale = observe(t, 0, 10);
        assertThat(stale.kind()).isEqualTo(Kind.STALE);
        assertThat(stale.track()).isSameAs(t);
        assertThat(stale.reference()).isEqualTo(t.current(ALPHA));
    }

    @Test
    void missingWindowsDecayTheBaselineAsZeros() {
        BaselineTrack t = observe(null, 0, 4).track();
        Step step = observe(t, 6, 4);
        EwmaBaseline fed = EwmaBaseline.EMPTY.update(4, ALPHA);
        for (int i = 0; i < 5; i++) {
            fed = fed.update(0, ALPHA);
        }
        assertThat(step.reference().observations()).isEqualTo(6);
        assertThat(step.reference().mean()).isCloseTo(fed.mean(), within(1e-12));
        assertThat(step.reference().variance()).isCloseTo(fed.variance(), within(1e-12));
    }

    @Test
    void withoutDecayMissingAndUncountedWindowsLeaveTheBaselineAlone() {
        BaselineTrack t = BaselineTrack.observe(null, 0, MINUTE, 0.5, true, ALPHA, false).track();
        Step skipped = BaselineTrack.observe(t, 5 * MINUTE, MINUTE, -0.9, false, ALPHA, false);
        assertThat(skipped.reference()).isEqualTo(new EwmaBaseline(0.5, 0, 1));
        Step next =
                BaselineTrack.observe(skipped.track(), 9 * MINUTE, MINUTE, 0.1, true, ALPHA, false);
        assertThat(next.reference()).isEqualTo(new EwmaBaseline(0.5, 0, 1));
    }
}
