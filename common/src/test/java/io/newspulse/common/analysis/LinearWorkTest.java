package io.newspulse.common.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.text.WorkMeter;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stage of analysis does work linear in its input, whatever the text: the work each stage
 * charges to its {@link WorkMeter} (characters scanned, automaton steps, mention lookups) at most
 * doubles, plus a constant, when a hostile input doubles (scaled by the exact lengths, which differ
 * a little from twice by whole repeated units). Counts, not time, so the test neither flakes on a
 * loaded machine nor needs inputs large enough to be slow.
 */
class LinearWorkTest {
    private static final DocumentAnalyzer ANALYZER =
            DocumentAnalyzer.create(KnowledgeBase.embedded());

    /** Work a document costs whatever its length (setting up, the title ...). */
    private static final long CONSTANT = 1_000;

    static Stream<Arguments> hostileInputs() {
        return HostileTexts.all().entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue(), size(e.getKey())));
    }

    /** Items of the lists (100,000 names sharing one move), characters of the others. */
    private static int size(String input) {
        return switch (input) {
            case "respectivelyList" -> 4_000;
            case "sharedMoveList" -> 100_000;
            default -> 40_000;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void doublingAHostileInputAtMostDoublesTheWork(
            String name, IntFunction<String> input, int size) {
        String once = input.apply(size);
        String twice = input.apply(2 * size);

        long workOnce = work(once);
        long workTwice = work(twice);

        assertThat(workOnce).as("work is counted").isGreaterThanOrEqualTo(once.length());
        // The longer input is about twice as long (whole repeated units): scale by the lengths.
        double scale = (double) twice.length() / once.length();
        assertThat((double) workTwice)
                .as(
                        "%s: %,d units for %,d chars, %,d for %,d",
                        name, workOnce, once.length(), workTwice, twice.length())
                .isLessThanOrEqualTo(scale * workOnce + CONSTANT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void aBudgetStopsTheAnalysisAndMarksItTruncated(
            String name, IntFunction<String> input, int size) {
        String text = input.apply(size);
        WorkMeter meter = WorkMeter.limited(text.length() * 2L, 0);

        DocumentAnalysis a = ANALYZER.analyze("Hostile", text, null, meter);

        assertThat(a.truncated()).isTrue();
        // Stages stop at their next check: the overrun is bounded by one stage's pass.
        assertThat(a.work()).isLessThan(text.length() * 12L);
    }

    private static long work(String body) {
        WorkMeter meter = WorkMeter.unlimited();
        DocumentAnalysis a = ANALYZER.analyze("Hostile", body, null, meter);
        assertThat(a.truncated()).isFalse();
        return meter.used();
    }
}
