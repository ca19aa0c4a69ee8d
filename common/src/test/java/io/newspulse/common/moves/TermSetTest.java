package io.newspulse.common.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void findsWhatItsPatternFindsInAnyRegionOfAnyText() {
        List<String> terms =
                List.of(
                        "up",
                        "upper",
                        "rose",
                        "ro",
                        "涨",
                        "上涨",
                        "涨停",
                        "لا",
                        "لاعب",
                        "per cent",
                        "pe");
        TermSet<String> set = TermSet.of(termValues(terms), true);
        Pattern pattern = Pattern.compile(set.regex());
        String[] pieces = {
            "up", "per", " cent", "ro", "se", "涨", "上", "停", "لا", "عب", " ", "x", "1", "é", "."
        };
        Random random = new Random(7);
        for (int round = 0; round < 3000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(30);
            for (int k = 0; k < n; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            int from = random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() - from + 1);

            assertThat(spans(set.findAll(text, from, to)))
                    .as("%s [%d, %d)", text, from, to)
                    .isEqualTo(patternSpans(pattern, text, from, to));
        }
    }

    private static Map<String, String> termValues(List<String> terms) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        terms.forEach(t -> values.put(t, t));
        return values;
    }

    private static List<String> spans(List<TermSet.Hit<String>> hits) {
        List<String> out = new ArrayList<>();
        hits.forEach(h -> out.add(h.start() + "-" + h.end()));
        return out;
    }

    private static List<String> patternSpans(Pattern pattern, String text, int from, int to) {
        Matcher m = pattern.matcher(text).region(from, to).useTransparentBounds(true);
        m.useAnchoringBounds(false);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.start() + "-" + m.end());
        }
        return out;
    }
}
