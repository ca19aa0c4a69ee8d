package io.newspulse.common.signals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The one English sentence that says why an alert fired. */
public final class AlertText {
    private static final DateTimeFormatter HOUR_MINUTE =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private AlertText() {}

    /**
     * "Mentions of NVIDIA (company) jumped to 14 stories in the 1-minute window from 09:31 UTC, 4.2
     * standard deviations above its baseline of 2.1."
     */
    public static String mentionSpike(
            String name, String entityType, Instant windowStart, Duration windowSize, Signal s) {
        long stories = Math.round(s.value());
        return String.format(
                Locale.ROOT,
                "Mentions of %s%s jumped to %d %s in the %s window from %s UTC, %.1f standard"
                        + " deviations above its baseline of %.1f.",
                name,
                entityType == null || entityType.isBlank() ? "" : " (" + entityType + ")",
                stories,
                stories == 1 ? "story" : "stories",
                windowLabel(windowSize),
                HOUR_MINUTE.format(windowStart),
                s.measured("z"),
                s.measured("baseline_mean"));
    }

    /**
     * "Tencent fell 5.3% (reported in 3 articles), beyond the 5% threshold for stocks." or, for a
     * limit move, "Cambricon hit its daily limit up, 20% on its board (reported in 1 article),
     * beyond the 5% threshold for stocks." (or "..., counted as the 5% threshold for stocks." when
     * the board's limit is not known)
     */
    public static String priceMove(String name, String entityType, Signal s, long articles) {
        boolean up = s.measured("direction") > 0;
        String reported =
                String.format(
                        Locale.ROOT,
                        "(reported in %d %s)",
                        articles,
                        articles == 1 ? "article" : "articles");
        String threshold =
                "the "
                        + number(s.threshold())
                        + "% threshold for "
                        + PriceMoveRule.AssetClass.of(entityType, s.entityId()).plural();
        if (s.measured("limit") > 0 && Double.isNaN(s.measured("percent"))) {
            return String.format(
                    Locale.ROOT,
                    "%s hit its daily limit %s %s, counted as %s.",
                    name,
                    up ? "up" : "down",
                    reported,
                    threshold);
        }
        String move =
                s.measured("limit") > 0
                        ? String.format(
                                Locale.ROOT,
                                "hit its daily limit %s, %s%% on its board",
                                up ? "up" : "down",
                                number(s.value()))
                        : (up ? "rose " : "fell ") + number(s.value()) + "%";
        return String.format(
                Locale.ROOT,
                "%s %s %s, %s %s.",
                name,
                move,
                reported,
                s.value() > s.threshold() ? "beyond" : "at",
                threshold);
    }

    /**
     * "Tone on Oracle turned negative: -0.62 against a baseline of +0.10." (the sign crossed) or
     * "Tone on Oracle grew more negative: -0.70 against a baseline of -0.20."
     */
    public static String toneShift(String name, Signal s) {
        double tone = s.measured("tone");
        double baseline = s.measured("baseline_mean");
        boolean down = s.measured("delta") < 0;
        boolean crossed = down ? tone < 0 && baseline >= 0 : tone > 0 && baseline <= 0;
        return String.format(
                Locale.ROOT,
                "Tone on %s %s %s: %+.2f against a baseline of %+.2f.",
                name,
                crossed ? "turned" : "grew more",
                down ? "negative" : "positive",
                tone,
                baseline);
    }

    /** "1-minute", "5-minute", "1-hour", "30-second", "1-day". */
    static String windowLabel(Duration size) {
        long s = size.toSeconds();
        if (s > 0 && s % 86_400 == 0) {
            return s / 86_400 + "-day";
        }
        if (s > 0 && s % 3_600 == 0) {
            return s / 3_600 + "-hour";
        }
        if (s > 0 && s % 60 == 0) {
            return s / 60 + "-minute";
        }
        if (s > 0 && size.toMillis() % 1000 == 0) {
            return s + "-second";
        }
        return size.toMillis() + "-millisecond";
    }

    /** Up to two decimals, no trailing zeros: 5, 5.3, 12.75. */
    static String number(double v) {
        return BigDecimal.valueOf(v)
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
