package io.newspulse.common.moves;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.moves.MarketMove.Direction;
import io.newspulse.common.moves.MarketMove.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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
        String wrappedAfter = "Acme sold 1,000 trucks, up 16.5 pct on a\ndaily sales basis.";
        assertThat(priceMove(wrappedAfter, "up 16.5 pct")).isFalse();
    }

    @Test
    void aMeasureOpeningALongSentenceGovernsItsFigures() {
        String heading =
                "Sales of cars in May were--Acme 41,200, up 12.4 pct, Bolt 3,100, down 8.1 pct,"
                        + " Cado 2,900, up 1.2 pct, Dyna 1,800, up 15 pct.";
        assertThat(priceMove(heading, "up 15 pct")).isFalse();
        String sharesNearer =
                "Sales of cars fell in May"
                        + ", and so on".repeat(8)
                        + ", as Acme shares rose 5 pct.";
        assertThat(priceMove(sharesNearer, "rose 5 pct")).isTrue();
        String beyond = "Sales " + "x".repeat(420) + " Acme rose 5 pct.";
        assertThat(priceMove(beyond, "rose 5 pct")).isTrue();
    }

    @Test
    void aMeasureAfterAPrepositionIsTheFigures() {
        assertThat(priceMove("Trade fell 13 pct for exports.", "fell 13 pct")).isFalse();
        assertThat(priceMove("Acme rose 5 pct in heavy trading.", "rose 5 pct")).isTrue();
    }

    @Test
    void aPartOfSomethingIsNoMoveButAShareOfValueIs() {
        assertThat(
                        priceMove(
                                "Acme up on rumours 10 pct of Bolt to be sold.",
                                "up on rumours 10 pct"))
                .isFalse();
        assertThat(priceMove("The dollar lost 10 pct of its value.", "lost 10 pct")).isTrue();
    }

    @Test
    void aCurrencyAfterAnAmountIsItsUnit() {
        assertThat(priceMove("Deposits of 300 billion yen, savings up 5 pct.", "up 5 pct"))
                .isFalse();
        assertThat(priceMove("Deposits fell as the yen rose 5 pct.", "rose 5 pct")).isTrue();
    }

    @Test
    void marketCapMovesAreNotJudged() {
        String text = "Acme sales wiped $2 billion off its market value.";
        assertThat(CONTEXT.isPriceMove(text, moveAt(text, "wiped $2 billion", Kind.MARKET_CAP)))
                .isTrue();
    }

    @Test
    void theNearestCueIsTheWholeWordCueThatEndsLast() {
        PriceContextLexicon lexicon = PriceContextLexicon.fromClasspath();
        List<String[]> cues = new ArrayList<>(); // {kind, term}, longest first as the class orders
        lexicon.priceCues().forEach(t -> cues.add(new String[] {"price", fold(t)}));
        lexicon.otherFigures().forEach(t -> cues.add(new String[] {"other", fold(t)}));
        cues.sort(Comparator.comparingInt((String[] c) -> -c[1].length()));
        List<String> pieces = new ArrayList<>(List.of(" ", "5 ", "x", "。", "er", "的"));
        cues.forEach(c -> pieces.add(c[1]));
        pieces.addAll(lexicon.amountWords());
        Random random = new Random(5);
        for (int round = 0; round < 5000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(12);
            for (int k = 0; k < n; k++) {
                sb.append(pieces.get(random.nextInt(pieces.size())));
            }
            String window = sb.toString();

            assertThat(CONTEXT.nearestCueName(window))
                    .as(window)
                    .isEqualTo(lastCueEachTermSearchedAlone(cues, window));
        }
    }

    /** Each cue's last whole-word occurrence (a price cue not as a unit); the last one wins. */
    private static String lastCueEachTermSearchedAlone(List<String[]> cues, String window) {
        String best = null;
        int bestEnd = -1;
        for (String[] c : cues) {
            int at = PriceContext.lastWord(window, c[1]);
            while (at >= 0 && c[0].equals("price") && CONTEXT.isUnit(window, at)) {
                at = at == 0 ? -1 : PriceContext.lastWord(window, c[1], at - 1);
            }
            if (at >= 0 && at + c[1].length() > bestEnd) {
                best = c[0] + ":" + c[1];
                bestEnd = at + c[1].length();
            }
        }
        return best;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).strip();
    }
}
