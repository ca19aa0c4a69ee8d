package io.newspulse.common.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.newspulse.common.config.NewspulseConfig;
import io.newspulse.common.model.ArticleMove;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PriceMoveRuleTest {
    private static final PriceMoveRule RULE =
            new PriceMoveRule(NewspulseConfig.defaults().alerts().priceMove());
    private static final Instant T0 = Instant.parse("2025-03-03T02:00:00Z");

    static ArticleMove move(
            String type, String kind, String direction, Double percent, String qualifier) {
        return new ArticleMove(
                "tencent", type, kind, direction, percent, null, null, qualifier, "text", 0, 4);
    }

    static Stream<Arguments> moves() {
        return Stream.of(
                // entity type, kind, direction, percent, qualifier -> severity or null, value
                arguments("company", "price", "down", 5.3, null, Severity.WARNING, 5.3),
                arguments("company", "price", "down", 5.0, "over", Severity.WARNING, 5.0),
                arguments("company", "price", "up", 4.99, null, null, 0.0),
                arguments("company", "price", "up", 10.0, null, Severity.CRITICAL, 10.0),
                arguments("company", "price", "down", null, "limit", Severity.WARNING, 5.0),
                arguments("company", "price", "down", null, null, null, 0.0),
                arguments("company", "market_cap", "down", 12.0, null, null, 0.0),
                arguments("index", "price", "down", 2.4, null, Severity.WARNING, 2.4),
                arguments("index", "price", "down", 1.9, null, null, 0.0),
                arguments("index", "price", "up", null, "limit", null, 0.0),
                arguments("etf", "price", "up", 3.0, "about", Severity.WARNING, 3.0),
                arguments("etf", "price", "up", 2.9, null, null, 0.0),
                arguments("etf", "price", "down", 6.0, null, Severity.CRITICAL, 6.0),
                arguments("commodity", "price", "down", 4.0, null, null, 0.0),
                arguments(null, "price", "down", 5.5, null, Severity.WARNING, 5.5),
                arguments("company", "price", "sideways", 9.0, null, null, 0.0));
    }

    @ParameterizedTest(name = "{index}: {0} {1} {2} {3}% {4} -> {5}")
    @MethodSource("moves")
    void thresholdsByEntityType(
            String type,
            String kind,
            String direction,
            Double percent,
            String qualifier,
            Severity expected,
            double value) {
        Optional<Signal> s = RULE.evaluate(move(type, kind, direction, percent, qualifier));
        assertThat(s.map(Signal::severity).orElse(null)).isEqualTo(expected);
        s.ifPresent(sig -> assertThat(sig.value()).isEqualTo(value));
    }

    @Test
    void measuredValuesCarryTheDirection() {
        Signal down = RULE.evaluate(move("company", "price", "down", 5.3, null)).orElseThrow();
        assertThat(down.measured())
                .containsEntry("value", 5.3)
                .containsEntry("percent", -5.3)
                .containsEntry("direction", -1.0)
                .containsEntry("limit", 0.0);
        assertThat(down.thresholds()).containsEntry("value", 5.0);
        Signal limitUp = RULE.evaluate(move("company", "price", "up", null, "limit")).orElseThrow();
        assertThat(limitUp.measured())
                .doesNotContainKey("percent")
                .containsEntry("direction", 1.0)
                .containsEntry("limit", 1.0);
    }

    @Test
    void aLimitMoveWithItsBoardsLimitIsMeasuredAtThatSize() {
        Signal chiNext = RULE.evaluate(move("company", "price", "up", 20.0, "limit")).orElseThrow();
        assertThat(chiNext.value()).isEqualTo(20.0);
        assertThat(chiNext.measured()).containsEntry("percent", 20.0).containsEntry("limit", 1.0);
        assertThat(chiNext.severity()).isEqualTo(Severity.CRITICAL);
        Signal st = RULE.evaluate(move("company", "price", "down", 5.0, "limit")).orElseThrow();
        assertThat(st.measured()).containsEntry("percent", -5.0).containsEntry("limit", 1.0);
    }

    @ParameterizedTest(name = "{index}: {0} {1}% then {2} {3}% {4} min later -> {5}")
    @CsvSource(
            nullValues = "null",
            value = {
                "down, 5.3, down, 5.0, 30, true",
                "down, 5.3, down, 6.3, 60, true",
                "down, 5.3, down, 6.4, 60, false",
                "down, 5.3, up, 5.3, 10, false",
                "down, 5.3, down, 5.3, 360, true",
                "down, 5.3, down, 5.3, 361, false",
                "down, 5.3, down, 5.3, -30, true",
                "down, null, down, 7.0, 10, true",
                "down, 7.0, down, null, 10, true",
            })
    void sameMove(String dir1, Double pct1, String dir2, Double pct2, long minutes, boolean same) {
        ReportedMove first = new ReportedMove("tencent", dir1, pct1, pct1 == null, T0);
        ReportedMove later =
                new ReportedMove(
                        "tencent", dir2, pct2, pct2 == null, T0.plus(Duration.ofMinutes(minutes)));
        assertThat(RULE.sameMove(first, later)).isEqualTo(same);
    }

    @Test
    void differentEntitiesAreNeverTheSameMove() {
        ReportedMove a = new ReportedMove("tencent", "down", 5.3, false, T0);
        ReportedMove b = new ReportedMove("alibaba", "down", 5.3, false, T0);
        assertThat(RULE.sameMove(a, b)).isFalse();
    }

    @Test
    void reportedMoveTakesTheAbsolutePercentAndTheLimitFlag() {
        ReportedMove r = ReportedMove.of(move("company", "price", "down", null, "limit"), T0);
        assertThat(r.limit()).isTrue();
        assertThat(new ReportedMove("x", "down", -5.0, false, T0).percent()).isEqualTo(5.0);
    }

    @ParameterizedTest(name = "{0} {1} {2}% -> {3}")
    @CsvSource({
        // entity type, entity id, percent, expected class, alerts
        "company, ford, 5.0, STOCK, true",
        "company, ford, 4.0, STOCK, false",
        "asset, asset.usd, 1.2, CURRENCY, true",
        "asset, asset.usd, 0.8, CURRENCY, false",
        "asset, asset.gold, 3.5, COMMODITY, true",
        "asset, asset.crude-oil, 2.5, COMMODITY, false",
        "asset, asset.bitcoin, 9.0, CRYPTO, true",
        "asset, asset.bitcoin, 6.0, CRYPTO, false",
        "sector, sector.airlines, 3.1, SECTOR, true",
        "sector, sector.airlines, 2.0, SECTOR, false",
        "asset, asset.us10y, 40.0, BOND_YIELD, false",
    })
    void eachAssetClassHasItsOwnThreshold(
            String type, String id, double percent, String expectedClass, boolean alerts) {
        PriceMoveRule.AssetClass assetClass = PriceMoveRule.AssetClass.of(type, id);
        assertThat(assetClass.name()).isEqualTo(expectedClass);
        ArticleMove m =
                new ArticleMove(id, type, "price", "up", percent, null, null, null, "t", 0, 1);
        Optional<Signal> s = RULE.evaluate(m);
        assertThat(s.isPresent()).isEqualTo(alerts);
        s.ifPresent(
                signal -> {
                    assertThat(signal.threshold()).isEqualTo(RULE.thresholdPct(assetClass));
                    assertThat(AlertText.priceMove(id, type, signal, 1))
                            .endsWith("threshold for " + assetClass.plural() + ".");
                });
    }
}
