package io.newspulse.common.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.moves.MarketMove;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Stakes, weights, premiums, growth rates, yields and turnover ratios are not price moves: every
 * sentence of the labelled move set ({@code evaluation/src/main/resources/newspulse/moves}, format
 * in {@code io.newspulse.evaluation.MoveSetReader}) that holds one of these figures and reports no
 * move must give no move, with the shipped knowledge base.
 */
class NonMoveFiguresTest {
    private static final Set<String> KINDS =
            Set.of("stake", "weight", "premium", "growth", "yield", "turnover");

    @Test
    void simplifiedChinese() throws IOException {
        assertNoMoves("zh-Hans");
    }

    @Test
    void traditionalChinese() throws IOException {
        assertNoMoves("zh-Hant");
    }

    @Test
    void arabic() throws IOException {
        assertNoMoves("ar");
    }

    @Test
    void english() throws IOException {
        assertNoMoves("en");
    }

    private static void assertNoMoves(String language) throws IOException {
        List<String> sentences = nonMoveSentences(language);
        assertThat(sentences).as(language).hasSizeGreaterThanOrEqualTo(15);
        DocumentAnalyzer analyzer = ShippedAnalyzer.get();
        List<String> moved = new ArrayList<>();
        for (String s : sentences) {
            List<MarketMove> moves = analyzer.analyze(null, s, language).moves();
            if (!moves.isEmpty()) {
                moved.add(s + " -> " + moves.get(0).entityId() + " " + moves.get(0).percent());
            }
        }
        assertThat(moved).as(language).isEmpty();
    }

    /** Sentences with no labelled move (second column empty) and a figure of {@link #KINDS}. */
    private static List<String> nonMoveSentences(String language) throws IOException {
        List<String> out = new ArrayList<>();
        InputStream in =
                NonMoveFiguresTest.class.getResourceAsStream(
                        "/newspulse/moves/" + language + ".tsv");
        assertThat(in).as("labelled move set for " + language).isNotNull();
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] cols = line.split("\t", -1);
                if (line.startsWith("#") || cols.length != 3 || !cols[1].isBlank()) {
                    continue;
                }
                if (Arrays.stream(cols[2].split(","))
                        .map(String::strip)
                        .anyMatch(KINDS::contains)) {
                    out.add(cols[0].strip());
                }
            }
        }
        return out;
    }
}
