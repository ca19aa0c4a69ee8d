package io.newspulse.common.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newspulse.common.moves.MarketMove;
import io.newspulse.common.moves.MarketMove.Direction;
import io.newspulse.common.text.Language;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole-document results with the shipped knowledge base on realistic snippets (written for these
 * tests) in each language, covering the traps the tagger must handle.
 */
class GoldenDocumentsTest {
    private static DocumentAnalyzer analyzer;

    @BeforeAll
    static void build() {
        analyzer = ShippedAnalyzer.get();
    }

    private static List<String> ids(DocumentAnalysis a) {
        return a.entities().stream().map(EntitySummary::id).toList();
    }

    private static EntitySummary entity(DocumentAnalysis a, String id) {
        Optional<EntitySummary> e =
                a.entities().stream().filter(x -> x.id().equals(id)).findFirst();
        assertThat(e).as("entity %s in %s", id, ids(a)).isPresent();
        return e.get();
    }

    @Test
    void simplifiedMarketWrapWithRespectivelyListAndMarketCap() {
        DocumentAnalysis a =
                analyzer.analyze(
                        "美股收盘：甲骨文一度跌超7%，英伟达收涨3.2%",
                        "周二美股三大指数涨跌不一，道指跌0.3%，纳指涨0.6%。"
                                + "高通、英特爾、聯發科單日分別下跌4.2%、3.1%、2.5%。"
                                + "甲骨文市值蒸发近600亿美元。",
                        null);
        assertThat(a.language()).isEqualTo(Language.ZH_HANS);
        assertThat(ids(a))
                .contains(
                        "oracle",
                        "nvidia",
                        "index.dow-jones",
                        "index.nasdaq-composite",
                        "qualcomm",
                        "intel",
                        "mediatek");
        assertThat(a.moves())
                .extracting(
                        MarketMove::entityId,
                        MarketMove::direction,
                        MarketMove::percent,
                        MarketMove::qualifier)
                .contains(
                        tuple("oracle", Direction.DOWN, 7.0, "over"),
                        tuple("nvidia", Direction.UP, 3.2, null),
                        tuple("index.dow-jones", Direction.DOWN, 0.3, null),
                        tuple("qualcomm", Direction.DOWN, 4.2, null),
                        tuple("intel", Direction.DOWN, 3.1, null),
                        tuple("mediatek", Direction.DOWN, 2.5, null));
        MarketMove cap =
                a.moves().stream()
                        .filter(m -> m.kind() == MarketMove.Kind.MARKET_CAP)
                        .findFirst()
                        .orElseThrow();
        assertThat(cap.entityId()).isEqualTo("oracle");
        assertThat(cap.amount()).isEqualTo(6.0e10);
        assertThat(cap.currency()).isEqualTo("USD");
        assertThat(entity(a, "oracle").relevance()).isGreaterThan(entity(a, "intel").relevance());
        assertThat(entity(a, "nvidia").tone()).isPositive();
        assertThat(entity(a, "oracle").tone()).isNegative();
    }

    @Test
    void traditionalTaiwanNamesAndTheSameMoveReportedTwice() {
        DocumentAnalysis a =
                analyzer.analyze("輝達股價創新高 台積電漲2%", "台股加權指數今日上漲1.2%，台積電上漲2%，聯發科跌1.1%，鴻海持平。", null);
        assertThat(a.language()).isEqualTo(Language.ZH_HANT);
        assertThat(ids(a)).contains("nvidia", "tsmc", "index.taiex", "mediatek", "hon-hai");
        assertThat(entity(a, "tsmc").count()).isEqualTo(2);
        assertThat(a.moves().stream().filter(m -> m.entityId().equals("tsmc"))).hasSize(1);
        assertThat(entity(a, "tsmc").sectors()).contains("sector.semiconductors");
    }

    @Test
    void arabicWithLatinNamesInside() {
        DocumentAnalysis a =
                analyzer.analyze(
                        "أرامكو السعودية ترتفع 2.5%",
                        "ارتفع سهم أرامكو السعودية بنسبة 2.5% في تداولات اليوم، بينما تراجع مؤشر"
                                + " تاسي بنسبة 0.8%. وأعلنت شركة iFlytek الصينية عن نموذج جديد،"
                                + " كما وقعت Zhongji Innolight اتفاقية مع إنفيديا.",
                        null);
        assertThat(a.language()).isEqualTo(Language.AR);
        assertThat(ids(a))
                .contains("saudi-aramco", "index.tasi", "iflytek", "zhongji-innolight", "nvidia");
        assertThat(a.moves())
                .extracting(MarketMove::entityId, MarketMove::direction, MarketMove::percent)
                .contains(
                        tuple("saudi-aramco", Direction.UP, 2.5),
                        tuple("index.tasi", Direction.DOWN, 0.8));
        assertThat(entity(a, "saudi-aramco").tone()).isPositive();
    }

    @Test
    void englishTickersCommonWordNamesAndStakes() {
        DocumentAnalysis a =
                analyzer.analyze(
                        "Nvidia shares jump as OpenAI signs chip deal",
                        "Nvidia (NASDAQ: NVDA) rose as much as 5.2% on Tuesday. Apple fell 1.3%,"
                                + " while Target Corp slumped nearly 4% after cutting its outlook."
                                + " Microsoft holds a 27% stake in OpenAI. Analysts raised their"
                                + " price target, and one said an apple a day keeps doctors away.",
                        null);
        assertThat(a.language()).isEqualTo(Language.EN);
        EntitySummary nvidia = entity(a, "nvidia");
        assertThat(nvidia.mentions()).extracting(m -> m.rule()).contains("ticker");
        assertThat(entity(a, "apple").count()).isEqualTo(1);
        assertThat(entity(a, "target").count()).isEqualTo(1);
        assertThat(a.moves())
                .extracting(MarketMove::entityId, MarketMove::percent, MarketMove::qualifier)
                .contains(
                        tuple("nvidia", 5.2, "up_to"),
                        tuple("apple", 1.3, null),
                        tuple("target", 4.0, "nearly"))
                .noneMatch(t -> t.toList().contains(27.0));
        assertThat(a.moves()).noneMatch(m -> m.entityId().equals("microsoft"));
    }

    @Test
    void conceptBoardsEtfCodesAndIndexMoves() {
        DocumentAnalysis a =
                analyzer.analyze(
                        "AI算力板块午后拉升 光模块概念股走强",
                        "午后算力、光模块板块集体走强，中际旭创涨超10%，新易盛涨停，工业富联涨5%。"
                                + "科创50ETF(588000)涨1.8%。白酒板块回落，贵州茅台跌1.2%。沪指涨0.42%。",
                        null);
        assertThat(ids(a))
                .contains(
                        "sector.computing_power",
                        "sector.optical_modules",
                        "zhongji-innolight",
                        "eoptolink",
                        "etf.588000",
                        "kweichow-moutai",
                        "index.sse-composite");
        assertThat(a.sectors())
                .filteredOn(s -> s.id().equals("sector.baijiu"))
                .singleElement()
                .satisfies(s -> assertThat(s.derived()).isFalse());
        assertThat(a.moves())
                .extracting(MarketMove::entityId, MarketMove::percent, MarketMove::qualifier)
                .contains(
                        tuple("zhongji-innolight", 10.0, "over"),
                        tuple("eoptolink", 20.0, "limit"), // ChiNext: 20 %
                        tuple("index.sse-composite", 0.42, null));
    }

    @Test
    void productsCountForTheirCompanies() {
        DocumentAnalysis a =
                analyzer.analyze("阿里巴巴发布通义千问新模型", "通义千问发布新版本，字节跳动的豆包也相继更新。腾讯控股(00700)涨2%。", null);
        EntitySummary alibaba = entity(a, "alibaba");
        assertThat(alibaba.count()).isEqualTo(3);
        assertThat(alibaba.mentions()).extracting(m -> m.rule()).contains("product");
        assertThat(entity(a, "product.qwen").parent()).isEqualTo("alibaba");
        assertThat(entity(a, "bytedance").count()).isEqualTo(2);
        assertThat(entity(a, "tencent").mentions()).extracting(m -> m.rule()).contains("code");
    }

    @Test
    void boilerplateAndSyndicatedRepeatsDoNotInflateCounts() {
        String para = "腾讯今日发布财报，营收超出市场预期。";
        DocumentAnalysis a =
                analyzer.analyze(
                        null,
                        para + "\n" + para + "\n免责声明：本文不构成投资建议，文中提及英伟达、苹果等公司仅供参考。" + "\n分享到：微信 微博",
                        null);
        assertThat(ids(a)).containsExactly("tencent");
        assertThat(entity(a, "tencent").count()).isEqualTo(1);
    }

    @Test
    void namesInsideLongerWordsAndUnitsAreNotMentions() {
        DocumentAnalysis a =
                analyzer.analyze(null, "佳保安全公司成立。金价报2400美元/盎司。The Dow Chemical plant.", null);
        assertThat(ids(a)).doesNotContain("asset.usd", "index.dow-jones");
    }
}
