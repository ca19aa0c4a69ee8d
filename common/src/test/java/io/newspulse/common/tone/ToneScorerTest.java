package io.newspulse.common.tone;

import static io.newspulse.common.moves.TestTexts.folded;
import static io.newspulse.common.moves.TestTexts.mentions;
import static io.newspulse.common.moves.TestTexts.normalized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.newspulse.common.text.NormalizedText;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven tests of {@link ToneScorer}: each row gives a snippet, its entities as {@code
 * id=name} and the expected sign of each entity's tone as {@code id+}, {@code id-} or {@code id0}.
 */
class ToneScorerTest {
    private static final ToneScorer SCORER = ToneScorer.fromClasspath();

    static Stream<Arguments> signs() {
        return Stream.of(
                row("腾讯一度跌超5%;苹果大涨3%", ids("tencent=腾讯", "apple=苹果"), "tencent-", "apple+"),
                row("苹果上涨，微软下跌。", ids("apple=苹果", "microsoft=微软"), "apple+", "microsoft-"),
                row("受利好消息提振，腾讯创新高。", ids("tencent=腾讯"), "tencent+"),
                row("茅台业绩不及预期，遭机构减持。", ids("moutai=茅台"), "moutai-"),
                row(
                        "Apple surged to a record high while Microsoft slumped after a downgrade.",
                        ids("apple=Apple", "microsoft=Microsoft"),
                        "apple+",
                        "microsoft-"),
                row("Tesla faces a new probe and a lawsuit.", ids("tesla=Tesla"), "tesla-"),
                row("Nvidia beat estimates and raised guidance.", ids("nvidia=Nvidia"), "nvidia+"),
                row(
                        "ارتفع سهم أرامكو بقوة، وتراجع سهم سابك بعد خسائر فصلية.",
                        ids("aramco=أرامكو", "sabic=سابك"),
                        "aramco+",
                        "sabic-"),
                row("قفز سهم معادن وسط مكاسب واسعة", ids("maaden=معادن"), "maaden+"),
                row("苹果股价未能上涨", ids("apple=苹果"), "apple-"),
                row("Apple shares did not rise.", ids("apple=Apple"), "apple-"),
                row("لم ترتفع أسهم أرامكو اليوم", ids("aramco=أرامكو"), "aramco-"),
                row("苹果股价不断上涨", ids("apple=苹果"), "apple+"),
                row("苹果发布新品。股价下跌", ids("apple=苹果"), "apple0"),
                row("中升控股发布公告", ids("zhongsheng=中升控股"), "zhongsheng0"),
                row("Apple unveiled a new phone.", ids("apple=Apple"), "apple0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signs")
    void scoresEachEntityFromItsOwnContext(String text, String[] entities, String[] expected) {
        NormalizedText normalized = normalized(text);
        Map<String, Double> tone = SCORER.score(normalized, mentions(normalized, entities));

        assertThat(tone).hasSize(expected.length);
        for (String e : expected) {
            String id = e.substring(0, e.length() - 1);
            double value = tone.get(id);
            assertThat(value).isBetween(-1.0, 1.0);
            switch (e.charAt(e.length() - 1)) {
                case '+' -> assertThat(value).as(id).isPositive();
                case '-' -> assertThat(value).as(id).isNegative();
                default -> assertThat(value).as(id).isZero();
            }
        }
    }

    @Test
    void traditionalTextIsScoredInItsFoldedForm() {
        NormalizedText text = folded("騰訊股價暴跌", "腾讯股价暴跌");
        assertThat(SCORER.score(text, mentions(text, "tencent=腾讯")).get("tencent")).isNegative();
    }

    @Test
    void averagesOverMentionsThenSquashes() {
        NormalizedText text = normalized("苹果大涨。苹果发布新品。");
        // 大涨 weighs 1.5; two mentions average 0.75; 0.75 / (0.75 + 1).
        assertThat(SCORER.score(text, mentions(text, "apple=苹果")).get("apple"))
                .isCloseTo(0.75 / 1.75, within(1e-9));
    }

    @Test
    void intensifiersStrengthenTheWordNextToThem() {
        NormalizedText plain = normalized("Apple fell.");
        NormalizedText sharp = normalized("Apple fell sharply.");

        double plainTone = SCORER.score(plain, mentions(plain, "apple=Apple")).get("apple");
        double sharpTone = SCORER.score(sharp, mentions(sharp, "apple=Apple")).get("apple");
        assertThat(sharpTone).isLessThan(plainTone);
    }

    @Test
    void manyStrongWordsStayBelowOne() {
        NormalizedText text = normalized("英伟达暴涨、飙升、创新高、涨停、利好、超预期、上调评级");
        assertThat(SCORER.score(text, mentions(text, "nvidia=英伟达")).get("nvidia"))
                .isGreaterThan(0.9)
                .isLessThan(1.0);
    }

    @Test
    void documentToneIsTheBalanceOfPositiveAndNegativeWords() {
        assertThat(SCORER.documentTone(normalized("Stocks rallied to a record high.")))
                .isPositive();
        assertThat(SCORER.documentTone(normalized("市场暴跌，多家公司亏损。"))).isNegative();
        assertThat(SCORER.documentTone(normalized("Apple unveiled a new phone."))).isZero();
        assertThat(SCORER.documentTone(normalized("Apple rose. Microsoft fell.")))
                .isCloseTo(0.0, within(1e-9));
    }

    @Test
    void noMentionsGiveAnEmptyMap() {
        assertThat(SCORER.score(normalized("Stocks fell."), List.of())).isEmpty();
    }

    @Test
    void aWordCannotBeBothPositiveAndNegative() {
        String yaml = "positive: {rose: 1.0}\nnegative: {rose: 1.0}\n";
        assertThatThrownBy(
                        () ->
                                ToneLexicon.load(
                                        new ByteArrayInputStream(
                                                yaml.getBytes(StandardCharsets.UTF_8))))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private static Arguments row(String text, String[] entities, String... expected) {
        return arguments(text, entities, expected);
    }

    private static String[] ids(String... idEqualsName) {
        return idEqualsName;
    }
}
