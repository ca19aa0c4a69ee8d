package io.newspulse.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void decodesHtmlEntitiesAndMapsThemBack() {
        NormalizedText nt =
                normalizer.normalize("AT&amp;T &lt;b&gt; Apple&nbsp;Inc. &#x4e2d;&#22283;");

        assertThat(nt.text()).isEqualTo("at&t <b> apple inc. 中国");
        assertSpans(nt, "at&t", "AT&amp;T");
        assertSpans(nt, "<b>", "&lt;b&gt;");
        assertSpans(nt, "apple inc", "Apple&nbsp;Inc");
        assertSpans(nt, "中国", "&#x4e2d;&#22283;");
        assertRoundTrip(nt);
    }

    @Test
    void leavesTextThatOnlyLooksLikeMarkup() {
        NormalizedText nt = normalizer.normalize("S&P 500 < 5000 & AT&T; x<y");

        assertThat(nt.text()).isEqualTo("s&p 500 < 5000 & at&t; x<y");
        assertSpans(nt, "s&p", "S&P");
    }

    @Test
    void replacesTagsWithSpaceOrLineBreakAndDropsScripts() {
        NormalizedText nt =
                normalizer.normalize(
                        "<p>Tencent <b>Holdings</b></p><p class=\"x\">騰訊控股</p>"
                                + "<script>var s = 'NVIDIA <b>';</script><style>p{}</style>"
                                + "Nvi<i>dia</i><!-- hidden Apple -->end");

        assertThat(nt.text()).isEqualTo("\ntencent holdings\n\n腾讯控股\nnvi dia end");
        assertSpans(nt, "腾讯控股", "騰訊控股");
        assertSpans(nt, "tencent holdings", "Tencent <b>Holdings");
        assertRoundTrip(nt);
    }

    @Test
    void foldsFullWidthLettersAndDigits() {
        NormalizedText nt = normalizer.normalize("ＮＶＩＤＩＡ股价上涨１２３％，Ｑ３");

        assertThat(nt.text()).isEqualTo("nvidia股价上涨123%,q3");
        assertSpans(nt, "nvidia", "ＮＶＩＤＩＡ");
        assertSpans(nt, "123%", "１２３％");
        assertRoundTrip(nt);
    }

    @Test
    void foldsArabicLettersDiacriticsTatweelAndDigits() {
        NormalizedText nt = normalizer.normalize("أَرْبَاحُ شَرِكَةِ أرامـــكو إلى ٢٠٢٤ و۱۲");

        assertThat(nt.text()).isEqualTo("ارباح شركه ارامكو الي 2024 و12");
        assertSpans(nt, "ارامكو", "أرامـــكو");
        // Harakat after the last letter belong to the word.
        assertSpans(nt, "شركه", "شَرِكَةِ");
        assertSpans(nt, "ارباح", "أَرْبَاحُ");
        assertSpans(nt, "2024", "٢٠٢٤");
        assertRoundTrip(nt);
    }

    @Test
    void foldsTraditionalChinese() {
        NormalizedText nt = normalizer.normalize("英偉達（NVIDIA）股價周三大漲5%，騰訊與聯發科下跌；滬深300");

        assertThat(nt.text()).isEqualTo("英伟达(nvidia)股价周三大涨5%,腾讯与联发科下跌;沪深300");
        assertSpans(nt, "英伟达", "英偉達");
        assertSpans(nt, "(nvidia)", "（NVIDIA）");
        assertSpans(nt, "联发科", "聯發科");
        assertRoundTrip(nt);
    }

    @ParameterizedTest
    @CsvSource({
        "輝, 辉",
        "達, 达",
        "騰訊, 腾讯",
        "滬, 沪",
        "臺, 台",
        "台, 台",
        "於, 于",
        "個, 个",
        "裡, 里",
        "裏, 里",
        "後, 后",
        "為, 为",
        "爲, 为",
        "們, 们",
        "發, 发",
        "聯發科, 联发科",
        "英偉達, 英伟达",
        "漲, 涨",
        "跌, 跌"
    })
    void foldsHongKongAndTaiwanVariants(String traditional, String simplified) {
        assertThat(normalizer.fold(traditional)).isEqualTo(simplified);
    }

    @Test
    void removesZeroWidthAndBidiMarksWithoutWideningMatches() {
        NormalizedText nt =
                normalizer.normalize(
                        "\u202BNVIDIA\u202C \u200Fشركة\u200F Ten\u200Bcent\u00ADs\uFEFF");

        assertThat(nt.text()).isEqualTo("nvidia شركه tencents");
        assertSpans(nt, "nvidia", "NVIDIA");
        assertSpans(nt, "شركه", "شركة");
        assertSpans(nt, "tencent", "Ten\u200Bcent");
        assertRoundTrip(nt);
    }

    @Test
    void mapsOneToManyCompatibilityExpansionsToTheirSource() {
        NormalizedText nt = normalizer.normalize("㈱東芝 ﬁnance ⑵");

        assertThat(nt.text()).isEqualTo("(株)东芝 finance (2)");
        assertSpans(nt, "(株)", "㈱");
        assertSpans(nt, "株", "㈱");
        assertSpans(nt, "东芝", "東芝");
        assertSpans(nt, "fi", "ﬁ");
        assertSpans(nt, "finance", "ﬁnance");
        assertRoundTrip(nt);
    }

    @Test
    void composesCombiningMarksWithTheirBase() {
        NormalizedText nt = normalizer.normalize("Nestle\u0301 Café ｶﾞ");

        assertThat(nt.text()).isEqualTo("nestlé café ガ");
        assertSpans(nt, "nestlé", "Nestle\u0301");
        assertThat(nt.originalSpan(5, 6)).isEqualTo("e\u0301");
        assertSpans(nt, "café", "Café");
        assertSpans(nt, "ガ", "ｶﾞ");
        assertRoundTrip(nt);
    }

    @Test
    void foldsSupplementaryCharacters() {
        NormalizedText nt = normalizer.normalize("𝐍𝐕𝐈𝐃𝐈𝐀 rallies 😀 &#x1F600;");

        assertThat(nt.text()).isEqualTo("nvidia rallies 😀 😀");
        assertSpans(nt, "nvidia", "𝐍𝐕𝐈𝐃𝐈𝐀");
        assertRoundTrip(nt);
    }

    @Test
    void collapsesWhitespaceButKeepsLineAndParagraphBreaks() {
        NormalizedText nt = normalizer.normalize("A  \t B\n\n\n C\r\nD\u3000E\u00A0 F \u2029G");

        assertThat(nt.text()).isEqualTo("a b\n\nc\nd e f\n\ng");
        assertSpans(nt, "b\n\nc", "B\n\n\n C");
    }

    @Test
    void offsetsCoverTheWholeOriginal() {
        String raw = " <p>騰訊</p>&amp; ";
        NormalizedText nt = normalizer.normalize(raw);

        assertThat(nt.originalStart(0)).isZero();
        assertThat(nt.originalStart(nt.text().length())).isEqualTo(raw.length());
        for (int i = 1; i < nt.text().length(); i++) {
            assertThat(nt.originalStart(i)).isGreaterThanOrEqualTo(nt.originalStart(i - 1));
        }
    }

    @Test
    void foldTrimsAndMatchesNormalize() {
        assertThat(normalizer.fold("  ＮＶＩＤＩＡ Corp. ")).isEqualTo("nvidia corp.");
        assertThat(normalizer.fold("أرامكو السعودية")).isEqualTo("ارامكو السعوديه");
        assertThat(normalizer.fold("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ＮＶＩＤＩＡ", "騰訊控股", "أَرامـــكو", "㈱東芝", "Nestle\u0301", "AT&amp;T"})
    void foldIsIdempotent(String alias) {
        String once = normalizer.fold(alias);
        assertThat(normalizer.fold(once)).isEqualTo(once);
    }

    @Test
    void everyBmpCharacterFoldsIdempotently() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            String once = normalizer.fold(String.valueOf(c));
            assertThat(normalizer.fold(once)).as("U+%04X", (int) c).isEqualTo(once);
        }
    }

    /** Every occurrence of {@code folded} maps back to exactly {@code original}. */
    private static void assertSpans(NormalizedText nt, String folded, String original) {
        int from = nt.text().indexOf(folded);
        assertThat(from).as("'%s' in '%s'", folded, nt.text()).isNotNegative();
        for (; from >= 0; from = nt.text().indexOf(folded, from + 1)) {
            assertThat(nt.originalSpan(from, from + folded.length())).isEqualTo(original);
        }
    }

    /** Each whitespace-separated token folds back from its original span to itself. */
    private void assertRoundTrip(NormalizedText nt) {
        String text = nt.text();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (end > start) {
                String original = nt.originalSpan(start, end);
                assertThat(new TextNormalizer().fold(original))
                        .as("original '%s'", original)
                        .isEqualTo(text.substring(start, end));
            }
            start = end + 1;
        }
    }
}
