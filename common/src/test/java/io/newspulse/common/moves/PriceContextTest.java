package io.newspulse.common.moves;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.moves.MarketMove.Direction;
import io.newspulse.common.moves.MarketMove.Kind;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link PriceContext} on hand-placed moves: what it reads and how far. */
class PriceContextTest {
    private static final PriceContext CONTEXT =
            new PriceContext(
                    PriceContextLexicon.fromClasspath(), s -> s.toLowerCase(Locale.ROOT).strip());

    private static MarketMove moveAt(String text, String phrase, Kind kind) {
        int start = text.indexOf(phrase);
        return new MarketMove(
                "x",
                kind,
                Direction.UP,
                5.0,
                null,
                null,
                null,
                phrase,
                start,
                start + phrase.length());
    }

    private static boolean priceMove(String text, String phrase) {
        return CONTEXT.isPriceMove(text, moveAt(text, phrase, Kind.PRICE));
    }

    @Test
    void nearestCueDecides() {
        assertThat(priceMove("Acme net income rose 5 pct and its shares rose 4 pct.", "rose 4 pct"))
                .isTrue();
        assertThat(priceMove("Acme shares rose 4 pct while net income rose 5 pct.", "rose 5 pct"))
                .isFalse();
    }

    @Test
    void latinCuesAreWholeWords() {
        // "internet" and "network" contain "net", "salesforce" contains "sales".
        assertThat(priceMove("Acme Internet rose 5 pct.", "rose 5 pct")).isTrue();
        assertThat(priceMove("Salesforce rose 5 pct.", "rose 5 pct")).isTrue();
        assertThat(priceMove("Acme net rose 5 pct.", "rose 5 pct")).isFalse();
    }

    @Test
    void figureFollowedByAnotherMeasureIsNotAPriceMove() {
        assertThat(priceMove("Ford rose 48 pct in sales, the company said.", "rose 48 pct"))
                .isFalse();
    }

    @Test
    void readsOnlyTheMoveSentenceAndABoundedWindow() {
        assertThat(priceMove("Sales were flat. Acme rose 5 pct.", "rose 5 pct")).isTrue();
        assertThat(priceMove("营收持平。腾讯涨5%。", "涨5%")).isTrue();
        String far = "sales " + "x".repeat(500) + " Acme rose 5 pct.";
        assertThat(priceMove(far, "rose 5 pct")).isTrue();
        String farForecast = "analysts see " + "y ".repeat(200) + "Acme rose 5 pct.";
        assertThat(priceMove(farForecast, "rose 5 pct")).isTrue();
    }

    @Test
    void withNoCueBeforeTheMeasureAfterTheFigureDecides() {
        assertThat(
                        priceMove(
                                "Ford sold 1,000 trucks, up 16.5 pct on a daily sales basis.",
                                "up 16.5 pct"))
                .isFalse();
        assertThat(priceMove("BASF reported 13.6 pct lower 1986 pre-tax profit.", "13.6 pct lower"))
                .isFalse();
        assertThat(priceMove("Acme rose 5 pct after strong sales.", "rose 5 pct")).isTrue();
    }

    @Test
    void aWrappedWireLineIsOneSentence() {
        assertThat(priceMove("Shell Oil first quarter net\ndrops 61 pct.", "drops 61 pct"))
                .isFalse();
        assertThat(priceMove("Sales were flat\n    Acme rose 5 pct.", "rose 5 pct")).isTrue();
        assertThat(priceMove("营收持平\n腾讯涨5%。", "涨5%")).isTrue();
    }

    @Test
    void marketCapMovesAreNotJudged() {
        String text = "Acme sales wiped $2 billion off its market value.";
        assertThat(CONTEXT.isPriceMove(text, moveAt(text, "wiped $2 billion", Kind.MARKET_CAP)))
                .isTrue();
    }
}
