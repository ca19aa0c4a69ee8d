package io.newspulse.common.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermSetTest {

    @Test
    void latinTermsMatchWholeWordsOnly() {
        TermSet<String> set = TermSet.ofTerms(List.of("up", "rose"));

        assertThat(set.findAll("an update rose up", 0, 17))
                .extracting(TermSet.Hit::term)
                .containsExactly("rose", "up");
    }

    @Test
    void longestTermWinsAndChineseMatchesInsideWords() {
        TermSet<String> set = TermSet.ofTerms(List.of("涨", "上涨"));

        assertThat(set.findAll("股价上涨", 0, 4)).extracting(TermSet.Hit::term).containsExactly("上涨");
    }

    @Test
    void foldsLexiconTermsLikeTheNormaliser() {
        TermSet<String> set = TermSet.ofTerms(List.of("القيمة السوقية", "أكثر من", "Market Cap"));

        assertThat(set.findAll("من القيمه السوقيه باكثر من market cap", 0, 37))
                .extracting(TermSet.Hit::term)
                .containsExactly("القيمه السوقيه", "اكثر من", "market cap");
    }

    @Test
    void arabicWholeWordsKeepParticlesOutOfLongerWords() {
        TermSet<Boolean> loose = TermSet.of(Map.of("لا", true));
        TermSet<Boolean> whole = TermSet.of(Map.of("لا", true), true);
        String text = "الاسهم لا ترتفع";

        assertThat(loose.findAll(text, 0, text.length())).hasSize(2);
        assertThat(whole.findAll(text, 0, text.length()))
                .extracting(TermSet.Hit::start)
                .containsExactly(text.indexOf(" لا") + 1);
    }

    @Test
    void regionBoundsAreRespectedButLookaroundsSeeBeyondThem() {
        TermSet<String> set = TermSet.ofTerms(List.of("up"));

        // "up" inside "update" must not match even when the region cuts the word.
        assertThat(set.findAll("update", 0, 2)).isEmpty();
    }
}
