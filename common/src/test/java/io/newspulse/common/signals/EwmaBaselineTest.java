package io.newspulse.common.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EwmaBaselineTest {

    @ParameterizedTest(name = "N={0} -> alpha {1}")
    @CsvSource({"1, 1.0", "9, 0.2", "19, 0.1", "60, 0.03278688524590164"})
    void alphaIsTwoOverNPlusOne(int horizon, double alpha) {
        assertThat(EwmaBaseline.alpha(horizon)).isCloseTo(alpha, within(1e-12));
    }

    @Test
    void alphaRejectsAnEmptyHorizon() {
        assertThatThrownBy(() -> EwmaBaseline.alpha(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizonWindows must be >= 1");
    }

    @Test
    void firstObservationSetsTheMeanWithZeroVariance() {
        assertThat(EwmaBaseline.EMPTY.update(7, 0.1)).isEqualTo(new EwmaBaseline(7, 0, 1));
    }

    static Stream<Arguments> updates() {
        // alpha 0.5; hand-computed with diff = x - mean, mean += a*diff, var = (1-a)(var +
        // a*diff^2)
        return Stream.of(
                arguments(new double[] {2}, 2.0, 0.0),
                arguments(new double[] {2, 4}, 3.0, 1.0),
                arguments(new double[] {2, 4, 0}, 1.5, 2.75),
                arguments(new double[] {5, 5, 5, 5}, 5.0, 0.0));
    }

    @ParameterizedTest(name = "{index}: mean {1}, variance {2}")
    @MethodSource("updates")
    void updateFollowsTheIncrementalEwma(double[] xs, double mean, double variance) {
        EwmaBaseline b = EwmaBaseline.EMPTY;
        for (double x : xs) {
            b = b.update(x, 0.5);
        }
        assertThat(b.mean()).isCloseTo(mean, within(1e-12));
        assertThat(b.variance()).isCloseTo(variance, within(1e-12));
        assertThat(b.observations()).isEqualTo(xs.length);
        assertThat(b.std()).isCloseTo(Math.sqrt(variance), within(1e-12));
    }

    static Stream<Arguments> decays() {
        return Stream.of(
                arguments(new EwmaBaseline(2.0, 1.0, 30), 0, 0.1),
                arguments(new EwmaBaseline(2.0, 1.0, 30), 1, 0.1),
                arguments(new EwmaBaseline(2.0, 1.0, 30), 7, 0.1),
                arguments(new EwmaBaseline(14.0, 0.0, 3), 25, 2.0 / 61),
                arguments(new EwmaBaseline(0.3, 0.2, 100), 200, 2.0 / 61),
                arguments(EwmaBaseline.EMPTY, 4, 0.2));
    }

    @ParameterizedTest(name = "{index}: {0} after {1} empty windows")
    @MethodSource("decays")
    void decayEqualsFeedingZeros(EwmaBaseline start, int missing, double alpha) {
        EwmaBaseline fed = start;
        for (int i = 0; i < missing; i++) {
            fed = fed.update(0, alpha);
        }
        EwmaBaseline decayed = start.decay(missing, alpha);
        assertThat(decayed.mean()).isCloseTo(fed.mean(), within(1e-9));
        assertThat(decayed.variance()).isCloseTo(fed.variance(), within(1e-9));
        assertThat(decayed.observations()).isEqualTo(fed.observations());
    }

    static Stream<Arguments> zScores() {
        return Stream.of(
                // baseline, x, floor, z
                arguments(new EwmaBaseline(2, 4, 10), 8.0, 0.0, 3.0),
                arguments(new EwmaBaseline(2, 4, 10), 0.0, 0.0, -1.0),
                arguments(new EwmaBaseline(1, 0, 10), 1.0, 0.0, 0.0),
                arguments(new EwmaBaseline(1, 0, 10), 2.0, 0.0, Double.POSITIVE_INFINITY),
                arguments(new EwmaBaseline(1, 0, 10), 3.0, 0.5, 4.0),
                arguments(new EwmaBaseline(1, 0.01, 10), 3.0, 0.5, 4.0),
                arguments(new EwmaBaseline(1, 4, 10), 3.0, 0.5, 1.0));
    }

    @ParameterizedTest(name = "{index}: z({1}) of {0} with floor {2} = {3}")
    @MethodSource("zScores")
    void zScoreGuardsAFlatBaseline(EwmaBaseline b, double x, double floor, double z) {
        assertThat(b.zScore(x, floor)).isEqualTo(z);
        if (floor == 0) {
            assertThat(b.zScore(x)).isEqualTo(z);
        }
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> new EwmaBaseline(Double.NaN, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new EwmaBaseline(0, -1, 0))
                .hasMessageContaining("variance must be >= 0");
        assertThatThrownBy(() -> new EwmaBaseline(0, 0, -1))
                .hasMessageContaining("observations must be >= 0");
        assertThatThrownBy(() -> EwmaBaseline.EMPTY.update(1, 0))
                .hasMessageContaining("alpha must be in (0, 1]");
        assertThatThrownBy(() -> EwmaBaseline.EMPTY.decay(-1, 0.5))
                .hasMessageContaining("missingWindows must be >= 0");
        assertThat(new EwmaBaseline(0, -1e-12, 0).variance()).isZero();
    }
}
