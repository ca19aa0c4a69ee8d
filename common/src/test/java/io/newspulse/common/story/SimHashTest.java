package io.newspulse.common.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.text.Hash64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SimHash#of} against the textbook vote over the same features and feature hash: +1 or -1
 * per feature and bit, the sign decides.
 */
class SimHashTest {
    private static final String ALPHABET =
            "abcXYZ0129 ,.-%腾讯控股涨跌停板块銀行股アرتفعالسهم\u3000\u0660\u0669";

    @Test
    void equalsTheTextbookVoteOnRandomTexts() {
        Random random = new Random(20261206L);
        for (int t = 0; t < 2_000; t++) {
            int length = random.nextInt(t < 1_000 ? 40 : 3_000);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String s = text.toString();
            assertThat(SimHash.of(s)).as("SimHash of \"%s\"", s).isEqualTo(textbook(s));
        }
    }

    @Test
    void countersAddUpTiesAndLongRuns() {
        SimHash.BitCounters counters = new SimHash.BitCounters();
        assertThat(counters.majority()).isZero();
        counters.add(0b1011L);
        counters.add(0b0011L);
        // a tie is not a majority: bit 3 set in 1 of 2
        assertThat(counters.majority()).isEqualTo(0b0011L);
        SimHash.BitCounters many = new SimHash.BitCounters();
        for (int i = 0; i < 100_001; i++) {
            many.add(i % 2 == 0 ? -1L : Long.MIN_VALUE);
        }
        // all bits in 50,001 of 100,001; the top bit in all of them
        assertThat(many.majority()).isEqualTo(-1L);
        for (int i = 0; i < 2; i++) {
            many.add(Long.MIN_VALUE);
        }
        // now 50,001 of 100,003 for the low bits: not a majority
        assertThat(many.majority()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void noFeatureGivesZero() {
        assertThat(SimHash.of("")).isZero();
        assertThat(SimHash.of(" ,.、。 ")).isZero();
    }

    /** The definition, one vote per feature and bit. */
    private static long textbook(String s) {
        int[] votes = new int[64];
        boolean any = false;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (SimHash.isHan(c)) {
                if (i + 1 < n && SimHash.isHan(s.charAt(i + 1))) {
                    vote(votes, Hash64.of(s, i, i + 2));
                    any = true;
                }
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n
                        && Character.isLetterOrDigit(s.charAt(i))
                        && !SimHash.isHan(s.charAt(i))) {
                    i++;
                }
                vote(votes, Hash64.of(s, start, i));
                any = true;
            } else {
                i++;
            }
        }
        long h = 0;
        for (int b = 0; any && b < 64; b++) {
            if (votes[b] > 0) {
                h |= 1L << b;
            }
        }
        return h;
    }

    private static void vote(int[] votes, long h) {
        for (int b = 0; b < 64; b++) {
            votes[b] += ((h >>> b) & 1L) == 1L ? 1 : -1;
        }
    }
}
