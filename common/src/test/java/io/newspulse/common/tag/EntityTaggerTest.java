package io.newspulse.common.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.testing.KbMini;
import io.newspulse.common.text.Language;
import io.newspulse.common.text.TextNormalizer;
import java.net.URISyntaxException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {
    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static EntityTagger tagger;

    @BeforeAll
    static void build() throws URISyntaxException {
        KnowledgeBase kb = KbMini.load();
        tagger = new EntityTagger(kb, NORMALIZER::fold, TaggerRules.embedded(NORMALIZER::fold));
    }

    private static List<Mention> tag(String text) {
        return tagger.tag(NORMALIZER.normalize(text));
    }

    private static List<Mention> tag(String text, Language language) {
        return tagger.tag(NORMALIZER.normalize(text), language);
    }

    private static List<String> ids(List<Mention> mentions) {
        return mentions.stream().map(Mention::entityId).toList();
    }

    @Test
    void mentionsCarryOriginalOffsets() {
        String text = "市场消息：英偉達股價大漲，ＮＶＩＤＩＡ創新高。";
        List<Mention> ms = tag(text);
        assertThat(ids(ms)).containsExactly("nvidia", "nvidia");
        for (Mention m : ms) {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        assertThat(ms.get(0).text()).isEqualTo("英偉達");
        assertThat(ms.get(1).text()).isEqualTo("ＮＶＩＤＩＡ");
    }

    @Test
    void hongKongAndTaiwanNamesFoldToTheSameEntity() {
        assertThat(ids(tag("輝達與超微的股價"))).containsExactly("nvidia", "amd");
    }

    @Test
    void latinNamesRespectWordBoundaries() {
        assertThat(tag("Nvidiaesque design and unAMDlike")).isEmpty();
        assertThat(ids(tag("Shares of Nvidia rose."))).containsExactly("nvidia");
    }

    @Test
    void commonWordNamesNeedCompanyContextAndCapitals() {
        assertThat(tag("She ate an apple and hit the target.")).isEmpty();
        assertThat(tag("Apple pie recipes for autumn")).isEmpty();
        assertThat(ids(tag("Apple shares fell 2% after the event."))).containsExactly("apple");
        assertThat(ids(tag("Target cut its forecast; the company said sales fell.")))
                .containsExactly("target");
        assertThat(tag("我买了一斤苹果和香蕉")).isEmpty();
        assertThat(ids(tag("苹果股价跌近2%"))).containsExactly("apple");
    }

    @Test
    void aChineseNameInsideALongerWordDoesNotMatch() {
        assertThat(tag("佳保安全公司今日成立")).isEmpty();
        assertThat(ids(tag("据称保安股价大涨"))).containsExactly("baoan");
    }

    @Test
    void longestMatchWins() {
        List<Mention> ms = tag("贵州茅台今日收涨，中国平安下跌");
        assertThat(ids(ms)).containsExactly("kweichow-moutai", "ping-an-insurance");
        assertThat(ms.get(0).text()).isEqualTo("贵州茅台");
    }

    @Test
    void sharedAliasesAreResolvedByDocumentSupport() {
        List<Mention> bank = tag("平安银行公布业绩。平安的存款增长较快。");
        assertThat(ids(bank)).containsExactly("ping-an-bank", "ping-an-bank");
        assertThat(bank.get(1).rule()).isEqualTo("ambiguous");
        List<Mention> insurer = tag("中国平安寿险业务改善，平安股价上涨。");
        assertThat(ids(insurer)).containsExactly("ping-an-insurance", "ping-an-insurance");
    }

    @Test
    void tickerForms() {
        assertThat(ids(tag("$NVDA and NVDA.O and (NASDAQ: AAPL) traded higher")))
                .containsExactly("nvidia", "nvidia", "apple");
        assertThat(ids(tag("腾讯控股(00700.HK)与贵州茅台(600519.SH)")))
                .containsExactly("tencent", "tencent", "kweichow-moutai", "kweichow-moutai");
        List<Mention> glued = tag("中国宝安000009SZ公告");
        assertThat(ids(glued)).containsExactly("baoan", "baoan");
    }

    @Test
    void numericCodesOnlyInCodeContexts() {
        assertThat(ids(tag("科创50ETF(588000)午后拉升"))).containsExactly("etf.588000", "etf.588000");
        assertThat(ids(tag("代码600519的股票"))).containsExactly("kweichow-moutai");
        assertThat(tag("公司去年卖出600519件商品")).isEmpty();
        // 000001 is both Ping An Bank (SZ) and the SSE Composite (SS): the name next to it decides.
        assertThat(ids(tag("上证指数(000001)收涨")))
                .containsExactly("index.sse-composite", "index.sse-composite");
        assertThat(ids(tag("平安银行(000001)收涨"))).containsExactly("ping-an-bank", "ping-an-bank");
    }

    @Test
    void bareCapitalisedTickersNeedContext() {
        assertThat(ids(tag("NVDA rose 3% in early trade"))).containsExactly("nvidia");
        assertThat(tag("nvda is just letters")).isEmpty();
    }

    @Test
    void arabicWithCliticsAndLatinNames() {
        List<Mention> ms = tag("ارتفع سهم لأرامكو بينما أعلنت iFlytek عن نموذج جديد");
        assertThat(ids(ms)).containsExactly("saudi-aramco", "iflytek");
        assertThat(ids(tag("قالت أرامكو السعودية"))).containsExactly("saudi-aramco");
    }

    @Test
    void boilerplateAndRepeatedParagraphsDoNotCount() {
        String text =
                "腾讯发布新游戏，市场反应积极。\n"
                        + "免责声明：本文不构成投资建议，英伟达等公司信息仅供参考。\n"
                        + "腾讯发布新游戏，市场反应积极。\n"
                        + "分享到微信";
        assertThat(ids(tag(text))).containsExactly("tencent");
    }

    @Test
    void traditionalDocumentsPreferTraditionalNamesOfSharedAliases() {
        assertThat(tag("超微股價上漲", Language.ZH_HANT))
                .extracting(Mention::entityId)
                .containsExactly("amd");
    }

    @Test
    void surnamesAfterTitlesOrGivenNamesArePeople() {
        assertThat(tag("Prime Minister Abbott said shares of miners would recover.")).isEmpty();
        assertThat(tag("Mr. Ford told analysts the quarter was hard.")).isEmpty();
        assertThat(tag("Shares rose after Tony Abbott said the company tax would fall.")).isEmpty();
        assertThat(tag("The CEO said Henry Ford built the company in 1903.")).isEmpty();
        // A person here does not stop the company being found elsewhere in the document.
        assertThat(ids(tag("Dr Abbott left. Abbott Labs shares rose."))).containsExactly("abbott");
    }

    @Test
    void surnameRuleKeepsCompanyReadings() {
        assertThat(ids(tag("At Ford, shares fell 2% on weak quarterly results.")))
                .containsExactly("ford");
        assertThat(ids(tag("Investors sold shares of Ford after the results.")))
                .containsExactly("ford");
        assertThat(ids(tag("On Monday Ford said quarterly revenue rose 3%.")))
                .containsExactly("ford");
        // Title case: every word is capitalised, so "Upgrade" is no given name.
        assertThat(ids(tag("Analysts Upgrade Ford On Strong Earnings"))).containsExactly("ford");
        assertThat(ids(tag("Ford Motor said Ford Motor shares rose")))
                .containsExactly("ford", "ford");
    }

    @Test
    void shortChineseAliasStartingALongerCompanyNameDoesNotMatch() {
        assertThat(tag("中通客车股价大涨5%")).isEmpty();
        assertThat(tag("大金重工公告称订单增长")).isEmpty();
        assertThat(tag("中通宇通股份有限公司上市")).isEmpty();
        assertThat(ids(tag("中通快递发布财报，中通股价上涨"))).containsExactly("zto", "zto");
        assertThat(ids(tag("大金集团发布业绩"))).containsExactly("daikin");
        assertThat(ids(tag("大金工业股价上涨"))).containsExactly("daikin");
        assertThat(ids(tag("腾讯公司今日发布新游戏"))).containsExactly("tencent");
    }
}
