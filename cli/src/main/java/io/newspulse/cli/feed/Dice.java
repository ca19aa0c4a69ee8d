package io.newspulse.cli.feed;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Seeded choices and figures for the sample feed: the same seed gives the same feed. */
final class Dice {
    private final Random random;

    Dice(long seed) {
        this.random = new Random(seed);
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** Two different elements, in random order. */
    <T> List<T> pickTwo(List<T> options) {
        int a = random.nextInt(options.size());
        int b = (a + 1 + random.nextInt(options.size() - 1)) % options.size();
        return List.of(options.get(a), options.get(b));
    }

    /** An int in {@code [lo, hi]}. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    double between(double lo, double hi) {
        return lo + random.nextDouble() * (hi - lo);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    long nextLong() {
        return random.nextLong();
    }

    /** A figure in {@code [lo, hi]} with one decimal, never "0.0". */
    String one(double lo, double hi) {
        return fixed(Math.max(0.1, between(lo, hi)), 1);
    }

    /** A figure in {@code [lo, hi]} with two decimals, never "0.00". */
    String two(double lo, double hi) {
        return fixed(Math.max(0.01, between(lo, hi)), 2);
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
