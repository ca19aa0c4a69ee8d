package io.newspulse.jobs.indexing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Monthly index names: a document goes to {@code <base>-<yyyy.MM>} of its time in UTC, for example
 * an article of 2026-12-06 to {@code newspulse-articles-2026.12}.
 *
 * <p>Retention deletes whole indices (ILM's delete phase), so one index per month lets old months
 * go while the recent ones stay. The time is one that never changes for a document id (an article's
 * event time, a window's start), so a rewrite of a document replaces it in the same index instead
 * of leaving a copy in another month. Templates, roles and data views cover {@link #pattern}, which
 * also matches an index named just {@code <base>}.
 */
public final class MonthlyIndex {
    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("uuuu.MM").withZone(ZoneOffset.UTC);

    private MonthlyIndex() {}

    /** The index of {@code time}: {@code <base>-<yyyy.MM>} in UTC. */
    public static String name(String base, Instant time) {
        checkBase(base);
        return base + "-" + MONTH.format(Objects.requireNonNull(time, "time"));
    }

    /** The pattern that matches every month of {@code base}: {@code <base>*}. */
    public static String pattern(String base) {
        checkBase(base);
        return base + "*";
    }

    /** The index chooser of a sink: each element to the month of its {@code time}. */
    public static <T> SerializableFunction<T, String> of(
            String base, SerializableFunction<T, Instant> time) {
        checkBase(base);
        Objects.requireNonNull(time, "time");
        return element -> name(base, time.apply(element));
    }

    private static void checkBase(String base) {
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("index name must not be null or blank");
        }
    }
}
