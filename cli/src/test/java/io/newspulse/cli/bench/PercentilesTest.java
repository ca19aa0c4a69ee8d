package io.newspulse.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void nearestRankOfOneToOneThousand() {
        long[] values = LongStream.rangeClosed(1, 1_000).map(i -> 1_001 - i).toArray();
        Percentiles p = Percentiles.of(values);
        assertThat(p).isEqualTo(new Percentiles(1_000, 500, 990, 999, 1_000));
        assertThat(values[0]).as("input left unsorted").isEqualTo(1_000);
    }

    @Test
    void fewerThanAThousandValuesGiveTheMaximumAsP999() {
        Percentiles p = Percentiles.of(new long[] {30, 10, 20});
        assertThat(p).isEqualTo(new Percentiles(3, 20, 30, 30, 30));
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(Percentiles.of(new long[] {7})).isEqualTo(new Percentiles(1, 7, 7, 7, 7));
    }

    @Test
    void anEmptySampleHasNone() {
        Percentiles p = Percentiles.of(new long[0]);
        assertThat(p.count()).isZero();
        assertThat(p.describe()).contains("no samples");
    }

    @Test
    void aSampleGrowsPastItsInitialCapacity() {
        LatencySample s = new LatencySample();
        for (int i = 1; i <= 10_000; i++) {
            s.add(i);
        }
        assertThat(s.percentiles()).isEqualTo(new Percentiles(10_000, 5_000, 9_900, 9_990, 10_000));
    }
}
