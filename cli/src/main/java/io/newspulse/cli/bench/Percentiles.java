package io.newspulse.cli.bench;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a sample of latencies in milliseconds: the p-th percentile is the
 * smallest value with at least p % of the sample at or below it, so p99.9 of fewer than 1,000
 * values is the maximum. Empty samples have no percentiles ({@code count} 0, values -1).
 *
 * @param count sample size
 * @param p50 median
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max largest value
 */
public record Percentiles(int count, long p50, long p99, long p999, long max) {

    /** Percentiles of {@code values} (not modified). */
    public static Percentiles of(long[] values) {
        if (values.length == 0) {
            return new Percentiles(0, -1, -1, -1, -1);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(
                sorted.length,
                rank(sorted, 500),
                rank(sorted, 990),
                rank(sorted, 999),
                sorted[sorted.length - 1]);
    }

    /**
     * The nearest-rank percentile of a sorted, non-empty sample, given in per mille (990 is p99),
     * in integers: 99.9 % of 1,000 in doubles is a hair above 999.
     */
    static long rank(long[] sorted, int perMille) {
        long rank = ((long) perMille * sorted.length + 999) / 1000;
        return sorted[(int) Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** {@code p50/p99/p99.9/max ms (n)}, or {@code -} for an empty sample. */
    public String describe() {
        if (count == 0) {
            return "- (no samples)";
        }
        return String.format("%,d / %,d / %,d / %,d ms (n=%,d)", p50, p99, p999, max, count);
    }
}
