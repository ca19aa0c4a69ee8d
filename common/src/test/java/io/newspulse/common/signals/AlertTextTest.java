package io.newspulse.common.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertTextTest {

    private static Signal signal(SignalType type, double value, double threshold, Object... kv) {
        Map<String, Double> measured = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            measured.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return new Signal(type, "x", value, threshold, measured, Map.of(), Severity.WARNING);
    }

    @ParameterizedTest(name = "{index}: {5}")
    @CsvSource(
            delimiter = '|',
            value = {
                "NVIDIA|company|14|4.2|2.1|Mentions of NVIDIA (company) jumped to 14 stories in"
                        + " the 1-minute window from 09:31 UTC, 4.2 standard deviations above its"
                        + " baseline of 2.1.",
                "Semiconductors|sector|1|3.04|0|Mentions of Semiconductors (sector) jumped to 1"
                        + " story in the 1-minute window from 09:31 UTC, 3.0 standard deviations"
                        + " above its baseline of 0.0.",
            })
    void mentionSpike(
            String name, String type, long stories, double z, double mean, String expected) {
        Signal s = signal(SignalType.MENTION_SPIKE, stories, 3, "z", z, "baseline_mean", mean);
        assertThat(
                        AlertText.mentionSpike(
                                name,
                                type,
                                Instant.parse("2025-03-03T09:31:00Z"),
                                Duration.ofMinutes(1),
                                s))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{index}: {6}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Tencent|company|5.3|5|-1|0|3|Tencent fell 5.3% (reported in 3 articles), beyond"
                        + " the 5% threshold for stocks.",
                "Nikkei 225|index|2|2|-1|0|1|Nikkei 225 fell 2% (reported in 1 article), at the"
                        + " 2% threshold for indices.",
                "SOXX|etf|3.25|3|1|0|2|SOXX rose 3.25% (reported in 2 articles), beyond the 3%"
                        + " threshold for ETFs.",
                "Cambricon|company|5|5|1|1|1|Cambricon hit its daily limit up (reported in 1"
                        + " article), counted as the 5% threshold for stocks.",
            })
    void priceMove(
            String name,
            String type,
            double value,
            double threshold,
            int direction,
            int limit,
            long articles,
            String expected) {
        Signal s =
                signal(
                        SignalType.PRICE_MOVE,
                        value,
                        threshold,
                        "direction",
                        direction,
                        "limit",
                        limit);
        assertThat(AlertText.priceMove(name, type, s, articles)).isEqualTo(expected);
    }

    @Test
    void aLimitMoveWithItsBoardsLimitNamesTheLimit() {
        Signal s = signal(SignalType.PRICE_MOVE, 20, 5, "direction", 1, "limit", 1, "percent", 20);
        assertThat(AlertText.priceMove("Cambricon", "company", s, 2))
                .isEqualTo(
                        "Cambricon hit its daily limit up, 20% on its board (reported in 2"
                                + " articles), beyond the 5% threshold for stocks.");
    }

    @ParameterizedTest(name = "{index}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "-0.62|0.10|Tone on Oracle turned negative: -0.62 against a baseline of +0.10.",
                "-0.70|-0.20|Tone on Oracle grew more negative: -0.70 against a baseline of"
                        + " -0.20.",
                "0.45|-0.05|Tone on Oracle turned positive: +0.45 against a baseline of -0.05.",
                "0.80|0.30|Tone on Oracle grew more positive: +0.80 against a baseline of +0.30.",
            })
    void toneShift(double tone, double baseline, String expected) {
        Signal s =
                signal(
                        SignalType.TONE_SHIFT,
                        Math.abs(tone - baseline),
                        0.4,
                        "tone",
                        tone,
                        "baseline_mean",
                        baseline,
                        "delta",
                        tone - baseline);
        assertThat(AlertText.toneShift("Oracle", s)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "PT1M, 1-minute",
        "PT5M, 5-minute",
        "PT1H, 1-hour",
        "PT30S, 30-second",
        "P1D, 1-day"
    })
    void windowLabel(Duration size, String label) {
        assertThat(AlertText.windowLabel(size)).isEqualTo(label);
    }
}
