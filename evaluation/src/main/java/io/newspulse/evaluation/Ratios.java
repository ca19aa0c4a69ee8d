package io.newspulse.evaluation;

/** Rounded ratios for reports. */
final class Ratios {
    private Ratios() {}

    /** {@code num / den} rounded to 3 decimals; 0 when {@code den} is 0. */
    static double ratio(long num, long den) {
        return den == 0 ? 0.0 : round((double) num / den);
    }

    /** Harmonic mean of precision and recall, rounded; 0 when both are 0. */
    static double f1(double p, double r) {
        return p + r == 0 ? 0.0 : round(2 * p * r / (p + r));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
